package com.storemetrics.metrics;

import com.storemetrics.appstore.AppStoreProperties;
import com.storemetrics.appstore.AppleCallAccounting;
import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.appstore.AppleFailure;
import com.storemetrics.appstore.AppleProtocol;
import com.storemetrics.appstore.DailySales;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.integration.ApprovedAccounts;
import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import com.storemetrics.metrics.MetricsStore.AccountImport;
import com.storemetrics.metrics.MetricsStore.DayState;
import com.storemetrics.metrics.MetricsStore.DayStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One bounded batch of the sales import, run by db-scheduler (one node at a time): reconcile which
 * accounts to import (those with an Approved integration), then ask Apple for the days each needs,
 * newest first, accounts taking turns, within the importer's share of the service Apple ID's hourly
 * budget. Uses our service Apple ID's own token and the {@code account} parameter, never a
 * customer's credential. Every outcome is recorded per (account, vendor, day); see docs/metrics.md.
 */
@Component
public class SalesImporter {

    private static final Logger log = LoggerFactory.getLogger(SalesImporter.class);

    /** What one run did; for tests, the benchmark and logs. */
    public record RunResult(int requests, int daysStored, int notYet, int failures, boolean paused, int waiting) {

        /** Nothing was left to ask for when the run ended. */
        public boolean idle() {
            return waiting == 0;
        }
    }

    private record Task(AccountImport account, String vendor, LocalDate day) {}

    private final ApprovedAccounts approvedAccounts;
    private final ReporterClient reporter;
    private final MetricsStore store;
    private final MetricsBroadcaster broadcaster;
    private final MetricsProperties properties;
    private final AppleCallAccounting accounting;
    private final int attemptsPerCall;
    private final Clock clock;
    private final String serviceAccessToken;
    private final ReentrantLock running = new ReentrantLock();

    SalesImporter(
            ApprovedAccounts approvedAccounts,
            ReporterClient reporter,
            MetricsStore store,
            MetricsBroadcaster broadcaster,
            MetricsProperties properties,
            AppleCallAccounting accounting,
            AppStoreProperties appleProperties,
            Clock clock,
            @Value("${storemetrics.apple.service-access-token}") String serviceAccessToken) {
        this.approvedAccounts = approvedAccounts;
        this.reporter = reporter;
        this.store = store;
        this.broadcaster = broadcaster;
        this.properties = properties;
        this.accounting = accounting;
        this.attemptsPerCall = appleProperties.maxAttempts();
        this.clock = clock;
        this.serviceAccessToken = serviceAccessToken;
    }

    /** Runs one batch now, unless one runs in this node already (then reports nothing done). */
    public RunResult runBatch() {
        if (!running.tryLock()) {
            return new RunResult(0, 0, 0, 0, false, 1);
        }
        try {
            return batch();
        } finally {
            running.unlock();
        }
    }

    private RunResult batch() {
        Instant now = clock.instant();
        LocalDate today = AppleFacts.reportDay(now);
        List<ApprovedAccount> approved = approvedAccounts.all().stream()
                .filter(account -> account.accountNumber() != null
                        && !account.vendorNumbers().isEmpty())
                .toList();
        MetricsStore.Reconciled reconciled = store.reconcile(approved, now);
        reconciled
                .started()
                .forEach(id -> log.info("Store metrics: importing account id {} (an integration is Approved)", id));
        reconciled
                .stopped()
                .forEach(id -> log.info(
                        "Store metrics: stopped importing account id {} (no Approved "
                                + "integration left; its stored figures stay)",
                        id));
        reconciled.started().forEach(broadcaster::imported);
        reconciled.stopped().forEach(broadcaster::imported);

        Map<Long, List<String>> vendorsByAccount = new java.util.HashMap<>();
        approved.forEach(account -> vendorsByAccount.put(account.accountId(), account.vendorNumbers()));
        List<Deque<Task>> queues = new ArrayList<>();
        store.allImports().stream()
                .filter(AccountImport::active)
                .filter(account ->
                        account.pausedUntil() == null || !account.pausedUntil().isAfter(now))
                .sorted(Comparator.comparing(
                        AccountImport::lastServedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(account -> {
                    Deque<Task> tasks =
                            tasksOf(account, vendorsByAccount.getOrDefault(account.accountId(), List.of()), today, now);
                    if (!tasks.isEmpty()) {
                        queues.add(tasks);
                    }
                });
        int waiting = queues.stream().mapToInt(Deque::size).sum();
        MetricsStore.Pacing pacing = store.pacing(now);
        if (pacing.pausedUntil() != null && pacing.pausedUntil().isAfter(now)) {
            return new RunResult(0, 0, 0, 0, true, waiting);
        }
        int allowance = Math.min(properties.batchSize(), properties.importerHourlyRequests() - pacing.requests());
        // The verifier goes first: never push this node's Reporter traffic past the whole budget.
        allowance =
                Math.min(allowance, properties.hourlyBudget() - accounting.requestsInLastHour(AppleProtocol.REPORTER));
        if (allowance <= 0 || queues.isEmpty()) {
            return new RunResult(0, 0, 0, 0, allowance <= 0 && !queues.isEmpty(), waiting);
        }

        int requests = 0;
        int stored = 0;
        int notYet = 0;
        int failures = 0;
        Set<Long> served = new LinkedHashSet<>();
        Set<Long> skipAccounts = new java.util.HashSet<>();
        boolean stop = false;
        // Round-robin: one day per account per turn, so many back-fills progress side by side.
        while (!stop && requests < allowance && queues.stream().anyMatch(queue -> !queue.isEmpty())) {
            for (Deque<Task> queue : queues) {
                if (stop || requests >= allowance) {
                    break;
                }
                Task task = queue.poll();
                if (task == null || skipAccounts.contains(task.account().accountId())) {
                    continue;
                }
                served.add(task.account().accountId());
                Instant at = clock.instant();
                store.countRequests(at, 1);
                requests++;
                try {
                    DailySales answer = reporter.dailySales(
                            serviceAccessToken, task.account().accountNumber(), task.vendor(), task.day());
                    switch (answer.outcome()) {
                        case DATA -> {
                            store.storeDay(
                                    task.account().accountId(),
                                    task.vendor(),
                                    task.day(),
                                    DayStatus.DATA,
                                    DayFigures.of(answer.report().rows()),
                                    at);
                            stored++;
                        }
                        case NO_SALES -> {
                            store.storeDay(
                                    task.account().accountId(),
                                    task.vendor(),
                                    task.day(),
                                    DayStatus.NO_SALES,
                                    DayFigures.of(List.of()),
                                    at);
                            stored++;
                        }
                        case NOT_YET_AVAILABLE -> {
                            store.dayNotStored(
                                    task.account().accountId(),
                                    task.vendor(),
                                    task.day(),
                                    DayStatus.NOT_YET,
                                    at,
                                    at.plus(properties.notYetRetry()),
                                    "Apple: report not available yet");
                            notYet++;
                        }
                    }
                    store.accountSucceeded(task.account().accountId(), at);
                    broadcaster.imported(task.account().accountId());
                } catch (AppleFailure failure) {
                    failures++;
                    if (failure.kind() == AppleFailure.Kind.UNAVAILABLE && attemptsPerCall > 1) {
                        // The client retried inside the call: each attempt cost budget at Apple.
                        store.countRequests(at, attemptsPerCall - 1);
                        requests += attemptsPerCall - 1;
                    }
                    stop = handle(failure, task, at, skipAccounts);
                } catch (RuntimeException unexpected) {
                    failures++;
                    log.error(
                            "Store metrics: importing {} of vendor {} failed unexpectedly; nothing stored",
                            task.day(),
                            task.vendor(),
                            unexpected);
                    recordDayFailure(task, at, "INTERNAL", unexpected.getClass().getSimpleName());
                }
            }
        }
        served.forEach(id -> store.served(id, clock.instant()));
        int left = waiting - requests;
        if (requests > 0) {
            log.debug(
                    "Store metrics batch: {} request(s), {} day(s) stored, {} not yet published, {} failure(s)",
                    requests,
                    stored,
                    notYet,
                    failures);
        }
        return new RunResult(requests, stored, notYet, failures, stop, Math.max(0, left));
    }

    /** Records a failed request; returns whether the whole batch must stop. */
    private boolean handle(AppleFailure failure, Task task, Instant at, Set<Long> skipAccounts) {
        long accountId = task.account().accountId();
        switch (failure.kind()) {
            case RATE_LIMITED -> {
                Duration wait = failure.retryAfter().orElse(properties.firstBackoff());
                store.pauseAll(at.plus(wait), "Apple answered 429: " + failure.getMessage());
                recordDayFailure(task, at, failure.kind().name(), failure.getMessage());
                log.warn("Store metrics: Apple is limiting our requests; pausing the import for {}", wait);
                return true;
            }
            case UNAUTHORIZED, MALFORMED_CREDENTIAL -> {
                Duration wait = properties.backoffAfter(task.account().consecutiveFailures() + 1);
                store.pauseAll(at.plus(wait), "Apple refused the service Apple ID's token: " + failure.getMessage());
                store.accountFailed(accountId, at, failure.kind().name(), failure.userMessage(), null);
                log.warn(
                        "Store metrics: Apple refused our service token ({}); pausing the import for {}",
                        failure.getMessage(),
                        wait);
                return true;
            }
            case FORBIDDEN -> {
                Duration wait = properties.backoffAfter(task.account().consecutiveFailures() + 1);
                store.accountFailed(accountId, at, failure.kind().name(), failure.userMessage(), at.plus(wait));
                skipAccounts.add(accountId);
                log.warn(
                        "Store metrics: Apple refuses account {}'s reports to our service user ({}); account waits {}",
                        task.account().accountNumber(),
                        failure.getMessage(),
                        wait);
                return false;
            }
            default -> {
                recordDayFailure(task, at, failure.kind().name(), failure.getMessage());
                log.warn(
                        "Store metrics: {} of vendor {} not imported, retried later: {} ({})",
                        task.day(),
                        task.vendor(),
                        failure.kind(),
                        failure.getMessage());
                return false;
            }
        }
    }

    private void recordDayFailure(Task task, Instant at, String kind, String detail) {
        Map<LocalDate, DayState> state =
                store.dayStates(task.account().accountId(), task.vendor(), task.day(), task.day());
        int attempts = state.containsKey(task.day()) ? state.get(task.day()).attempts() + 1 : 1;
        store.dayNotStored(
                task.account().accountId(),
                task.vendor(),
                task.day(),
                DayStatus.FAILED,
                at,
                at.plus(properties.backoffAfter(attempts)),
                kind + ": " + detail);
        store.accountFailed(task.account().accountId(), at, kind, detail, null);
    }

    /**
     * The days an account needs now, newest first, vendors interleaved: never asked; not published
     * or failed and due again; or in the trailing window and read long enough ago.
     */
    private Deque<Task> tasksOf(AccountImport account, List<String> vendors, LocalDate today, Instant now) {
        LocalDate newest = today.minusDays(1);
        LocalDate oldest = today.minusDays(properties.historyDays());
        LocalDate trailingFrom = today.minusDays(properties.trailingDays());
        List<Map<LocalDate, DayState>> states = vendors.stream()
                .map(vendor -> store.dayStates(account.accountId(), vendor, oldest, newest))
                .toList();
        Deque<Task> tasks = new ArrayDeque<>();
        for (LocalDate day = newest; !day.isBefore(oldest); day = day.minusDays(1)) {
            for (int v = 0; v < vendors.size(); v++) {
                DayState state = states.get(v).get(day);
                if (needs(state, day, trailingFrom, now)) {
                    tasks.add(new Task(account, vendors.get(v), day));
                }
            }
        }
        return tasks;
    }

    private boolean needs(DayState state, LocalDate day, LocalDate trailingFrom, Instant now) {
        if (state == null) {
            return true;
        }
        boolean due = state.nextAttemptAt() == null || !state.nextAttemptAt().isAfter(now);
        if (!state.status().isPublished()) {
            return due;
        }
        return due
                && !day.isBefore(trailingFrom)
                && !state.fetchedAt().plus(properties.refetchAfter()).isAfter(now);
    }
}
