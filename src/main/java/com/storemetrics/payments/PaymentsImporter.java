package com.storemetrics.payments;

import com.storemetrics.appstore.AppleCallAccounting;
import com.storemetrics.appstore.AppleFailure;
import com.storemetrics.appstore.AppleProtocol;
import com.storemetrics.appstore.FinanceAccess;
import com.storemetrics.appstore.FinanceReporterClient;
import com.storemetrics.appstore.FinancialReport;
import com.storemetrics.appstore.FinancialReportAnswer;
import com.storemetrics.base.Backoff;
import com.storemetrics.integration.ApprovedAccounts;
import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import com.storemetrics.metrics.ImportPacing;
import com.storemetrics.metrics.MetricsProperties;
import com.storemetrics.payments.PaymentsLedger.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One bounded batch of the Financial report import (docs/payments.md, "The import"): for every
 * account with an Approved integration, {@code Finance.getVendorsAndRegions} (again once a day),
 * then each region's report of the last published fiscal months, newest first, accounts taking
 * turns, each month once Apple has answered it for good. Draws on the importers' shared share of the
 * service Apple ID's hourly budget ({@link ImportPacing}, metrics) and honours its pauses; uses our
 * service Apple ID's token only. All state is in the database, so a restart or another node goes on
 * where this one stopped; db-scheduler runs one batch at a time.
 */
@Component
public class PaymentsImporter {

    private static final Logger log = LoggerFactory.getLogger(PaymentsImporter.class);

    /**
     * What one run did: Apple requests, months stored (any final answer), failures, and what is left;
     * {@code paused}: the run stopped short of what was due (Apple refused every request, or the
     * hour's budget or the batch ran out).
     */
    public record RunResult(int requests, int monthsStored, int failures, boolean paused, int waiting) {

        public boolean idle() {
            return waiting == 0;
        }
    }

    private enum Verdict {
        CONTINUE,
        SKIP_ACCOUNT,
        STOP_BATCH
    }

    private final ApprovedAccounts approvedAccounts;
    private final FinanceReporterClient finance;
    private final PaymentsLedger ledger;
    private final FinanceAccessLedger accessLedger;
    private final RoleMissingNotices roleMissing;
    private final ImportPacing pacing;
    private final AppleCallAccounting accounting;
    private final PaymentsProperties properties;
    private final Backoff backoff;
    private final Clock clock;
    private final String serviceAccessToken;
    private final ReentrantLock running = new ReentrantLock();

    PaymentsImporter(
            ApprovedAccounts approvedAccounts,
            FinanceReporterClient finance,
            PaymentsLedger ledger,
            FinanceAccessLedger accessLedger,
            RoleMissingNotices roleMissing,
            ImportPacing pacing,
            AppleCallAccounting accounting,
            PaymentsProperties properties,
            MetricsProperties metricsProperties,
            Clock clock,
            @Value("${storemetrics.apple.service-access-token}") String serviceAccessToken) {
        this.approvedAccounts = approvedAccounts;
        this.finance = finance;
        this.ledger = ledger;
        this.accessLedger = accessLedger;
        this.roleMissing = roleMissing;
        this.pacing = pacing;
        this.accounting = accounting;
        this.properties = properties;
        this.backoff = new Backoff(metricsProperties.firstBackoff(), metricsProperties.maxBackoff());
        this.clock = clock;
        this.serviceAccessToken = serviceAccessToken;
    }

    /** Runs one batch now, unless one runs in this node already (then reports nothing done). */
    public RunResult runBatch() {
        if (!running.tryLock()) {
            return new RunResult(0, 0, 0, false, 1);
        }
        try {
            return batch();
        } finally {
            running.unlock();
        }
    }

    private RunResult batch() {
        Instant now = clock.instant();
        List<ApprovedAccount> accounts = approvedAccounts.all().stream()
                .filter(account -> account.accountNumber() != null
                        && !account.vendorNumbers().isEmpty())
                .toList();
        if (accounts.isEmpty()) {
            return new RunResult(0, 0, 0, false, 0);
        }
        int allowance = pacing.allowance(now).requests();
        int[] counts = new int[3]; // requests, months stored, failures
        List<Deque<DueMonths.Task>> queues = new ArrayList<>();
        for (ApprovedAccount account : accounts) {
            boolean stale = accessLedger
                    .access(account.accountId())
                    .map(access -> !access.nextCheckAt().isAfter(now))
                    .orElse(true);
            if (stale) {
                if (counts[0] >= allowance) {
                    return new RunResult(counts[0], counts[1], counts[2], true, accounts.size());
                }
                if (askAccess(account, now, counts) == Verdict.STOP_BATCH) {
                    return new RunResult(counts[0], counts[1], counts[2], true, accounts.size());
                }
            }
            if (accessLedger
                    .access(account.accountId())
                    .map(FinanceAccessLedger.Access::isPermitted)
                    .orElse(false)) {
                queues.add(new ArrayDeque<>(DueMonths.of(account, ledger, accessLedger, properties.months(), now)));
            }
        }
        int waiting = queues.stream().mapToInt(Deque::size).sum();
        int done = 0;
        boolean stop = false;
        // Round-robin: one month per account per turn, so a new account's back-fill does not wait for another's.
        while (!stop && queues.stream().anyMatch(queue -> !queue.isEmpty())) {
            for (Deque<DueMonths.Task> queue : queues) {
                if (stop || queue.isEmpty()) {
                    continue;
                }
                if (counts[0] >= allowance) {
                    stop = true;
                    continue;
                }
                DueMonths.Task task = queue.poll();
                done++;
                Verdict verdict = importMonth(task, counts);
                if (verdict == Verdict.SKIP_ACCOUNT) {
                    done += queue.size();
                    queue.clear();
                }
                stop = verdict == Verdict.STOP_BATCH;
            }
        }
        return new RunResult(counts[0], counts[1], counts[2], stop, waiting - done);
    }

    private Verdict askAccess(ApprovedAccount account, Instant now, int[] counts) {
        int before = accounting.sentByThisThread(AppleProtocol.REPORTER);
        try {
            FinanceAccess access = finance.vendorsAndRegions(serviceAccessToken, account.accountNumber());
            accessLedger.recordAccess(
                    account.accountId(),
                    access,
                    now,
                    now.plus(properties.accessRecheck()),
                    since -> roleMissing.tell(account, since, now));
            if (access.permitted()) {
                roleMissing.roleGiven(account.accountId());
            } else {
                log.info(
                        "Payments: our Apple ID may not read the Financial reports of account id {} (Apple: {})",
                        account.accountId(),
                        access.appleSays());
            }
            return Verdict.CONTINUE;
        } catch (AppleFailure failure) {
            counts[2]++;
            int failures = 1
                    + accessLedger
                            .access(account.accountId())
                            .map(FinanceAccessLedger.Access::failures)
                            .orElse(0);
            accessLedger.recordAccessFailure(
                    account.accountId(), now, now.plus(backoff.after(failures)), failure.userMessage());
            return whatNext(failure, now);
        } finally {
            count(now, before, counts);
        }
    }

    private Verdict importMonth(DueMonths.Task task, int[] counts) {
        Instant now = clock.instant();
        int before = accounting.sentByThisThread(AppleProtocol.REPORTER);
        try {
            FinancialReportAnswer answer = finance.financialReport(
                    serviceAccessToken, task.account().accountNumber(), task.vendor(), task.region(), task.month());
            switch (answer.outcome()) {
                case DATA -> {
                    FinancialReport report = answer.report();
                    String note = report.unknownColumns().isEmpty()
                            ? null
                            : "Columns Apple added, not read: " + String.join(", ", report.unknownColumns());
                    ledger.store(task.answered(Status.DATA, report, now, null, 0, note));
                }
                case NO_SALES -> ledger.store(task.answered(Status.NO_SALES, null, now, null, 0, null));
                case REFUSED ->
                    ledger.store(task.answered(Status.REFUSED, null, now, null, 0, "Apple: " + answer.appleSays()));
                case NOT_YET_AVAILABLE ->
                    ledger.store(task.answered(
                            Status.NOT_YET,
                            null,
                            now,
                            now.plus(properties.notYetRetry()),
                            0,
                            "Apple: not available yet"));
                case FORBIDDEN -> {
                    // Our Finance role was taken away: an answer about the account, not a failed month.
                    accessLedger.recordAccess(
                            task.account().accountId(),
                            new FinanceAccess(false, List.of(), answer.appleSays()),
                            now,
                            now.plus(properties.accessRecheck()),
                            since -> roleMissing.tell(task.account(), since, now));
                    return Verdict.SKIP_ACCOUNT;
                }
            }
            if (answer.outcome() != FinancialReportAnswer.Outcome.NOT_YET_AVAILABLE) {
                counts[1]++;
            }
            return Verdict.CONTINUE;
        } catch (AppleFailure failure) {
            counts[2]++;
            failed(task, now, failure.userMessage());
            return whatNext(failure, now);
        } catch (RuntimeException unexpected) {
            counts[2]++;
            log.error("Payments: importing {} failed unexpectedly", task, unexpected);
            failed(task, now, "Unexpected error: " + unexpected.getMessage());
            return Verdict.CONTINUE;
        } finally {
            count(now, before, counts);
        }
    }

    /** 429 and a refused service token stop every importer for a while; other failures only this month. */
    private Verdict whatNext(AppleFailure failure, Instant now) {
        switch (failure.kind()) {
            case RATE_LIMITED -> {
                Duration wait = failure.retryAfter().orElse(backoff.first());
                pacing.pauseAll(now.plus(wait), "Apple answered 429: " + failure.getMessage());
                return Verdict.STOP_BATCH;
            }
            case UNAUTHORIZED, MALFORMED_CREDENTIAL -> {
                pacing.pauseAll(
                        now.plus(backoff.first()),
                        "Apple refused the service Apple ID's token: " + failure.getMessage());
                return Verdict.STOP_BATCH;
            }
            default -> {
                return Verdict.CONTINUE;
            }
        }
    }

    private void failed(DueMonths.Task task, Instant now, String message) {
        int failures = 1 + (task.stored() == null ? 0 : task.stored().failures());
        ledger.store(task.answered(Status.FAILED, null, now, now.plus(backoff.after(failures)), failures, message));
    }

    private void count(Instant now, int before, int[] counts) {
        // The client's own count: every attempt, retries included, cost budget at Apple.
        int sent = accounting.sentByThisThread(AppleProtocol.REPORTER) - before;
        pacing.count(now, sent);
        counts[0] += sent;
    }
}
