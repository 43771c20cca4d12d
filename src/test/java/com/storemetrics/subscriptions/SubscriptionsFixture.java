package com.storemetrics.subscriptions;

import com.storemetrics.SandboxControl;
import com.storemetrics.appstore.DailySubscriptionEvents;
import com.storemetrics.appstore.DailySubscriptions;
import com.storemetrics.appstore.ReportOutcome;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.appstore.SubscriptionEventRow;
import com.storemetrics.appstore.SubscriptionEventType;
import com.storemetrics.appstore.SubscriptionRow;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.MetricsProperties;
import com.storemetrics.metrics.ReportImporter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data for subscriptions: what the sandbox's own reports say for a day, read with our client
 * and added up here, independently of the importer; and the same figures from what was stored.
 */
public final class SubscriptionsFixture {

    public static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private SubscriptionsFixture() {}

    /** The importer of the subscription reports alone. */
    public static ReportImporter subscriptionImporter(ApplicationContext context) {
        return MetricsFixture.newImporter(context, context.getBean(MetricsProperties.class), SubscriptionDays.NAME);
    }

    /** The importer of the subscription reports alone, back-filling only the last {@code historyDays}. */
    public static ReportImporter subscriptionImporter(ApplicationContext context, int historyDays) {
        return MetricsFixture.newImporter(
                context,
                MetricsFixture.withHistoryDays(context.getBean(MetricsProperties.class), historyDays),
                SubscriptionDays.NAME);
    }

    /** Whether Apple (the sandbox) has published a day's subscription reports: 5 am Pacific two days later. */
    public static boolean isPublished(Clock clock, LocalDate day) {
        return !ZonedDateTime.now(clock.withZone(PACIFIC))
                .isBefore(day.plusDays(2).atTime(5, 0).atZone(PACIFIC));
    }

    /** The newest day whose subscription reports are published. */
    public static LocalDate newestPublished(Clock clock) {
        LocalDate day = LocalDate.now(clock.withZone(PACIFIC)).minusDays(2);
        return isPublished(clock, day) ? day : day.minusDays(1);
    }

    /** Per Subscription Apple ID: [active paid, free trials, at risk] as the day's Subscription report has them. */
    public static Map<String, List<Long>> countsFromTheSandbox(
            ReporterClient reporter, String account, String vendor, LocalDate day) {
        DailySubscriptions answer = reporter.dailySubscriptions(SandboxControl.ALICE_TOKEN, account, vendor, day);
        if (answer.outcome() == ReportOutcome.NOT_YET_AVAILABLE) {
            throw new IllegalStateException(day + " is not published yet");
        }
        Map<String, long[]> sums = new TreeMap<>();
        for (SubscriptionRow row : answer.report().rows()) {
            long[] sum = sums.computeIfAbsent(row.subscriptionAppleId(), id -> new long[3]);
            sum[0] += row.counts().activePaid();
            sum[1] += row.counts().activeFreeTrials();
            sum[2] += row.counts().atRisk();
        }
        Map<String, List<Long>> counts = new TreeMap<>();
        sums.forEach((id, sum) -> {
            if (sum[0] + sum[1] + sum[2] > 0) {
                counts.put(id, List.of(sum[0], sum[1], sum[2]));
            }
        });
        return counts;
    }

    /** Per event (Apple's current name): the day's total quantity, as the day's Subscription Event report has them. */
    public static Map<String, Long> eventsFromTheSandbox(
            ReporterClient reporter, String account, String vendor, LocalDate day) {
        DailySubscriptionEvents answer =
                reporter.dailySubscriptionEvents(SandboxControl.ALICE_TOKEN, account, vendor, day);
        Map<String, Long> events = new TreeMap<>();
        for (SubscriptionEventRow row : answer.report().rows()) {
            String name = row.type() == SubscriptionEventType.UNKNOWN
                    ? row.event()
                    : row.type().appleName();
            events.merge(name, (long) row.quantity(), Long::sum);
        }
        return events;
    }

    public static Map<String, List<Long>> storedCounts(JdbcTemplate jdbc, long accountId, LocalDate day) {
        Map<String, List<Long>> counts = new TreeMap<>();
        jdbc.query(
                "SELECT subscription_id, SUM(active_paid), SUM(free_trials), SUM(at_risk) FROM subscription_product_day"
                        + " WHERE account_id = ? AND report_date = ? GROUP BY subscription_id",
                rs -> {
                    List<Long> sums = List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4));
                    if (!sums.equals(List.of(0L, 0L, 0L))) {
                        counts.put(rs.getString(1), sums);
                    }
                },
                accountId,
                day);
        return counts;
    }

    public static Map<String, Long> storedEvents(JdbcTemplate jdbc, long accountId, LocalDate day) {
        Map<String, Long> events = new TreeMap<>();
        jdbc.query(
                "SELECT event, SUM(quantity) FROM subscription_event WHERE account_id = ? AND report_date = ?"
                        + " GROUP BY event",
                rs -> {
                    events.put(rs.getString(1), rs.getLong(2));
                },
                accountId,
                day);
        return events;
    }

    /** The importer's status of a subscription day of the account (empty: never asked). */
    public static List<String> statusOf(JdbcTemplate jdbc, long accountId, LocalDate day) {
        return jdbc.queryForList(
                "SELECT status FROM metrics_day_import WHERE account_id = ? AND report = 'SUBSCRIPTIONS'"
                        + " AND report_date = ?",
                String.class,
                accountId,
                day);
    }
}
