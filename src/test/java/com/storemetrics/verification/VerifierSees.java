package com.storemetrics.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;

/**
 * For tests of other features: what one successful verifier check saw, applied through the real
 * policy ({@link MembershipReconciler}) without a call to Apple.
 */
public final class VerifierSees {

    /** The invitation lifetime plus grace the tests use. */
    public static final Duration PENDING_LIFETIME = Duration.ofDays(4);

    private VerifierSees() {}

    /**
     * Our service user is a member of exactly these accounts (number to name) at {@code at}.
     * Returns the reconciliation's summary ("N accounts checked, N approved, ...").
     */
    public static String memberships(ApplicationContext context, Instant at, Map<String, String> visibleAccounts) {
        return context.getBean(MembershipReconciler.class)
                .reconcile(
                        new MembershipObservation(at, visibleAccounts, Map.of(), Set.of(), Set.of(), PENDING_LIFETIME))
                .summary();
    }

    /** Our service user is a member of no account at {@code at}. */
    public static void noMembership(ApplicationContext context, Instant at) {
        memberships(context, at, Map.of());
    }
}
