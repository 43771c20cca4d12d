package com.storemetrics.connect.ui;

import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.base.ui.BackgroundCalls;
import com.storemetrics.connect.AlreadyConnected;
import com.storemetrics.connect.ApiAccess;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.connect.FunnelDraft;
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
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Connect App Store Connect": the wizard frame around the funnel's three steps. Where the customer
 * stands lives in a {@link FunnelDraft}; this class shows it and runs the slow calls in the
 * background. The credential lives in the steps' fields and the draft only; closing the dialog in
 * any way drops it and creates nothing. Only Finish creates integrations, and reports what became
 * of each account through {@code onFinished}.
 */
public class ConnectAppStoreDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(ConnectAppStoreDialog.class);

    private final transient ConnectionService connections;
    private final transient BackgroundCalls background;
    private final Consumer<ConnectionService.Finished> onFinished;
    private final FunnelDraft draft = new FunnelDraft();
    private final CredentialValidation validation;
    private final InvitationSending invitations;

    final CredentialStep tokenStep = new CredentialStep(this::credentialEdited);
    final SelectAccountStep accountStep = new SelectAccountStep();
    final InviteStep inviteStep;
    final Span stepLabel = new Span();
    final Button cancel = new Button("Cancel", click -> close());
    final Button back = new Button("Back", click -> back());
    final Button next = new Button("Next", click -> next());
    final Button finish = new Button("Finish", click -> finish());

    private final VerticalLayout body = new VerticalLayout();

    public ConnectAppStoreDialog(
            ConnectionService connections,
            BackgroundCalls background,
            Consumer<ConnectionService.Finished> onFinished) {
        this.connections = connections;
        this.background = background;
        this.onFinished = onFinished;
        this.inviteStep = new InviteStep(connections.serviceAppleId());
        this.validation = new CredentialValidation(connections, background, draft, tokenStep, this::updateButtons);
        this.invitations = new InvitationSending(connections, background, inviteStep);

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

        tokenStep.validate.addClickListener(click -> validation.run());
        accountStep.accounts.addValueChangeListener(change -> updateButtons());
        inviteStep.confirmed.addValueChangeListener(change -> updateButtons());
        inviteStep.sendForMe.addClickListener(click -> sendInvitations());
        addOpenedChangeListener(change -> {
            if (change.isOpened()) {
                tokenStep.focusFirstField();
            } else {
                forgetCredential();
            }
        });
        showStep();
    }

    private void showStep() {
        FunnelDraft.Step step = draft.step();
        stepLabel.setText(step.title(tokenStep.selectedKind()));
        body.removeAll();
        body.add(
                switch (step) {
                    case CREDENTIAL -> tokenStep;
                    case SELECT_ACCOUNT -> accountStep;
                    case INVITE -> inviteStep;
                });
        updateButtons();
    }

    private void updateButtons() {
        FunnelDraft.Step step = draft.step();
        back.setVisible(step != FunnelDraft.Step.CREDENTIAL);
        next.setVisible(step != FunnelDraft.Step.INVITE);
        finish.setVisible(step == FunnelDraft.Step.INVITE);
        next.setEnabled(draft.canAdvance(accountStep.selected().size()));
        finish.setEnabled(draft.canFinish(invitedOrNothingToInvite()));
    }

    private void credentialEdited() {
        draft.edited();
        tokenStep.outcome.clear();
        tokenStep.running(false);
        if (draft.step() == FunnelDraft.Step.CREDENTIAL) {
            stepLabel.setText(draft.step().title(tokenStep.selectedKind()));
        }
        updateButtons();
    }

    private void next() {
        if (!draft.advance(accountStep.selected().size())) {
            return;
        }
        if (draft.step() == FunnelDraft.Step.SELECT_ACCOUNT) {
            showStep();
            showAccounts();
        } else {
            inviteStep.show(
                    selectedInOrder(),
                    draft.apiAccess() != null,
                    selectedInOrder().stream()
                            .filter(account ->
                                    !accountStep.availabilityOf(account).needsInvitation())
                            .map(DiscoveredAccount::key)
                            .collect(Collectors.toSet()));
            showStep();
        }
    }

    private void back() {
        draft.back();
        showStep();
    }

    private void showAccounts() {
        accountStep.show(draft.discovered(), connections.availability(draft.discovered()));
        if (!draft.needsApps()) {
            return;
        }
        int generation = draft.generation();
        List<DiscoveredAccount> toLoad = draft.discovered();
        String token = draft.accessTokenForApps();
        accountStep.loading(true);
        background.run(
                UI.getCurrent(),
                () -> connections.loadRecentApps(token, toLoad),
                loaded -> {
                    if (!draft.appsLoaded(generation, loaded)) {
                        return;
                    }
                    accountStep.loading(false);
                    accountStep.show(draft.discovered(), connections.availability(draft.discovered()));
                    updateButtons();
                },
                failure -> {
                    accountStep.loading(false);
                    log.warn("Loading apps failed unexpectedly", failure);
                });
    }

    private List<DiscoveredAccount> selectedInOrder() {
        List<DiscoveredAccount> selected = new ArrayList<>(accountStep.selected());
        selected.sort(Comparator.comparing(DiscoveredAccount::name, String.CASE_INSENSITIVE_ORDER));
        return selected;
    }

    private void sendInvitations() {
        ApiAccess access = draft.apiAccess();
        if (access != null) {
            invitations.send(access, selectedInOrder());
        }
    }

    private void finish() {
        if (!draft.canFinish(invitedOrNothingToInvite())) {
            updateButtons();
            return;
        }
        try {
            ConnectionService.Finished finished =
                    connections.finishAndTell(selectedInOrder(), draft.checkedKind(), inviteStep.roles());
            close();
            onFinished.accept(finished);
        } catch (AlreadyConnected duplicate) {
            inviteStep.outcome.failure(duplicate.getMessage());
            finish.setEnabled(false);
        }
    }

    private boolean invitedOrNothingToInvite() {
        return inviteStep.confirmed.getValue() || !inviteStep.invitationNeeded();
    }

    private void forgetCredential() {
        tokenStep.forgetSecrets();
        draft.forget();
    }
}
