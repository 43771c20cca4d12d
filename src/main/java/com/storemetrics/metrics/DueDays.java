package com.storemetrics.metrics;

import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.metrics.DayLedger.DayState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which days of one report of one account the importer asks Apple for now, and when the next one
 * is due otherwise. A day is due when it was never asked; when Apple had not published it or reading
 * it failed and its retry time came; or when it lies in the trailing window (Apple corrects recent
 * reports) and was read long enough ago. Days run from the newest Apple can have (today minus the
 * report's lag) back through the history window, newest first, vendors interleaved.
 */
final class DueDays {

    /**
     * A day to ask for, with what is known of it ({@code state} null: never asked) and the account's
     * failures in a row so far.
     */
    record Task(DailyReport report, DailyReport.Day day, DayState state, int accountFailures) {}

    /** The days due now, newest first, and when the next of the others is due. */
    record Due(List<Task> tasks, Instant nextDueAt) {}

    private DueDays() {}

    /** The window of a report: {@code [today - historyDays, today - lag]}. */
    static LocalDate newest(DailyReport report, LocalDate today) {
        return today.minusDays(report.lagDays());
    }

    static LocalDate oldest(LocalDate today, MetricsProperties properties) {
        return today.minusDays(properties.historyDays());
    }

    static Due of(
            DailyReport report,
            ImportLedger.AccountImport account,
            List<String> vendors,
            Map<String, Map<LocalDate, DayState>> states,
            Instant now,
            MetricsProperties properties) {
        LocalDate today = AppleFacts.reportDay(now);
        LocalDate trailingFrom = today.minusDays(properties.trailingDays());
        // A new report day enters the window at midnight: nothing waits longer than that.
        Instant next = AppleFacts.reportDay(now)
                .plusDays(1)
                .atStartOfDay(AppleFacts.REPORT_ZONE)
                .toInstant();
        List<Task> tasks = new ArrayList<>();
        for (LocalDate day = newest(report, today); !day.isBefore(oldest(today, properties)); day = day.minusDays(1)) {
            for (String vendor : vendors) {
                DayState state = states.getOrDefault(vendor, Map.of()).get(day);
                Instant due = dueAt(state, day, trailingFrom, properties.refetchAfter());
                if (due == null) {
                    continue;
                }
                if (!due.isAfter(now)) {
                    tasks.add(new Task(
                            report,
                            new DailyReport.Day(account.accountId(), account.accountNumber(), vendor, day),
                            state,
                            account.consecutiveFailures()));
                } else if (due.isBefore(next)) {
                    next = due;
                }
            }
        }
        return new Due(tasks, next);
    }

    /** When the day is due (now or later), or null when it never is again (published, before the trailing window). */
    private static Instant dueAt(DayState state, LocalDate day, LocalDate trailingFrom, Duration refetchAfter) {
        if (state == null) {
            return Instant.MIN;
        }
        Instant retry = state.nextAttemptAt() == null ? Instant.MIN : state.nextAttemptAt();
        if (!state.status().isPublished()) {
            return retry;
        }
        if (day.isBefore(trailingFrom)) {
            return null;
        }
        Instant reread = state.fetchedAt().plus(refetchAfter);
        return reread.isAfter(retry) ? reread : retry;
    }
}
