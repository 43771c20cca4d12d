package com.storemetrics.subscriptions;

import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static com.storemetrics.subscriptions.SubscriptionsFixture.PACIFIC;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.appstore.SubscriptionBalance;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.MetricsProperties;
import com.storemetrics.metrics.ReportImporter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import of Apple's two daily subscription reports against the embedded sandbox over real HTTP,
 * with our service Apple ID's token; what was stored is compared with the sandbox's reports read
 * here with our client, independently of the importer.
 */
class SubscriptionImportTest extends SpringTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReporterClient reporter;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    SandboxControl sandbox;
    ReportImporter importer;
    long pixelForge;

    @BeforeEach
    void approvePixelForge() {
        sandbox = new SandboxControl(port);
        importer = SubscriptionsFixture.subscriptionImporter(context);
        MetricsFixture.serviceUserJoins(sandbox, PIXEL_FORGE);
        pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
    }

    @Test
    void
            a_back_fill_stores_each_days_active_counts_per_subscription_and_events_per_event_as_the_sandbox_reports_them() {
        int requests = MetricsFixture.importUntilIdle(importer);

        LocalDate newest = SubscriptionsFixture.newestPublished(clock);
        assertThat(requests)
                .as("two reports a day, the newest day once more if it is not published yet")
                .isEqualTo(newest.equals(today().minusDays(2)) ? 2 * 364 : 2 * 363 + 1);
        for (LocalDate day : List.of(
                newest, newest.minusDays(1), newest.minusDays(6), today().minusDays(200), today().minusDays(365))) {
            assertThat(SubscriptionsFixture.storedCounts(jdbc, pixelForge, day))
                    .as("active counts on %s", day)
                    .isNotEmpty()
                    .isEqualTo(
                            SubscriptionsFixture.countsFromTheSandbox(reporter, PIXEL_FORGE, PIXEL_FORGE_VENDOR, day));
            assertThat(SubscriptionsFixture.storedEvents(jdbc, pixelForge, day))
                    .as("events on %s", day)
                    .isEqualTo(
                            SubscriptionsFixture.eventsFromTheSandbox(reporter, PIXEL_FORGE, PIXEL_FORGE_VENDOR, day));
        }
        // The sandbox keeps Apple's day-to-day rule: every day whose day before is stored balances.
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT balance FROM subscription_report_day WHERE account_id = ? AND report_date > ?",
                        String.class,
                        pixelForge,
                        today().minusDays(365)))
                .containsExactly("BALANCED");
        assertThat(jdbc.queryForObject(
                        "SELECT balance FROM subscription_report_day WHERE account_id = ? AND report_date = ?",
                        String.class,
                        pixelForge,
                        today().minusDays(365)))
                .as("the oldest day's day before is not kept by Apple")
                .isEqualTo("UNCHECKED");
        assertThat(SubscriptionBalance.check(
                        reporter.dailySubscriptions(
                                        SandboxControl.ALICE_TOKEN,
                                        PIXEL_FORGE,
                                        PIXEL_FORGE_VENDOR,
                                        newest.minusDays(1))
                                .report(),
                        reporter.dailySubscriptionEvents(
                                        SandboxControl.ALICE_TOKEN, PIXEL_FORGE, PIXEL_FORGE_VENDOR, newest)
                                .report(),
                        reporter.dailySubscriptions(SandboxControl.ALICE_TOKEN, PIXEL_FORGE, PIXEL_FORGE_VENDOR, newest)
                                .report()))
                .isEmpty();
    }

    @Test
    void days_apple_cannot_have_yet_are_never_asked_for_and_a_day_not_yet_published_is_asked_again_later() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(PACIFIC));
        ZonedDateTime fourAm = now.toLocalDate().atTime(4, 0).atZone(PACIFIC);
        clock.advance(Duration.between(now, fourAm.isAfter(now) ? fourAm : fourAm.plusDays(1)));
        LocalDate twoDaysAgo = today().minusDays(2);
        // The newest days are the point; thirty of them are read as the year would be, newest first.
        ReportImporter recent = SubscriptionsFixture.subscriptionImporter(context, 30);

        recent.runBatch();

        assertThat(jdbc.queryForObject(
                        "SELECT MAX(report_date) FROM metrics_day_import WHERE account_id = ? AND report = 'SUBSCRIPTIONS'",
                        LocalDate.class,
                        pixelForge))
                .as("never yesterday or today")
                .isEqualTo(twoDaysAgo);
        assertThat(SubscriptionsFixture.statusOf(jdbc, pixelForge, twoDaysAgo)).containsExactly("NOT_YET");
        assertThat(SubscriptionsFixture.storedCounts(jdbc, pixelForge, twoDaysAgo))
                .isEmpty();
        assertThat(SubscriptionsFixture.statusOf(jdbc, pixelForge, twoDaysAgo.minusDays(1)))
                .containsExactly("DATA");

        clock.advance(Duration.ofMinutes(65));
        MetricsFixture.importUntilIdle(recent);

        assertThat(SubscriptionsFixture.statusOf(jdbc, pixelForge, twoDaysAgo)).containsExactly("DATA");
        assertThat(SubscriptionsFixture.storedCounts(jdbc, pixelForge, twoDaysAgo))
                .isEqualTo(SubscriptionsFixture.countsFromTheSandbox(
                        reporter, PIXEL_FORGE, PIXEL_FORGE_VENDOR, twoDaysAgo));
    }

    @Test
    void a_vendor_without_subscriptions_has_its_days_stored_as_days_without_subscribers() {
        MetricsFixture.serviceUserJoins(sandbox, "100002");
        long aliceMartin = MetricsFixture.approved(jdbc, "alice", "100002", "Alice Martin", "85000002");
        jdbc.update(
                "UPDATE integration SET status = 'REMOVED', live_account_id = NULL WHERE account_id = ?", pixelForge);

        importer.runBatch();

        int withoutSubscribers = jdbc.queryForObject(
                "SELECT COUNT(*) FROM metrics_day_import WHERE account_id = ? AND report = 'SUBSCRIPTIONS'"
                        + " AND status = 'NO_SALES'",
                Integer.class,
                aliceMartin);
        assertThat(withoutSubscribers)
                .as("ten days, or nine and a day not published yet")
                .isBetween(9, 10);
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT status FROM metrics_day_import WHERE account_id = ? AND report = 'SUBSCRIPTIONS'",
                        String.class,
                        aliceMartin))
                .isSubsetOf("NO_SALES", "NOT_YET");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM subscription_active WHERE account_id = ?", Integer.class, aliceMartin))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM subscription_report_day WHERE account_id = ? AND subscription_rows = 0"
                                + " AND event_rows = 0",
                        Integer.class,
                        aliceMartin))
                .isEqualTo(withoutSubscribers);
    }

    @Test
    void a_report_version_apple_insists_on_is_used_and_recorded_with_the_day() {
        sandbox.requireReportVersion("Subscription", "1_3");

        importer.runBatch();

        LocalDate newest = SubscriptionsFixture.newestPublished(clock);
        assertThat(jdbc.queryForObject(
                        "SELECT report_versions FROM subscription_report_day WHERE account_id = ? AND report_date = ?",
                        String.class,
                        pixelForge,
                        newest))
                .isEqualTo("1_3/1_4");
        assertThat(SubscriptionsFixture.storedCounts(jdbc, pixelForge, newest))
                .isEqualTo(
                        SubscriptionsFixture.countsFromTheSandbox(reporter, PIXEL_FORGE, PIXEL_FORGE_VENDOR, newest));
    }

    @Test
    void a_fault_mid_back_fill_stores_no_part_of_a_day_and_the_day_is_read_again_after_its_back_off() {
        // Two months of history hold a mid-back-fill fault and the days after it.
        ReportImporter recent = SubscriptionsFixture.subscriptionImporter(context, 60);
        recent.runBatch();
        sandbox.fault("GARBAGE", 3, 0);
        ReportImporter.RunResult faulty = recent.runBatch();

        assertThat(faulty.failures()).isEqualTo(3);
        List<LocalDate> failed = jdbc.queryForList(
                "SELECT report_date FROM metrics_day_import WHERE account_id = ? AND report = 'SUBSCRIPTIONS'"
                        + " AND status = 'FAILED' ORDER BY report_date",
                LocalDate.class,
                pixelForge);
        assertThat(failed).hasSize(3);
        for (LocalDate day : failed) {
            for (String table : List.of("subscription_active", "subscription_event", "subscription_report_day")) {
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM " + table + " WHERE account_id = ? AND report_date = ?",
                                Integer.class,
                                pixelForge,
                                day))
                        .as("%s of %s", table, day)
                        .isZero();
            }
        }

        clock.advance(Duration.ofMinutes(2));
        MetricsFixture.importUntilIdle(recent);

        for (LocalDate day : failed) {
            assertThat(SubscriptionsFixture.statusOf(jdbc, pixelForge, day)).containsExactly("DATA");
            assertThat(SubscriptionsFixture.storedEvents(jdbc, pixelForge, day))
                    .isEqualTo(
                            SubscriptionsFixture.eventsFromTheSandbox(reporter, PIXEL_FORGE, PIXEL_FORGE_VENDOR, day));
        }
    }

    @Test
    void after_a_restart_the_import_resumes_where_it_stopped_and_never_asks_for_a_stored_day_twice() {
        // Two months of history: two batches before the restart and more after it.
        int history = 60;
        ReportImporter stopped = SubscriptionsFixture.subscriptionImporter(context, history);
        int before = stopped.runBatch().requests() + stopped.runBatch().requests();
        ReportImporter restarted = SubscriptionsFixture.subscriptionImporter(context, history);

        int after = MetricsFixture.importUntilIdle(restarted);

        LocalDate newest = SubscriptionsFixture.newestPublished(clock);
        // Two batches of 20 requests; before 5 am Pacific the newest day is not published and its
        // Subscription report alone was asked (one request), which leaves one request of the first batch.
        // Both reports of each day from two days ago back to the window's first day, asked once.
        assertThat(before).isEqualTo(newest.equals(today().minusDays(2)) ? 40 : 39);
        assertThat(before + after)
                .isEqualTo(newest.equals(today().minusDays(2)) ? 2 * (history - 1) : 2 * (history - 2) + 1);
    }

    @Test
    void sales_and_subscriptions_share_the_importers_share_of_the_hourly_budget() {
        MetricsProperties small = new MetricsProperties(
                Duration.ofSeconds(3),
                20,
                false,
                3600,
                0.02,
                365,
                7,
                Duration.ofHours(20),
                Duration.ofMinutes(30),
                Duration.ofMinutes(1),
                Duration.ofHours(6));
        ReportImporter both = MetricsFixture.newImporter(context, small);
        // The share is per clock hour: the whole import must happen in one.
        clock.keepWithinOneClockHourFor(Duration.ofMinutes(10));

        // A subscription day costs two requests: the last one of the hour may stay unused.
        assertThat(MetricsFixture.importUntilIdle(both)).as("2% of 3,600").isBetween(71, 72);
        assertThat(both.runBatch().requests()).isZero();
        int salesDays = jdbc.queryForObject(
                "SELECT COUNT(*) FROM metrics_day_import WHERE account_id = ? AND report = 'SALES'",
                Integer.class,
                pixelForge);
        int subscriptionDays = jdbc.queryForObject(
                "SELECT COUNT(*) FROM metrics_day_import WHERE account_id = ? AND report = 'SUBSCRIPTIONS'",
                Integer.class,
                pixelForge);
        // A subscription day not published yet cost one request (its Subscription report alone).
        int subscriptionDaysNotYet = jdbc.queryForObject(
                "SELECT COUNT(*) FROM metrics_day_import WHERE account_id = ? AND report = 'SUBSCRIPTIONS'"
                        + " AND status = 'NOT_YET'",
                Integer.class,
                pixelForge);
        assertThat(salesDays + 2 * subscriptionDays - subscriptionDaysNotYet).isBetween(70, 72);
        assertThat(salesDays).as("the newest days of both, side by side").isBetween(22, 26);
        assertThat(subscriptionDays).isBetween(22, 25);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PACIFIC));
    }
}
