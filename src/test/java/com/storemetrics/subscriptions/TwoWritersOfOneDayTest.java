package com.storemetrics.subscriptions;

import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.metrics.DailyReport;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.MonthRollUps;
import com.storemetrics.metrics.ReportImporter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes may import one account at the same moment (the batch "soon" after an approval on one
 * node, the recurring batch on another) and so store the same day at once. On HSQLDB and, in the
 * suite's second run, on PostgreSQL (where a second {@code DELETE} + {@code MERGE ... n = n + s.n}
 * writer would add its rows to the first one's): the day stays stored once, equal to the sandbox's
 * reports, and the month roll-ups stay the sum of their days.
 */
class TwoWritersOfOneDayTest extends SpringTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReporterClient reporter;

    @Autowired
    TestClock clock;

    @Autowired
    SubscriptionDays subscriptionDays;

    @Value("${storemetrics.apple.service-access-token}")
    String serviceToken;

    @LocalServerPort
    int port;

    @Test
    void two_writers_storing_the_same_day_at_once_leave_it_stored_once_and_its_month_the_sum_of_its_days()
            throws Exception {
        MetricsFixture.serviceUserJoins(new SandboxControl(port), PIXEL_FORGE);
        long pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
        // One batch of each "node": the accounts' import rows exist, and a few days are stored already.
        ReportImporter first = SubscriptionsFixture.subscriptionImporter(context);
        ReportImporter second = SubscriptionsFixture.subscriptionImporter(context);
        first.runBatch();
        LocalDate day = SubscriptionsFixture.newestPublished(clock);
        DailyReport.Day theDay = new DailyReport.Day(pixelForge, PIXEL_FORGE, PIXEL_FORGE_VENDOR, day);

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                // Each node fetched the day itself; both store it at the same moment.
                DailyReport.Answer seenByFirst = subscriptionDays.fetch(serviceToken, theDay, clock.instant());
                DailyReport.Answer seenBySecond = subscriptionDays.fetch(serviceToken, theDay, clock.instant());
                CyclicBarrier together = new CyclicBarrier(2);
                List<Callable<Void>> writers = new ArrayList<>();
                for (Map.Entry<ReportImporter, DailyReport.Answer> node :
                        Map.of(first, seenByFirst, second, seenBySecond).entrySet()) {
                    writers.add(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        node.getKey().storePublished(subscriptionDays, theDay, node.getValue(), clock.instant());
                        return null;
                    });
                }
                for (Future<Void> stored : nodes.invokeAll(writers, 60, TimeUnit.SECONDS)) {
                    stored.get();
                }

                assertThat(SubscriptionsFixture.storedCounts(jdbc, pixelForge, day))
                        .as("active counts on %s after round %d", day, round)
                        .isNotEmpty()
                        .isEqualTo(SubscriptionsFixture.countsFromTheSandbox(
                                reporter, PIXEL_FORGE, PIXEL_FORGE_VENDOR, day));
                assertThat(SubscriptionsFixture.storedEvents(jdbc, pixelForge, day))
                        .as("events on %s after round %d", day, round)
                        .isEqualTo(SubscriptionsFixture.eventsFromTheSandbox(
                                reporter, PIXEL_FORGE, PIXEL_FORGE_VENDOR, day));
                assertThat(eventsOfTheMonth("subscription_event_month", pixelForge, day))
                        .as("the month's roll-up after round %d", round)
                        .isEqualTo(eventsOfTheDays(pixelForge, day));
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    /** Per event: the month table's quantity for the month of {@code day}. */
    private Map<String, Long> eventsOfTheMonth(String table, long accountId, LocalDate day) {
        Map<String, Long> events = new TreeMap<>();
        jdbc.query(
                "SELECT event, SUM(quantity) FROM " + table
                        + " WHERE account_id = ? AND report_month = ? GROUP BY event",
                rs -> {
                    events.put(rs.getString(1), rs.getLong(2));
                },
                accountId,
                MonthRollUps.month(day));
        return events;
    }

    /** Per event: the sum over the stored days of the month of {@code day}. */
    private Map<String, Long> eventsOfTheDays(long accountId, LocalDate day) {
        YearMonth month = YearMonth.from(day);
        Map<String, Long> events = new TreeMap<>();
        jdbc.query(
                "SELECT event, SUM(quantity) FROM subscription_event WHERE account_id = ? AND report_date BETWEEN ? AND ?"
                        + " GROUP BY event",
                rs -> {
                    events.put(rs.getString(1), rs.getLong(2));
                },
                accountId,
                month.atDay(1),
                month.atEndOfMonth());
        return events;
    }
}
