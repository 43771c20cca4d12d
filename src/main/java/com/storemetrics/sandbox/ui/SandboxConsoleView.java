package com.storemetrics.sandbox.ui;

import static com.storemetrics.sandbox.ui.ConsoleParts.TIME;
import static com.storemetrics.sandbox.ui.ConsoleParts.badge;
import static com.storemetrics.sandbox.ui.ConsoleParts.card;
import static com.storemetrics.sandbox.ui.ConsoleParts.copyButton;
import static com.storemetrics.sandbox.ui.ConsoleParts.row;
import static com.storemetrics.sandbox.ui.ConsoleParts.toast;

import com.storemetrics.sandbox.SandboxRefusal;
import com.storemetrics.sandbox.SandboxWorld;
import com.storemetrics.sandbox.WorldSnapshot;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;

/**
 * The sandbox's console: Apple's side of the demo world, and the account holder's actions
 * (invite or remove our service Apple ID, let an invitation expire, revoke a token) plus the
 * invitee's (accept). Thin: every action is one call of {@link SandboxWorld}, then a redraw.
 * The route is registered by {@link SandboxConsoleRoute} only while the sandbox is on.
 */
@PageTitle("App Store Connect sandbox | Storemetrics")
@Menu(title = "App Store Connect sandbox", order = 50, icon = "vaadin:flask")
@PermitAll
class SandboxConsoleView extends VerticalLayout {

    static final String ROUTE = "sandbox";

    private final transient SandboxWorld world;
    private final VerticalLayout content = new VerticalLayout();

    SandboxConsoleView(SandboxWorld world) {
        this.world = world;
        setId("sandbox-console");
        setMaxWidth("70rem");
        content.setPadding(false);
        Paragraph intro = new Paragraph("Apple's side of the demo world, served under /sandbox/apple by this app."
                + " Act as an account holder here; our clients see the result through Apple's own protocols.");
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);
        add(new H2("App Store Connect sandbox"), intro, content);
        refresh();
    }

    private void refresh() {
        WorldSnapshot snapshot = world.snapshot();
        content.removeAll();
        Button reload = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button reset =
                new Button("Reset sandbox", VaadinIcon.ROTATE_LEFT.create(), e -> act("Sandbox reset", world::reset));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        Span now = new Span("Sandbox time: " + TIME.format(snapshot.now()));
        now.setId("sandbox-time");
        Button later = new Button(
                "Move time forward 4 days",
                VaadinIcon.FAST_FORWARD.create(),
                e -> act(
                        "Sandbox time moved forward 4 days: invitations older than that have lapsed",
                        () -> world.advanceClock(Duration.ofDays(4))));
        later.setId("advance-clock");
        later.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        later.setTooltipText("Apple lets invitations lapse after 3 days. In development the app shares this clock, "
                + "so a Pending integration then turns Expired at the next check.");
        HorizontalLayout toolbar = row(now, later, reload, reset);
        content.add(toolbar, serviceAppleId(snapshot), new H3("Apple IDs"));
        snapshot.appleIds().forEach(appleId -> content.add(appleIdCard(appleId)));
        content.add(new H3("Accounts"));
        snapshot.accounts()
                .forEach(account -> content.add(new AccountCard(account, snapshot.serviceAppleId(), world, this::act)));
        content.add(new H3("API keys"));
        snapshot.apiKeys().forEach(key -> content.add(apiKeyCard(key)));
    }

    private Component serviceAppleId(WorldSnapshot snapshot) {
        Span id = new Span(snapshot.serviceAppleId());
        id.addClassNames("service-apple-id");
        Span label = new Span("Our service Apple ID");
        label.addClassNames(LumoUtility.TextColor.SECONDARY);
        return card(
                label, row(id, copyButton(snapshot.serviceAppleId(), "Copy the service Apple ID", "Apple ID copied")));
    }

    private Component appleIdCard(WorldSnapshot.AppleId appleId) {
        Span email = new Span(appleId.email() + " (" + appleId.name() + ")");
        email.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Span token = new Span(appleId.token());
        token.addClassNames(LumoUtility.FontSize.SMALL);
        token.getStyle().set("font-family", "monospace");
        Button revoke = new Button(
                "Revoke token",
                e -> act("Token of " + appleId.email() + " revoked", () -> world.revokeToken(appleId.token())));
        revoke.setId("revoke-" + appleId.email());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(!appleId.revoked());
        Span accounts = new Span(
                appleId.accounts().isEmpty()
                        ? "Member of no account"
                        : "Member of " + String.join(", ", appleId.accounts()));
        accounts.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div card = card(
                row(email, tokenBadge(appleId)),
                row(
                        token,
                        copyButton(appleId.token(), "Copy the Reporter token of " + appleId.email(), "Token copied"),
                        revoke),
                accounts);
        card.setId("apple-id-" + appleId.email());
        return card;
    }

    private Span tokenBadge(WorldSnapshot.AppleId appleId) {
        if (appleId.revoked()) {
            return badge("Token revoked", "error");
        }
        if (appleId.expired()) {
            return badge("Token expired " + TIME.format(appleId.expiresAt()), "error");
        }
        return badge("Token valid until " + TIME.format(appleId.expiresAt()), "success");
    }

    private Component apiKeyCard(WorldSnapshot.ApiKey key) {
        H4 title = new H4("Key " + key.keyId() + " · " + key.role() + " · account " + key.account());
        Span issuer = new Span("Issuer ID " + key.issuerId());
        issuer.getStyle().set("font-family", "monospace");
        Button view = new Button("View .p8", VaadinIcon.EYE.create(), e -> showPrivateKey(key));
        view.setId("view-p8-" + key.keyId());
        view.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Div card = card(
                title,
                row(issuer, copyButton(key.issuerId(), "Copy the Issuer ID of " + key.keyId(), "Issuer ID copied")),
                row(view, copyButton(key.privateKeyPem(), "Copy the .p8 of " + key.keyId(), ".p8 copied")));
        card.setId("api-key-" + key.keyId());
        return card;
    }

    private void showPrivateKey(WorldSnapshot.ApiKey key) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("AuthKey_" + key.keyId() + ".p8");
        TextArea pem = new TextArea();
        pem.setValue(key.privateKeyPem());
        pem.setReadOnly(true);
        pem.setWidth("36rem");
        pem.setAriaLabel("Private key of " + key.keyId());
        Button close = new Button("Close", e -> dialog.close());
        dialog.add(pem);
        dialog.getFooter().add(copyButton(key.privateKeyPem(), "Copy the .p8 of " + key.keyId(), ".p8 copied"), close);
        dialog.open();
    }

    /** Runs one account-holder action; a refusal is shown, not thrown. */
    void act(String success, Runnable action) {
        try {
            action.run();
            toast(success, NotificationVariant.LUMO_SUCCESS);
        } catch (SandboxRefusal refusal) {
            toast(refusal.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }
}
