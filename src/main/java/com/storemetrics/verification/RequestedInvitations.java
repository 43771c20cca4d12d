package com.storemetrics.verification;

import com.storemetrics.appstore.InvitationInbox;
import com.storemetrics.appstore.ReceivedInvitation;
import com.storemetrics.integration.WatchedAccount;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Invitations to our service Apple ID that some customer asked for: seen ones are "received", and
 * the inbox accepts them where it can (the sandbox does; at Apple an operator does). Inbox trouble
 * never stops a membership check.
 */
@Component
class RequestedInvitations {

    private static final Logger log = LoggerFactory.getLogger(RequestedInvitations.class);

    private final InvitationInbox inbox;

    RequestedInvitations(InvitationInbox inbox) {
        this.inbox = inbox;
    }

    /**
     * Accepts invitations to our service Apple ID for accounts some customer has a Pending
     * integration of, and only those. Where the inbox cannot accept (at Apple, an operator does),
     * this does nothing. Inbox trouble does not stop the membership check.
     */
    Invitations acceptFor(List<WatchedAccount> watched) {
        Set<String> pending = new HashSet<>();
        Set<String> accepted = new HashSet<>();
        if (!inbox.canAccept()) {
            return new Invitations(pending, accepted);
        }
        Set<String> requested = new HashSet<>();
        watched.stream()
                .filter(WatchedAccount::hasPending)
                .map(WatchedAccount::accountNumber)
                .filter(number -> number != null)
                .forEach(requested::add);
        List<ReceivedInvitation> received;
        try {
            received = inbox.pendingInvitations();
        } catch (RuntimeException inboxTrouble) {
            log.warn("Could not read invitations this cycle: {}", inboxTrouble.getMessage());
            return new Invitations(pending, accepted);
        }
        for (ReceivedInvitation invitation : received) {
            if (!requested.contains(invitation.accountNumber())) {
                log.info(
                        "Not accepting the invitation to account {}: no customer asked us to integrate it",
                        invitation.accountNumber());
                continue;
            }
            // Received from here on; accepted only once the inbox took it (a failed accept is retried next cycle).
            pending.add(invitation.accountNumber());
            try {
                inbox.accept(invitation.id());
                accepted.add(invitation.accountNumber());
            } catch (RuntimeException acceptTrouble) {
                log.warn(
                        "Could not accept the invitation to account {} this cycle: {}",
                        invitation.accountNumber(),
                        acceptTrouble.getMessage());
            }
        }
        return new Invitations(pending, accepted);
    }

    record Invitations(Set<String> pending, Set<String> accepted) {}
}
