package com.storemetrics.connect.ui;

import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.base.ui.BackgroundCalls;
import com.storemetrics.connect.ApiAccess;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.connect.ServiceRoles;
import com.vaadin.flow.component.UI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Step 3's "Send invitations for me" with an Admin key: one background call per selected account,
 * each answer shown on its line; once Apple has every account invited, nothing is left to confirm.
 */
final class InvitationSending {

    private final ConnectionService connections;
    private final BackgroundCalls background;
    private final InviteStep step;

    InvitationSending(ConnectionService connections, BackgroundCalls background, InviteStep step) {
        this.connections = connections;
        this.background = background;
        this.step = step;
    }

    void send(ApiAccess access, List<DiscoveredAccount> accounts) {
        step.sending(true);
        step.outcome.info("Asking Apple to send the invitations…");
        Set<String> invited = new HashSet<>();
        ServiceRoles roles = step.roles();
        for (DiscoveredAccount account : accounts) {
            background.run(
                    UI.getCurrent(),
                    () -> connections.sendInvitation(access, account, roles),
                    result -> {
                        step.sending(false);
                        step.outcome.clear();
                        step.showResult(account, result.label(), true);
                        invited.add(account.key());
                        if (invited.size() == accounts.size()) {
                            // Apple has an invitation (or membership) for every account: nothing is left to confirm.
                            step.confirmed.setValue(true);
                            step.outcome.success(
                                    "Apple has our Apple ID invited to every selected account. Press Finish.");
                        }
                    },
                    failure -> {
                        step.sending(false);
                        step.outcome.clear();
                        step.showResult(account, "failed: " + FailureMessages.messageFor(failure), false);
                    });
        }
    }
}
