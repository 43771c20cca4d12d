package com.storemetrics.verification;

import com.storemetrics.account.AccountMemberships;
import com.storemetrics.account.Membership;
import com.storemetrics.integration.Actor;
import com.storemetrics.integration.IntegrationLifecycle;
import com.storemetrics.integration.IntegrationProgress;
import com.storemetrics.integration.WatchedAccount;
import com.storemetrics.integration.WatchedAccounts;
import com.storemetrics.integration.Watchlist;
import java.time.Duration;
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
    /** How long before Apple lets a Pending row's invitation lapse its customer is reminded by e-mail. */
    static final Duration LAPSE_REMINDER_AHEAD = Duration.ofHours(24);

    static final String APPROVED_REASON =
            "Our service user is now a member of the account: the invitation was accepted.";
    static final String REMOVED_REASON = "Access removed in App Store Connect by an Account Holder or Admin.";
    static final String EXPIRED_REASON = "The invitation was not accepted in time (Apple lets invitations lapse "
            + "after 3 days). Remove this integration and connect the account again.";

    private final AccountMemberships memberships;
    private final Watchlist watchlist;
    private final IntegrationLifecycle lifecycle;

    MembershipReconciler(AccountMemberships memberships, Watchlist watchlist, IntegrationLifecycle lifecycle) {
        this.memberships = memberships;
        this.watchlist = watchlist;
        this.lifecycle = lifecycle;
    }

    /** Applies one successful observation to the watched set as read now, in one transaction (tests, tools). */
    @Transactional
    public ReconcileOutcome reconcile(MembershipObservation observation) {
        return reconcile(watchlist.watched(observation.observedAt()), observation);
    }

    /**
     * Applies one successful observation to the watched set the cycle read (once) before asking
     * Apple, in one transaction; views hear of it after commit. Writes only what changed: the one
     * check-time row, accounts whose recorded membership changes, and integrations whose status or
     * progress changes. An observation not newer than the last applied one changes nothing.
     */
    @Transactional
    public ReconcileOutcome reconcile(WatchedAccounts watched, MembershipObservation observation) {
        // Databases keep microseconds; comparing with what was stored needs the same precision.
        Instant now = watched.readAt().truncatedTo(ChronoUnit.MICROS);
        if (!lifecycle.checked(now)) {
            return ReconcileOutcome.superseded(watched.size());
        }
        memberships.load(watched.accounts().stream()
                .filter(account -> changes(account, observation))
                .map(WatchedAccount::accountId)
                .toList());
        int approved = 0;
        List<Long> lost = new ArrayList<>();
        for (WatchedAccount account : watched.accounts()) {
            String number = account.accountNumber();
            String identified = observation.identifiedAccounts().get(account.accountId());
            if (number == null && identified != null) {
                number = identified;
                memberships.identified(
                        account.accountId(),
                        number,
                        observation.visibleAccounts().getOrDefault(number, account.name()));
            }
            if (number != null && observation.visibleAccounts().containsKey(number)) {
                memberships.seen(
                        account.recorded(), observation.visibleAccounts().get(number), now);
                if (account.hasPending()) {
                    approved += lifecycle.approvePending(account.accountId(), APPROVED_REASON, Actor.VERIFIER, now);
                }
                continue;
            }
            if (memberships.missing(account.recorded(), now) >= MISSES_BEFORE_LOSS) {
                memberships.forgotten(account.accountId());
                lost.add(account.accountId());
            }
            if (account.hasPending() && number != null) {
                if (observation.invitationsAccepted().contains(number)) {
                    lifecycle.advanceProgress(account.accountId(), IntegrationProgress.ACCEPTED);
                } else if (observation.invitationsPending().contains(number)) {
                    lifecycle.advanceProgress(account.accountId(), IntegrationProgress.INVITATION_RECEIVED);
                }
            }
        }
        // After the approvals above (flushed), only Pending rows of accounts not seen are left to lapse.
        int expired = lifecycle.expirePending(
                now.minus(observation.pendingLifetime()),
                EXPIRED_REASON,
                name -> name + ": the invitation was not accepted in time. Remove the expired integration and "
                        + "connect the account again.",
                Actor.VERIFIER,
                now);
        // A day before Apple lets a still-Pending invitation lapse, its customer gets one e-mail.
        lifecycle.remindLapsing(
                now.minus(VerifierProperties.INVITATION_LIFETIME),
                now.minus(VerifierProperties.INVITATION_LIFETIME.minus(LAPSE_REMINDER_AHEAD)),
                now);
        int removed = lifecycle.removeApprovedForEveryone(
                lost,
                REMOVED_REASON,
                name -> name + " was removed from your integrations: an Account Holder or Admin removed our service "
                        + "user in App Store Connect. Connect it again to resume store data.",
                Actor.VERIFIER,
                now);
        return new ReconcileOutcome(watched.size(), approved, expired, removed);
    }

    /** Whether applying the observation changes the account's record (the steady state changes none). */
    private static boolean changes(WatchedAccount account, MembershipObservation observation) {
        String number = account.accountNumber() != null
                ? account.accountNumber()
                : observation.identifiedAccounts().get(account.accountId());
        if (number == null || !observation.visibleAccounts().containsKey(number)) {
            return account.membership() != Membership.UNKNOWN;
        }
        return account.accountNumber() == null
                || account.membership() != Membership.MEMBER
                || account.missingCount() != 0
                || !observation.visibleAccounts().get(number).equals(account.name());
    }
}
