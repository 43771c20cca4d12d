package com.storemetrics.metrics;

import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.metrics.ImportLedger.AccountImport;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads what a batch asks Apple for: the due days ({@link DueDays}) of the accounts whose reports are due. */
@Component
class DueQueues {

    private final ImportLedger ledger;
    private final DayLedger days;
    private final MetricsProperties properties;

    DueQueues(ImportLedger ledger, DayLedger days, MetricsProperties properties) {
        this.ledger = ledger;
        this.days = days;
        this.properties = properties;
    }

    /**
     * The days due now of every active account that is not paused, one queue per account (its
     * reports interleaved, newest first), accounts in turn order; an account with nothing due gets
     * its next due time recorded instead, so the following batches do not read its days again.
     */
    List<Deque<DueDays.Task>> of(List<AccountImport> imports, List<DailyReport> reports, Instant now) {
        List<Deque<DueDays.Task>> queues = new ArrayList<>();
        imports.stream()
                .filter(account -> account.active() && !account.isPaused(now))
                .sorted(Comparator.comparing(
                        AccountImport::lastServedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(account -> {
                    List<String> vendors = Arrays.asList(account.vendorNumbers().split(","));
                    List<DueDays.Task> tasks = new ArrayList<>();
                    for (DailyReport report : reports) {
                        if (!account.isDue(report.name(), now)) {
                            continue;
                        }
                        DueDays.Due due = DueDays.of(
                                report,
                                account,
                                vendors,
                                days.dayStates(
                                        account.accountId(),
                                        report.name(),
                                        DueDays.oldest(AppleFacts.reportDay(now), properties),
                                        DueDays.newest(report, AppleFacts.reportDay(now))),
                                now,
                                properties);
                        if (due.tasks().isEmpty()) {
                            ledger.nextDue(account.accountId(), report.name(), due.nextDueAt());
                        }
                        tasks.addAll(due.tasks());
                    }
                    if (!tasks.isEmpty()) {
                        // Newest day first across the reports; a stable sort keeps vendors interleaved.
                        tasks.sort(Comparator.comparing(
                                        (DueDays.Task task) -> task.day().date())
                                .reversed());
                        queues.add(new ArrayDeque<>(tasks));
                    }
                });
        return queues;
    }
}
