package com.storemetrics.verification;

import com.storemetrics.integration.AccountMemberships;
import com.storemetrics.integration.Actor;
import com.storemetrics.integration.IntegrationLifecycle;
import com.storemetrics.integration.IntegrationProgress;
import com.storemetrics.integration.WatchedAccount;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verifier's policy for what one successful check saw (docs/design.md, "Statuses"):
 * membership seen approves every Pending integration of the account, whoever owns it; a membership
 * lost in {@link #MISSES_BEFORE_LOSS} consecutive successful checks removes every Approved
 * integration of the account, of every customer; a Pending integration that waited longer than the
 * invitation lifetime plus grace expires. Changes go through integration's write path.
 */
@Component
class MembershipReconciler {

    /** A single check without our user may be Apple's hiccup; two in a row are believed. */
    static final int MISSES_BEFORE_LOSS = 2;

    static final String APPROVED_REASON = "Our service user is now a member of the account: the invitation was accepted.";
    static final String REMOVED_REASON = "Access removed in App Store Connect by an Account Holder or Admin.";
    static final String EXPIRED_REASON = "The invitation was not accepted in time (Apple lets invitations lapse "
            + "after 3 days). Remove this integration and connect the account again.";

    private final AccountMemberships memberships;
    private final IntegrationLifecycle lifecycle;

    MembershipReconciler(AccountMemberships memberships, IntegrationLifecycle lifecycle) {
        this.memberships = memberships;
        this.lifecycle = lifecycle;
    }

    /** Applies one successful observation, in one transaction; views hear of it after commit. */
    @Transactional
    public ReconcileOutcome reconcile(MembershipObservation observation) {
        // Databases keep microseconds; comparing with what was stored needs the same precision.
        Instant now = observation.observedAt().truncatedTo(ChronoUnit.MICROS);
        // Read inside this transaction: the accounts stay loaded while their records change.
        List<WatchedAccount> watched = memberships.watched();
        int approved = 0;
        int expired = 0;
        List<Long> lost = new ArrayList<>();
        for (WatchedAccount account : watched) {
            String number = account.accountNumber();
            String identified = observation.identifiedAccounts().get(account.accountId());
            if (number == null && identified != null) {
                number = identified;
                memberships.identified(account.accountId(), number,
                        observation.visibleAccounts().getOrDefault(number, account.name()));
            }
            if (number != null && observation.visibleAccounts().containsKey(number)) {
                memberships.seen(account.accountId(), observation.visibleAccounts().get(number), now);
                if (account.hasPending()) {
                    approved += lifecycle.approvePending(account.accountId(), APPROVED_REASON, Actor.VERIFIER, now);
                }
                continue;
            }
            boolean newerThanLastCheck = account.membershipCheckedAt() == null
                    || now.isAfter(account.membershipCheckedAt());
            if (newerThanLastCheck && memberships.missing(account.accountId(), now) >= MISSES_BEFORE_LOSS) {
                memberships.forgotten(account.accountId());
                lost.add(account.accountId());
            }
            if (account.hasPending()) {
                expired += lifecycle.expirePending(account.accountId(), now.minus(observation.pendingLifetime()),
                        EXPIRED_REASON, name -> name + ": the invitation was not accepted in time. Remove the "
                                + "expired integration and connect the account again.", Actor.VERIFIER, now);
                if (number != null && observation.invitationsAccepted().contains(number)) {
                    lifecycle.advanceProgress(account.accountId(), IntegrationProgress.ACCEPTED);
                } else if (number != null && observation.invitationsPending().contains(number)) {
                    lifecycle.advanceProgress(account.accountId(), IntegrationProgress.INVITATION_RECEIVED);
                }
            }
        }
        int removed = lifecycle.removeApprovedForEveryone(lost, REMOVED_REASON,
                name -> name + " was removed from your integrations: an Account Holder or Admin removed our service "
                        + "user in App Store Connect. Connect it again to resume store data.", Actor.VERIFIER, now);
        lifecycle.checked(now);
        return new ReconcileOutcome(watched.size(), approved, expired, removed);
    }
}
