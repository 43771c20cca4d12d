package com.storemetrics.connect.ui;

import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.base.ui.BackgroundCalls;
import com.storemetrics.connect.ApiAccess;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.connect.FunnelDraft;
import com.storemetrics.integration.CredentialKind;
import com.vaadin.flow.component.UI;
import java.util.List;

/**
 * Step 1's Validate: checks what the customer entered with Apple in the background and shows the
 * answer on the step. An answer about input the customer has changed meanwhile is dropped (the
 * draft's generation tells).
 */
final class CredentialValidation {

    private final ConnectionService connections;
    private final BackgroundCalls background;
    private final FunnelDraft draft;
    private final CredentialStep step;
    private final Runnable answered;

    CredentialValidation(
            ConnectionService connections,
            BackgroundCalls background,
            FunnelDraft draft,
            CredentialStep step,
            Runnable answered) {
        this.connections = connections;
        this.background = background;
        this.draft = draft;
        this.step = step;
        this.answered = answered;
    }

    void run() {
        if (!step.validate.isEnabled()) {
            return;
        }
        int generation = draft.generation();
        CredentialKind kind = step.selectedKind();
        String token = step.accessToken.getValue();
        String issuer = step.issuerId.getValue();
        String keyId = step.keyId.getValue();
        String pem = step.privateKey.getValue();
        String jwt = step.jwt.getValue();
        boolean usesJwt = step.usesJwt();
        String vendor = step.vendorNumber.getValue();
        step.running(true);
        background.run(
                UI.getCurrent(),
                () -> {
                    if (kind == CredentialKind.ACCESS_TOKEN) {
                        return new Checked(connections.checkAccessToken(token), null, token);
                    }
                    ConnectionService.ApiAccountCheck check = usesJwt
                            ? connections.checkApiJwt(jwt, vendor)
                            : connections.checkApiKey(issuer, keyId, pem, vendor);
                    return new Checked(List.of(check.account()), check.access(), null);
                },
                checked -> {
                    if (!draft.checked(generation, kind, checked.accounts(), checked.access(), checked.accessToken())) {
                        return; // The customer changed the input meanwhile; this answer is about the old one.
                    }
                    step.running(false);
                    int count = checked.accounts().size();
                    step.outcome.success("Valid. Apple shows " + count + (count == 1 ? " account" : " accounts")
                            + " for this " + (kind == CredentialKind.ACCESS_TOKEN ? "token" : "key") + ". Press Next.");
                    answered.run();
                },
                failure -> {
                    if (generation != draft.generation()) {
                        return;
                    }
                    step.running(false);
                    step.outcome.failure(FailureMessages.messageFor(failure));
                    answered.run();
                });
    }

    private record Checked(List<DiscoveredAccount> accounts, ApiAccess access, String accessToken) {
        @Override
        public String toString() {
            return "Checked[" + accounts.size() + " accounts]";
        }
    }
}
