package com.storemetrics.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What one successful verifier cycle saw from our side.
 *
 * @param observedAt           when Apple answered
 * @param visibleAccounts      account number to name: every account our service user is a member of
 * @param identifiedAccounts   for accounts known only by vendor number: stored account id to the account number it turned out to have
 * @param invitationsPending   account numbers with an invitation to our service Apple ID waiting
 * @param invitationsAccepted  account numbers whose invitation this cycle accepted
 * @param pendingLifetime      how long a Pending integration may wait before it expires (invitation lifetime plus grace)
 */
record MembershipObservation(
        Instant observedAt,
        Map<String, String> visibleAccounts,
        Map<Long, String> identifiedAccounts,
        Set<String> invitationsPending,
        Set<String> invitationsAccepted,
        Duration pendingLifetime) {

    public MembershipObservation {
        visibleAccounts = Map.copyOf(visibleAccounts);
        identifiedAccounts = Map.copyOf(identifiedAccounts);
        invitationsPending = Set.copyOf(invitationsPending);
        invitationsAccepted = Set.copyOf(invitationsAccepted);
    }
}
