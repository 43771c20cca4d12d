package com.storemetrics.connect.ui;

import com.storemetrics.integration.CredentialKind;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.HasValueChangeMode;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Step 1: the credential. An access token (the default), or an API key (Issuer ID, Key ID and the
 * .p8, or a pasted JWT) with the account's vendor number. Any edit calls {@code onEdited}, which
 * takes a previous validation back.
 */
class CredentialStep extends VerticalLayout {

    /** The largest .p8 we accept; real ones are about 250 bytes. */
    static final int MAX_P8_BYTES = 16 * 1024;
    /**
     * Twice what the service accepts for an access token or JWT (4 KB): a paste a little too long
     * gets the service's own message, anything longer is not even kept in the session. The browser
     * cuts a paste here (maxlength), so a huge paste never makes a request too large to send.
     */
    static final int MAX_TOKEN_CHARS = 8 * 1024;
    /** Issuer ID (36), Key ID (10) and vendor number (6 to 12) all fit. */
    static final int MAX_ID_CHARS = 64;

    final RadioButtonGroup<CredentialKind> kind = new RadioButtonGroup<>("What do you have?");
    final PasswordField accessToken = new PasswordField("Access token");
    final TextField issuerId = new TextField("Issuer ID");
    final TextField keyId = new TextField("Key ID");
    final TextArea privateKey = new TextArea("Private key (.p8)");
    final Upload privateKeyUpload;
    final Checkbox pasteJwt = new Checkbox("Paste a JWT instead");
    final TextArea jwt = new TextArea("JWT");
    final TextField vendorNumber = new TextField("Vendor number");
    final Button validate = new Button("Validate");
    final ProgressBar progress = new ProgressBar();
    final ValidationOutcome outcome = new ValidationOutcome("token-outcome");

    private final VerticalLayout tokenFields = new VerticalLayout();
    private final VerticalLayout keyFields = new VerticalLayout();
    private final VerticalLayout keyPartFields = new VerticalLayout();

    CredentialStep(Runnable onEdited) {
        setPadding(false);
        kind.setItems(CredentialKind.ACCESS_TOKEN, CredentialKind.API_KEY);
        kind.setItemLabelGenerator(k -> k == CredentialKind.ACCESS_TOKEN ? "Access token" : "API key");
        kind.setValue(CredentialKind.ACCESS_TOKEN);

        accessToken.setId("access-token");
        validate.setId("validate-credential");
        accessToken.setWidthFull();
        accessToken.setHelperText("App Store Connect > Sales and Trends > Reports > About Reports > Generate Token."
                + " A new or an existing token both work.");
        accessToken.setPlaceholder("e.g. 1a2b3c4d-5e6f-...");
        tokenFields.setPadding(false);
        tokenFields.add(
                accessToken,
                AppStoreConnectLinks.to(
                        AppStoreConnectLinks.REPORTS,
                        "Where is my access token? Open Sales and Trends > Reports in App Store Connect (new tab)"));

        issuerId.setHelperText("App Store Connect > Users and Access > Integrations > App Store Connect API.");
        keyId.setHelperText("10 characters, next to the key's name.");
        privateKey.setHelperText("Upload the .p8 file you downloaded when you created the key, or paste its text."
                + " It stays in memory only, for this dialog.");
        privateKey.setMaxLength(MAX_P8_BYTES);
        privateKey.setWidthFull();
        privateKeyUpload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            if (bytes.length > MAX_P8_BYTES) {
                return; // setMaxFileSize is the browser's check; this one holds for every client.
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> privateKey.setValue(text));
            }
        }));
        privateKeyUpload.setMaxFiles(1);
        privateKeyUpload.setMaxFileSize(MAX_P8_BYTES);
        privateKeyUpload.setAcceptedFileTypes(".p8");
        privateKeyUpload.setDropLabel(new Span("Drop the .p8 file here"));
        privateKeyUpload.addFileRejectedListener(rejected -> outcome.failure(
                "That file was refused: " + rejected.getErrorMessage() + ". Choose the .p8 key file (at most 16 KB)."));
        keyPartFields.setPadding(false);
        keyPartFields.add(
                AppStoreConnectLinks.to(
                        AppStoreConnectLinks.API_KEYS,
                        "Where are my API keys? Open Users and Access > Integrations in App Store Connect (new tab)"),
                issuerId,
                keyId,
                privateKey,
                privateKeyUpload);
        jwt.setWidthFull();
        jwt.setHelperText("An ES256 JWT for the App Store Connect API, living at most 20 minutes.");
        jwt.setVisible(false);
        vendorNumber.setHelperText("App Store Connect > Payments and Financial Reports, top left. "
                + "The API does not tell us which account the key belongs to.");
        keyFields.setPadding(false);
        keyFields.add(keyPartFields, pasteJwt, jwt, vendorNumber);
        keyFields.setVisible(false);

        validate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        validate.addClickShortcut(Key.ENTER).listenOn(this);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", "Checking with Apple");

        Paragraph help = new Paragraph("Paste a new or existing App Store Connect access token, or use an API key. "
                + "We check it with Apple and never store it.");
        help.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        add(help, kind, tokenFields, keyFields, validate, progress, outcome);

        kind.addValueChangeListener(change -> {
            tokenFields.setVisible(change.getValue() == CredentialKind.ACCESS_TOKEN);
            keyFields.setVisible(change.getValue() == CredentialKind.API_KEY);
            onEdited.run();
        });
        pasteJwt.addValueChangeListener(change -> {
            jwt.setVisible(change.getValue());
            keyPartFields.setVisible(!change.getValue());
            onEdited.run();
        });
        for (var field : new HasValueChangeMode[] {accessToken, issuerId, keyId, privateKey, jwt, vendorNumber}) {
            field.setValueChangeMode(ValueChangeMode.EAGER);
        }
        // The browser enforces maxlength for well-behaved clients; the listeners enforce it for all:
        // an over-long value is dropped at once instead of being kept in the session.
        accessToken.setMaxLength(MAX_TOKEN_CHARS);
        jwt.setMaxLength(MAX_TOKEN_CHARS);
        issuerId.setMaxLength(MAX_ID_CHARS);
        keyId.setMaxLength(MAX_ID_CHARS);
        vendorNumber.setMaxLength(MAX_ID_CHARS);
        limited(accessToken, MAX_TOKEN_CHARS, onEdited);
        limited(issuerId, MAX_ID_CHARS, onEdited);
        limited(keyId, MAX_ID_CHARS, onEdited);
        limited(privateKey, MAX_P8_BYTES, onEdited);
        limited(jwt, MAX_TOKEN_CHARS, onEdited);
        limited(vendorNumber, MAX_ID_CHARS, onEdited);
    }

    /**
     * A value as long as the field's maxlength is a paste the browser cut (no real credential comes
     * near it), and a longer one came past the browser: either is dropped at once, and the dialog says
     * why, instead of silently keeping a cut-off paste.
     */
    private void limited(AbstractField<?, String> field, int maxChars, Runnable onEdited) {
        field.addValueChangeListener(change -> {
            String value = change.getValue();
            if (value != null && value.length() >= maxChars) {
                field.clear();
                onEdited.run();
                outcome.failure(tooLong(maxChars));
                return;
            }
            onEdited.run();
        });
    }

    static String tooLong(int maxChars) {
        return String.format(
                Locale.US,
                "That was too long for this field (it takes at most %,d characters), so it was not kept."
                        + " Paste only the value itself: an access token is 36 characters, a JWT a few hundred.",
                maxChars);
    }

    CredentialKind selectedKind() {
        return kind.getValue();
    }

    /** Where typing starts: the token field, or the Issuer ID (or JWT) for an API key. */
    void focusFirstField() {
        if (selectedKind() == CredentialKind.ACCESS_TOKEN) {
            accessToken.focus();
        } else if (usesJwt()) {
            jwt.focus();
        } else {
            issuerId.focus();
        }
    }

    boolean usesJwt() {
        return pasteJwt.getValue();
    }

    void running(boolean running) {
        progress.setVisible(running);
        validate.setEnabled(!running);
        if (running) {
            outcome.info("Checking with Apple…");
        }
    }

    /** Drops every secret from the fields: the dialog is done with them. */
    void forgetSecrets() {
        accessToken.clear();
        privateKey.clear();
        jwt.clear();
        privateKeyUpload.clearFileList();
    }
}
