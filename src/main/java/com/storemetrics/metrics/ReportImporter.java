package com.storemetrics.metrics;

import com.storemetrics.appstore.AppleCallAccounting;
import com.storemetrics.appstore.AppleFailure;
import com.storemetrics.appstore.AppleProtocol;
import com.storemetrics.integration.ApprovedAccounts;
import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One bounded batch of the import of Apple's daily reports, run by db-scheduler (one node at a
 * time): reconcile which accounts to import (those with an Approved integration), then ask Apple
 * for the days each report of each account needs ({@link DueDays}), newest first, accounts taking
 * turns, within the importer's share of the service Apple ID's hourly budget ({@link ImportPacing}).
 * Uses our service Apple ID's own token and the {@code account} parameter, never a customer's
 * credential. Every outcome is recorded per (account, report, vendor, day) in {@link ImportLedger};
 * see docs/metrics.md.
 */
@Component
public class ReportImporter {

    private static final Logger log = LoggerFactory.getLogger(ReportImporter.class);

    /**
     * What one run did; for tests, the benchmark and logs. {@code paused}: the run stopped short of
     * what was due (Apple refused every request, or the hour's budget or the batch ran out).
     */
    public record RunResult(int requests, int daysStored, int notYet, int failures, boolean paused, int waiting) {

        /** Nothing was left to ask for when the run ended. */
        public boolean idle() {
            return waiting == 0;
        }
    }

    private final ApprovedAccounts approvedAccounts;
    private final List<DailyReport> reports;
    private final ImportLedger ledger;
    private final DayLedger days;
    private final DueQueues dueQueues;
    private final ImportPacing pacing;
    private final ImportFailures failures;
    private final SalesRoleRefusals roleRefusals;
    private final ImportNotices notices;
    private final AppleCallAccounting accounting;
    private final TransactionTemplate transaction;
    private final MetricsProperties properties;
    private final Clock clock;
    private final String serviceAccessToken;
    private final ReentrantLock running = new ReentrantLock();

    ReportImporter(
            ApprovedAccounts approvedAccounts,
            List<DailyReport> reports,
            ImportLedger ledger,
            DayLedger days,
            DueQueues dueQueues,
            ImportPacing pacing,
            ImportFailures failures,
            SalesRoleRefusals roleRefusals,
            ImportNotices notices,
            AppleCallAccounting accounting,
            PlatformTransactionManager transactionManager,
            MetricsProperties properties,
            Clock clock,
            @Value("${storemetrics.apple.service-access-token}") String serviceAccessToken) {
        this.approvedAccounts = approvedAccounts;
        this.reports = List.copyOf(reports);
        this.ledger = ledger;
        this.days = days;
        this.dueQueues = dueQueues;
        this.pacing = pacing;
        this.failures = failures;
        this.roleRefusals = roleRefusals;
        this.notices = notices;
        this.accounting = accounting;
        this.transaction = new TransactionTemplate(transactionManager);
        this.properties = properties;
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
            notices.batchEnded();
            running.unlock();
        }
    }

    private RunResult batch() {
        Instant now = clock.instant();
        List<ApprovedAccount> approved = approvedAccounts.all().stream()
                .filter(account -> account.accountNumber() != null
                        && !account.vendorNumbers().isEmpty())
                .toList();
        ImportLedger.Reconciled reconciled = ledger.reconcile(approved, now);
        reconciled.started().forEach(id -> {
            log.info("Store metrics: importing account id {} (an integration is Approved)", id);
            notices.imported(id);
        });
        reconciled.stopped().forEach(id -> {
            log.info(
                    "Store metrics: stopped importing account id {} (no Approved integration left; its stored"
                            + " figures stay)",
                    id);
            notices.imported(id);
        });

        long dueAccounts = reconciled.imports().stream()
                .filter(account -> account.active() && !account.isPaused(now))
                .filter(account -> reports.stream().anyMatch(report -> account.isDue(report.name(), now)))
                .count();
        if (dueAccounts == 0) {
            return new RunResult(0, 0, 0, 0, false, 0);
        }
        ImportPacing.Allowance allowance = pacing.allowance(now);
        if (allowance.requests() <= 0) {
            // Out of budget (or paused): the days are not even read until there is room again.
            return new RunResult(0, 0, 0, 0, true, (int) dueAccounts);
        }
        List<Deque<DueDays.Task>> queues = dueQueues.of(reconciled.imports(), reports, now);
        int waiting = queues.stream().mapToInt(Deque::size).sum();
        int[] counts = new int[5]; // requests, stored, not yet, failures, days asked
        Map<Long, Boolean> served = new LinkedHashMap<>();
        Set<Long> answered = new HashSet<>();
        boolean stop = false;
        boolean outOfAllowance = false;
        // Round-robin: one day per account per turn, so many back-fills progress side by side.
        while (!stop && queues.stream().anyMatch(queue -> !queue.isEmpty())) {
            for (Deque<DueDays.Task> queue : queues) {
                DueDays.Task task = queue.peek();
                if (stop || task == null) {
                    continue;
                }
                if (counts[0] + task.report().requestsPerDay() > allowance.requests()) {
                    // Out of this batch's allowance: the account's other days wait for the next batch.
                    queue.clear();
                    outOfAllowance = true;
                    continue;
                }
                queue.poll();
                counts[4]++;
                ImportFailures.Verdict verdict = importDay(task, counts);
                served.put(task.day().accountId(), verdict == ImportFailures.Verdict.NONE);
                if (verdict == ImportFailures.Verdict.NONE) {
                    answered.add(task.day().accountId());
                } else if (verdict == ImportFailures.Verdict.ROLE_REFUSED) {
                    answered.remove(task.day().accountId()); // the role was taken during this batch
                }
                if (verdict == ImportFailures.Verdict.SKIP_ACCOUNT || verdict == ImportFailures.Verdict.ROLE_REFUSED) {
                    queue.clear();
                }
                stop = verdict == ImportFailures.Verdict.STOP_BATCH;
            }
        }
        served.forEach((id, succeeded) -> ledger.served(id, clock.instant(), succeeded));
        // Apple answered a report: whatever refused it for lack of a role before is over.
        roleRefusals.answered(answered);
        if (counts[0] > 0) {
            log.debug(
                    "Store metrics batch: {} request(s), {} day(s) stored, {} not yet published, {} failure(s)",
                    counts[0],
                    counts[1],
                    counts[2],
                    counts[3]);
        }
        return new RunResult(counts[0], counts[1], counts[2], counts[3], stop || outOfAllowance, waiting - counts[4]);
    }

    /**
     * Stores a day Apple published and the day's status in one transaction that first holds the
     * account, so two writers of one account (two nodes) run one after the other
     * ({@link ImportLedger#HOLD_ACCOUNT}).
     */
    public void storePublished(DailyReport report, DailyReport.Day day, DailyReport.Answer answer, Instant at) {
        transaction.executeWithoutResult(tx -> {
            ledger.holdAccount(day.accountId());
            answer.store().run();
            days.published(day, report.name(), answer.status(), at, answer.note());
        });
    }

    /** Asks Apple for one day, stores or records what came back; says what the batch must do next. */
    private ImportFailures.Verdict importDay(DueDays.Task task, int[] counts) {
        DailyReport report = task.report();
        Instant at = clock.instant();
        int sentBefore = accounting.sentByThisThread(AppleProtocol.REPORTER);
        try {
            DailyReport.Answer answer = report.fetch(serviceAccessToken, task.day(), at);
            if (answer.status().isPublished()) {
                storePublished(report, task.day(), answer, at);
                counts[1]++;
            } else {
                days.notStored(
                        task.day(),
                        report.name(),
                        DayStatus.NOT_YET,
                        at,
                        at.plus(properties.notYetRetry()),
                        "Apple: report not available yet");
                counts[2]++;
            }
            notices.imported(task.day().accountId());
            return ImportFailures.Verdict.NONE;
        } catch (AppleFailure failure) {
            ImportFailures.Verdict verdict = failures.apple(failure, task, at);
            if (verdict != ImportFailures.Verdict.ROLE_REFUSED) {
                counts[3]++; // a refusal for lack of a role is Apple's answer, not a failure
            }
            return verdict;
        } catch (RuntimeException unexpected) {
            counts[3]++;
            return failures.unexpected(unexpected, task, at);
        } finally {
            // The client's own count: every attempt of the calls, retries included, cost budget at Apple.
            int sent = accounting.sentByThisThread(AppleProtocol.REPORTER) - sentBefore;
            pacing.count(at, sent);
            counts[0] += sent;
        }
    }
}
