package com.storemetrics.integration.funnel.ui;

import com.storemetrics.integration.funnel.AlreadyConnected;
import com.storemetrics.integration.funnel.CredentialRejected;
import com.storemetrics.integration.funnel.ApiAccess;
import com.storemetrics.integration.funnel.ConnectionService;
import com.storemetrics.integration.funnel.InvitationResult;
import com.storemetrics.base.ui.BackgroundCalls;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.DiscoveredAccount;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Connect App Store Connect": access token, select account, invite. The credential lives in
 * this dialog's fields and fields only; closing the dialog in any way drops it and creates nothing.
 * Only Finish creates integrations, and reports how many through {@code onFinished}.
 */
public class ConnectAppStoreDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(ConnectAppStoreDialog.class);
    private static final String[] STEP_NAMES = {"Access token", "Select account", "Invite"};

    private final ConnectionService connections;
    private final BackgroundCalls background;
    private final IntConsumer onFinished;

    final CredentialStep tokenStep = new CredentialStep(this::credentialEdited);
    final SelectAccountStep accountStep = new SelectAccountStep();
    final InviteStep inviteStep;
    final Span stepLabel = new Span();
    final Button cancel = new Button("Cancel", click -> close());
    final Button back = new Button("Back", click -> back());
    final Button next = new Button("Next", click -> next());
    final Button finish = new Button("Finish", click -> finish());

    private final VerticalLayout body = new VerticalLayout();
    private int step = 1;
    /** Bumped by every edit, so a check that was running for older input is ignored. */
    private int inputGeneration;
    private boolean credentialValid;
    private List<DiscoveredAccount> discovered = List.of();
    private ConnectionService.ApiAccountCheck apiCheck;
    private String checkedAccessToken;
    private CredentialKind checkedKind;

    public ConnectAppStoreDialog(ConnectionService connections, BackgroundCalls background, IntConsumer onFinished) {
        this.connections = connections;
        this.background = background;
        this.onFinished = onFinished;
        this.inviteStep = new InviteStep(connections.serviceAppleId());

        setHeaderTitle("Connect App Store Connect");
        stepLabel.setId("connect-step-label");
        stepLabel.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        getHeader().add(stepLabel);
        setWidth("min(44rem, 100vw)");
        setCloseOnOutsideClick(false);
        setCloseOnEsc(true);
        setModal(true);
        body.setPadding(false);
        add(body);

        next.setId("dialog-next");
        back.setId("dialog-back");
        finish.setId("dialog-finish");
        cancel.setId("dialog-cancel");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        finish.setDisableOnClick(true);
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Span spacer = new Span();
        spacer.addClassName(LumoUtility.Flex.GROW);
        getFooter().add(cancel, spacer, back, next, finish);

        tokenStep.validate.addClickListener(click -> validate());
        accountStep.accounts.addValueChangeListener(change -> updateButtons());
        inviteStep.confirmed.addValueChangeListener(change -> updateButtons());
        inviteStep.sendForMe.addClickListener(click -> sendInvitations());
        addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                forgetCredential();
            }
        });
        showStep(1);
    }

    private void showStep(int newStep) {
        step = newStep;
        stepLabel.setText("Step " + step + " of 3 · " + STEP_NAMES[step - 1]);
        body.removeAll();
        body.add(switch (step) {
            case 1 -> tokenStep;
            case 2 -> accountStep;
            default -> inviteStep;
        });
        updateButtons();
    }

    private void updateButtons() {
        back.setVisible(step > 1);
        next.setVisible(step < 3);
        finish.setVisible(step == 3);
        next.setEnabled(step == 1 ? credentialValid : !accountStep.selected().isEmpty());
        finish.setEnabled(step == 3 && inviteStep.confirmed.getValue());
    }

    private void credentialEdited() {
        inputGeneration++;
        credentialValid = false;
        discovered = List.of();
        apiCheck = null;
        checkedAccessToken = null;
        tokenStep.outcome.clear();
        tokenStep.running(false);
        updateButtons();
    }

    private void validate() {
        if (!tokenStep.validate.isEnabled()) {
            return;
        }
        int generation = inputGeneration;
        CredentialKind kind = tokenStep.selectedKind();
        String token = tokenStep.accessToken.getValue();
        String issuer = tokenStep.issuerId.getValue();
        String keyId = tokenStep.keyId.getValue();
        String pem = tokenStep.privateKey.getValue();
        String jwt = tokenStep.jwt.getValue();
        boolean usesJwt = tokenStep.usesJwt();
        String vendor = tokenStep.vendorNumber.getValue();
        tokenStep.running(true);
        UI ui = UI.getCurrent();
        background.run(ui, () -> {
            if (kind == CredentialKind.ACCESS_TOKEN) {
                return new Checked(connections.checkAccessToken(token), null, token);
            }
            ConnectionService.ApiAccountCheck check = usesJwt ? connections.checkApiJwt(jwt, vendor)
                    : connections.checkApiKey(issuer, keyId, pem, vendor);
            return new Checked(List.of(check.account()), check, null);
        }, checked -> {
            if (generation != inputGeneration) {
                return; // The customer changed the input meanwhile; this answer is about the old one.
            }
            tokenStep.running(false);
            credentialValid = true;
            checkedKind = kind;
            discovered = checked.accounts();
            apiCheck = checked.apiCheck();
            checkedAccessToken = checked.accessToken();
            int count = discovered.size();
            tokenStep.outcome.success("Valid. Apple shows " + count + (count == 1 ? " account" : " accounts")
                    + " for this " + (kind == CredentialKind.ACCESS_TOKEN ? "token" : "key") + ". Press Next.");
            updateButtons();
        }, failure -> {
            if (generation != inputGeneration) {
                return;
            }
            tokenStep.running(false);
            tokenStep.outcome.failure(messageFor(failure));
            updateButtons();
        });
    }

    private void next() {
        if (step == 1 && credentialValid) {
            showStep(2);
            showAccounts();
        } else if (step == 2 && !accountStep.selected().isEmpty()) {
            inviteStep.show(selectedInOrder(), apiCheck != null);
            showStep(3);
        }
    }

    private void back() {
        if (step > 1) {
            showStep(step - 1);
        }
    }

    private void showAccounts() {
        accountStep.show(discovered, connections.availability(discovered));
        boolean appsMissing = discovered.stream()
                .anyMatch(account -> account.appsState() == DiscoveredAccount.AppsState.NOT_LOADED);
        if (appsMissing && checkedAccessToken != null) {
            int generation = inputGeneration;
            List<DiscoveredAccount> toLoad = discovered;
            String token = checkedAccessToken;
            accountStep.loading(true);
            background.run(UI.getCurrent(), () -> connections.loadRecentApps(token, toLoad), loaded -> {
                if (generation != inputGeneration) {
                    return;
                }
                discovered = loaded;
                accountStep.loading(false);
                accountStep.show(discovered, connections.availability(discovered));
                updateButtons();
            }, failure -> {
                accountStep.loading(false);
                log.warn("Loading apps failed unexpectedly", failure);
            });
        }
    }

    private List<DiscoveredAccount> selectedInOrder() {
        List<DiscoveredAccount> selected = new ArrayList<>(accountStep.selected());
        selected.sort(Comparator.comparing(DiscoveredAccount::name, String.CASE_INSENSITIVE_ORDER));
        return selected;
    }

    private void sendInvitations() {
        if (apiCheck == null) {
            return;
        }
        List<DiscoveredAccount> selected = selectedInOrder();
        ApiAccess access = apiCheck.access();
        inviteStep.sending(true);
        inviteStep.outcome.info("Asking Apple to send the invitations…");
        for (DiscoveredAccount account : selected) {
            background.run(UI.getCurrent(), () -> connections.sendInvitation(access, account), result -> {
                inviteStep.sending(false);
                inviteStep.outcome.clear();
                inviteStep.showResult(account, result.label(), true);
                if (result != InvitationResult.SENT) {
                    return;
                }
                inviteStep.outcome.success("Apple sent the invitation. Tick the box below and press Finish.");
            }, failure -> {
                inviteStep.sending(false);
                inviteStep.outcome.clear();
                inviteStep.showResult(account, "failed: " + messageFor(failure), false);
            });
        }
    }

    private void finish() {
        if (step != 3 || !inviteStep.confirmed.getValue()) {
            updateButtons();
            return;
        }
        try {
            int created = connections.finish(selectedInOrder(), checkedKind).size();
            close();
            onFinished.accept(created);
        } catch (AlreadyConnected duplicate) {
            inviteStep.outcome.failure(duplicate.getMessage());
            finish.setEnabled(false);
        }
    }

    private void forgetCredential() {
        tokenStep.forgetSecrets();
        apiCheck = null;
        checkedAccessToken = null;
        discovered = List.of();
        credentialValid = false;
    }

    private static String messageFor(RuntimeException failure) {
        if (failure instanceof CredentialRejected rejected) {
            return rejected.userMessage();
        }
        log.error("Unexpected failure in the connection dialog", failure);
        return "Something unexpected went wrong on our side. Please try again; if it keeps happening, contact support.";
    }

    private record Checked(List<DiscoveredAccount> accounts, ConnectionService.ApiAccountCheck apiCheck,
            String accessToken) {
        @Override
        public String toString() {
            return "Checked[" + accounts.size() + " accounts]";
        }
    }
}
