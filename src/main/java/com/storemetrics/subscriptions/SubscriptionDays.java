package com.storemetrics.subscriptions;

import com.storemetrics.appstore.DailySubscriptionEvents;
import com.storemetrics.appstore.DailySubscriptions;
import com.storemetrics.appstore.ReportOutcome;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.appstore.SubscriptionEventReport;
import com.storemetrics.appstore.SubscriptionReport;
import com.storemetrics.metrics.DailyReport;
import com.storemetrics.metrics.DayStatus;
import com.storemetrics.metrics.SalesApps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Apple's two daily subscription reports as the store-metrics importer fetches them, one day of one
 * vendor at a time: the Subscription report (active subscriptions on the day) and, once it is
 * published, the Subscription Event report of the same day. Apple publishes them about two days
 * after the day; a day is published when both are ("no sales" in both: a day without subscribers or
 * events, stored as such). Odd files are recorded, not refused: event names, columns and apps new to
 * us (docs/subscriptions.md, "Bad input").
 */
@Component
class SubscriptionDays implements DailyReport {

    static final String NAME = "SUBSCRIPTIONS";

    private final ReporterClient reporter;
    private final SubscriptionDayWriter writer;
    private final SalesApps salesApps;

    SubscriptionDays(ReporterClient reporter, SubscriptionDayWriter writer, SalesApps salesApps) {
        this.reporter = reporter;
        this.writer = writer;
        this.salesApps = salesApps;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int lagDays() {
        return 2;
    }

    @Override
    public int requestsPerDay() {
        return 2;
    }

    @Override
    public Answer fetch(String serviceAccessToken, Day day, Instant now) {
        DailySubscriptions subscriptions =
                reporter.dailySubscriptions(serviceAccessToken, day.accountNumber(), day.vendorNumber(), day.date());
        if (subscriptions.outcome() == ReportOutcome.NOT_YET_AVAILABLE) {
            return Answer.notYet();
        }
        DailySubscriptionEvents events = reporter.dailySubscriptionEvents(
                serviceAccessToken, day.accountNumber(), day.vendorNumber(), day.date());
        if (events.outcome() == ReportOutcome.NOT_YET_AVAILABLE) {
            return Answer.notYet();
        }
        return published(day.accountId(), subscriptions, events);
    }

    /** Both reports of a day are published: what to store, and what to note about them. */
    Answer published(long accountId, DailySubscriptions subscriptions, DailySubscriptionEvents events) {
        boolean none = subscriptions.outcome() == ReportOutcome.NO_SALES && events.outcome() == ReportOutcome.NO_SALES;
        SubscriptionChecks.Findings findings = findings(accountId, subscriptions.report(), events.report());
        return Answer.published(
                none ? DayStatus.NO_SALES : DayStatus.DATA,
                () -> writer.replaceDay(accountId, subscriptions.report(), events.report(), findings),
                note(findings));
    }

    private SubscriptionChecks.Findings findings(
            long accountId, SubscriptionReport subscriptions, SubscriptionEventReport events) {
        String unknownEvents = events.unknownEvents().entrySet().stream()
                .map(event -> event.getKey() + " (" + event.getValue() + ")")
                .collect(Collectors.joining(", "));
        List<String> columns = new ArrayList<>();
        if (!subscriptions.unknownColumns().isEmpty()) {
            columns.add("Subscription: " + String.join(", ", new TreeSet<>(subscriptions.unknownColumns())));
        }
        if (!events.unknownColumns().isEmpty()) {
            columns.add("Subscription Event: " + String.join(", ", new TreeSet<>(events.unknownColumns())));
        }
        Set<String> known = salesApps.appleIdentifiers(accountId);
        TreeMap<String, String> unknownApps = new TreeMap<>();
        subscriptions.rows().stream()
                .filter(row -> !known.contains(row.appAppleId()))
                .forEach(row -> unknownApps.putIfAbsent(row.appAppleId(), row.appName()));
        events.rows().stream()
                .filter(row -> !known.contains(row.appAppleId()))
                .forEach(row -> unknownApps.putIfAbsent(row.appAppleId(), row.appName()));
        return new SubscriptionChecks.Findings(
                subscriptions.rows().size(),
                events.rows().size(),
                subscriptions.reportVersion() + "/" + events.reportVersion(),
                unknownEvents,
                String.join("; ", columns),
                unknownApps.entrySet().stream()
                        .map(app -> (app.getValue().isBlank() ? "an app" : app.getValue()) + " (" + app.getKey() + ")")
                        .collect(Collectors.joining(", ")));
    }

    /** For support's view of the day: what was new to us in Apple's files, or null. */
    private static String note(SubscriptionChecks.Findings findings) {
        List<String> notes = new ArrayList<>();
        if (!findings.unknownEvents().isEmpty()) {
            notes.add("events we do not know yet, stored as Apple named them: " + findings.unknownEvents());
        }
        if (!findings.unknownColumns().isEmpty()) {
            notes.add("columns we do not read: " + findings.unknownColumns());
        }
        if (!findings.unknownApps().isEmpty()) {
            notes.add("apps not in the account's Sales reports: " + findings.unknownApps());
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }
}
