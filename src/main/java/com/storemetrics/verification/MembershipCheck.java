package com.storemetrics.verification;

import com.storemetrics.appstore.AppleFailure;
import com.storemetrics.appstore.ReporterAccount;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.integration.WatchedAccount;
import com.storemetrics.integration.WatchedAccounts;
import com.storemetrics.integration.Watchlist;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * One verifier cycle, from our side with the service Apple ID's own credential (never a
 * customer's): accept invitations that customers asked for, list the accounts our service user
 * belongs to with one Reporter call, and let {@link MembershipReconciler} apply the product's rules.
 * A failed call changes no status; it is recorded and the verifier backs off.
 */
@Component
public class MembershipCheck {

    private static final Logger log = LoggerFactory.getLogger(MembershipCheck.class);

    /** What a call of {@link #run} did. */
    public enum CycleResult {
        CHECKED,
        NOTHING_TO_CHECK,
        BACKING_OFF,
        FAILED,
        ALREADY_RUNNING
    }

    private final ReporterClient reporter;
    private final RequestedInvitations invitations;
    private final MembershipReconciler reconciler;
    private final Watchlist watchlist;
    private final VerifierHealthRecorder health;
    private final VerifierProperties properties;
    private final Clock clock;
    private final String serviceAccessToken;
    /** One cycle at a time in this node; across nodes the reconciler's optimistic locks keep order. */
    private final ReentrantLock running = new ReentrantLock();

    MembershipCheck(
            ReporterClient reporter,
            RequestedInvitations invitations,
            MembershipReconciler reconciler,
            Watchlist watchlist,
            VerifierHealthRecorder health,
            VerifierProperties properties,
            Clock clock,
            @Value("${storemetrics.apple.service-access-token}") String serviceAccessToken) {
        this.reporter = reporter;
        this.invitations = invitations;
        this.reconciler = reconciler;
        this.watchlist = watchlist;
        this.health = health;
        this.properties = properties;
        this.clock = clock;
        this.serviceAccessToken = serviceAccessToken;
    }

    /** Runs one cycle now, unless one is running in this node already. */
    public CycleResult run(String trigger) {
        if (!running.tryLock()) {
            return CycleResult.ALREADY_RUNNING;
        }
        try {
            return cycle(trigger);
        } finally {
            running.unlock();
        }
    }

    /** Waits until no cycle runs in this node (for orderly shutdown and tests). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (running.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            running.unlock();
            return true;
        }
        return false;
    }

    private CycleResult cycle(String trigger) {
        Instant started = clock.instant();
        if (health.health().backingOff(started)) {
            log.debug("Verifier cycle ({}) skipped: backing off", trigger);
            return CycleResult.BACKING_OFF;
        }
        WatchedAccounts watched = watchlist.watched(clock.instant());
        if (watched.isEmpty()) {
            health.succeeded(started, "Nothing to check: no Pending or Approved integrations.");
            return CycleResult.NOTHING_TO_CHECK;
        }
        try {
            RequestedInvitations.Invitations invitations = this.invitations.acceptFor(watched.accounts());
            List<ReporterAccount> visible = reporter.getAccounts(serviceAccessToken);
            Instant observedAt = clock.instant();
            Map<String, String> visibleByNumber = new LinkedHashMap<>();
            visible.forEach(account -> visibleByNumber.put(account.number(), account.name()));
            MembershipObservation observation = new MembershipObservation(
                    observedAt,
                    visibleByNumber,
                    identifyByVendorNumber(watched.accounts(), visibleByNumber.keySet()),
                    invitations.pending(),
                    invitations.accepted(),
                    properties.pendingLifetime());
            ReconcileOutcome outcome = reconcileOnce(watched, observation);
            String summary = "Member of " + visible.size() + (visible.size() == 1 ? " account; " : " accounts; ")
                    + outcome.summary()
                    + (invitations.accepted().isEmpty()
                            ? ""
                            : "; accepted " + invitations.accepted().size() + " invitation(s)");
            health.succeeded(observedAt, summary);
            log.info("Verifier cycle ({}): {}", trigger, summary);
            return CycleResult.CHECKED;
        } catch (AppleFailure failure) {
            health.failed(
                    started,
                    failure.kind().name(),
                    failure.userMessage(),
                    failure.retryAfter().orElse(Duration.ZERO));
            log.warn(
                    "Verifier cycle ({}) failed, nothing changed: {} ({})",
                    trigger,
                    failure.kind(),
                    failure.getMessage());
            return CycleResult.FAILED;
        } catch (RuntimeException failure) {
            health.failed(
                    started,
                    "INTERNAL",
                    "Unexpected error: " + failure.getClass().getSimpleName(),
                    Duration.ZERO);
            log.error("Verifier cycle ({}) failed unexpectedly, nothing changed", trigger, failure);
            return CycleResult.FAILED;
        }
    }

    private ReconcileOutcome reconcileOnce(WatchedAccounts watched, MembershipObservation observation) {
        try {
            return reconciler.reconcile(watched, observation);
        } catch (ObjectOptimisticLockingFailureException concurrentCycle) {
            // Another node changed the same rows meanwhile: read the watched set again and retry once
            // (an observation older than the other node's then changes nothing).
            return reconciler.reconcile(watchlist.watched(watched.readAt()), observation);
        }
    }

    /**
     * Accounts connected with an API key are known by vendor number only. When our service user
     * sees accounts we cannot place and such accounts are waiting, ask for those accounts' vendor
     * numbers: one extra call per unplaced account, only while something waits for it.
     */
    private Map<Long, String> identifyByVendorNumber(List<WatchedAccount> watched, Set<String> visibleNumbers) {
        List<WatchedAccount> unidentified = watched.stream()
                .filter(account -> account.accountNumber() == null)
                .toList();
        if (unidentified.isEmpty()) {
            return Map.of();
        }
        Set<String> known = new HashSet<>();
        watched.stream()
                .map(WatchedAccount::accountNumber)
                .filter(number -> number != null)
                .forEach(known::add);
        Map<Long, String> identified = new HashMap<>();
        for (String number : visibleNumbers) {
            if (known.contains(number)) {
                continue;
            }
            List<String> vendors = reporter.getVendors(serviceAccessToken, number);
            unidentified.stream()
                    .filter(account -> account.vendorNumbers().stream().anyMatch(vendors::contains))
                    .forEach(account -> identified.put(account.accountId(), number));
        }
        return identified;
    }
}
