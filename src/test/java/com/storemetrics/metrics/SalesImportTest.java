package com.storemetrics.metrics;

import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.appstore.AppleCallAccounting;
import com.storemetrics.appstore.AppleProtocol;
import com.storemetrics.appstore.ReporterClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The importer against the embedded sandbox over real HTTP, with our service Apple ID's token. */
class SalesImportTest extends SpringTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    /** The importer of the Sales summary alone: these tests count its requests. */
    ReportImporter importer;

    @Autowired
    ReporterClient reporter;

    @Autowired
    TestClock clock;

    @Autowired
    AppleCallAccounting accounting;

    @LocalServerPort
    int port;

    SandboxControl sandbox;
    long pixelForge;

    @BeforeEach
    void approvePixelForge() {
        importer = MetricsFixture.newImporter(context, context.getBean(MetricsProperties.class), SalesDays.NAME);
        sandbox = new SandboxControl(port);
        MetricsFixture.serviceUserJoins(sandbox, PIXEL_FORGE);
        pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
    }

    @Test
    void a_back_fill_stores_a_year_whose_totals_equal_the_sandboxs_reports_per_bucket_and_currency() {
        int requests = MetricsFixture.importUntilIdle(importer);

        LocalDate yesterday = today().minusDays(1);
        assertThat(requests).isEqualTo(365);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM metrics_day_import WHERE account_id = ?", Integer.class, pixelForge))
                .isEqualTo(365);
        for (int[] range : new int[][] {{30, 1}, {200, 150}}) {
            LocalDate from = today().minusDays(range[0]);
            LocalDate to = today().minusDays(range[1]);
            // Yesterday may not be published yet: then nothing is stored for it, and Apple has no report.
            LocalDate published = isPublished(to) ? to : to.minusDays(1);
            assertThat(MetricsFixture.stored(jdbc, pixelForge, from, to))
                    .as("%s..%s", from, to)
                    .isEqualTo(MetricsFixture.fromTheSandbox(
                            reporter, SandboxControl.ALICE_TOKEN, PIXEL_FORGE, PIXEL_FORGE_VENDOR, from, published));
        }
        MetricsFixture.Expected year = MetricsFixture.stored(jdbc, pixelForge, today().minusDays(365), yesterday);
        assertThat(year.unitsByBucket())
                .containsKeys("DOWNLOADS", "REDOWNLOADS", "UPDATES", "IN_APP_PURCHASES", "SUBSCRIPTIONS");
        assertThat(year.refunds()).isPositive();
        assertThat(year.proceedsByCurrency()).containsKeys("USD", "EUR", "JPY", "SAR");
    }

    @Test
    void the_newest_thirty_days_come_first() {
        importer.runBatch();
        importer.runBatch();

        assertThat(jdbc.queryForObject(
                        "SELECT MIN(report_date) FROM metrics_day_import WHERE account_id = ?",
                        LocalDate.class,
                        pixelForge))
                .isAfterOrEqualTo(today().minusDays(40));
        assertThat(jdbc.queryForObject(
                        "SELECT MAX(report_date) FROM metrics_day_import WHERE account_id = ?",
                        LocalDate.class,
                        pixelForge))
                .isEqualTo(today().minusDays(1));
    }

    @Test
    void a_day_without_sales_is_a_stored_zero_and_a_day_not_yet_published_is_neither_stored_nor_zero() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(PACIFIC));
        ZonedDateTime fourAm = now.toLocalDate().atTime(4, 0).atZone(PACIFIC);
        if (!fourAm.isAfter(now)) {
            fourAm = fourAm.plusDays(1);
        }
        clock.advance(Duration.between(now, fourAm));
        LocalDate yesterday = fourAm.toLocalDate().minusDays(1);
        // About one day in eleven is a vendor's quiet day: 120 days hold one but for a chance of 1e-5.
        ReportImporter recent = MetricsFixture.salesImporter(context, 120);

        MetricsFixture.importUntilIdle(recent);

        assertThat(MetricsFixture.statusesOf(jdbc, pixelForge, yesterday)).containsExactly("NOT_YET");
        assertThat(rowsOn(yesterday)).isZero();
        LocalDate quiet = jdbc.queryForObject(
                "SELECT MAX(report_date) FROM metrics_day_import WHERE account_id = ?" + " AND status = 'NO_SALES'",
                LocalDate.class,
                pixelForge);
        assertThat(quiet).isNotNull();
        assertThat(rowsOn(quiet)).isZero();
        assertThat(reporter.getDailySalesSummary(SandboxControl.ALICE_TOKEN, PIXEL_FORGE, PIXEL_FORGE_VENDOR, quiet)
                        .isEmpty())
                .isTrue();

        clock.advance(Duration.ofMinutes(65));
        recent.runBatch();
        assertThat(MetricsFixture.statusesOf(jdbc, pixelForge, yesterday)).doesNotContain("NOT_YET", "FAILED");

        clock.advance(Duration.ofMinutes(31));
        assertThat(MetricsFixture.importUntilIdle(recent))
                .as("a published day is not asked for again")
                .isZero();
    }

    @Test
    void a_correction_in_the_trailing_window_replaces_the_stored_figures_on_the_daily_re_read() {
        // 120 days: the trailing window and a day well outside it (100 days ago).
        ReportImporter withinMonths = MetricsFixture.salesImporter(context, 120);
        MetricsFixture.importUntilIdle(withinMonths);
        LocalDate recent = jdbc.queryForObject(
                "SELECT MAX(report_date) FROM metrics_day_import WHERE account_id = ?" + " AND status = 'DATA'",
                LocalDate.class,
                pixelForge);
        MetricsFixture.Expected apple = MetricsFixture.fromTheSandbox(
                reporter, SandboxControl.ALICE_TOKEN, PIXEL_FORGE, PIXEL_FORGE_VENDOR, recent, recent);
        // What we hold differs from Apple's report now, as after Apple re-issued the day.
        jdbc.update(
                "UPDATE metrics_daily SET units = units + 1000 WHERE account_id = ? AND report_date = ?",
                pixelForge,
                recent);
        jdbc.update(
                "INSERT INTO metrics_daily (account_id, vendor_number, report_date, app_sku, bucket, country,"
                        + " currency, units, refund_units, proceeds) VALUES (?, ?, ?, 'WITHDRAWN', 'DOWNLOADS', 'US', 'USD', 7, 0, 7)",
                pixelForge,
                PIXEL_FORGE_VENDOR,
                recent);
        LocalDate old = today().minusDays(100);
        MetricsFixture.Expected oldBefore = MetricsFixture.stored(jdbc, pixelForge, old, old);

        clock.advance(Duration.ofHours(21));
        MetricsFixture.importUntilIdle(withinMonths);

        assertThat(MetricsFixture.stored(jdbc, pixelForge, recent, recent)).isEqualTo(apple);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM metrics_daily WHERE app_sku = 'WITHDRAWN'", Integer.class))
                .isZero();
        assertThat(MetricsFixture.stored(jdbc, pixelForge, old, old)).isEqualTo(oldBefore);
    }

    @Test
    void a_fault_mid_back_fill_leaves_no_partial_day_and_the_import_resumes_after_the_back_off() {
        ReportImporter recent = MetricsFixture.salesImporter(context, 60);
        recent.runBatch();
        sandbox.fault("GARBAGE", 2, 0);
        ReportImporter.RunResult faulty = recent.runBatch();

        assertThat(faulty.failures()).isEqualTo(2);
        java.util.List<LocalDate> failed = jdbc.queryForList(
                "SELECT report_date FROM metrics_day_import WHERE" + " account_id = ? AND status = 'FAILED'",
                LocalDate.class,
                pixelForge);
        assertThat(failed).hasSize(2);
        failed.forEach(
                day -> assertThat(rowsOn(day)).as("nothing stored for %s", day).isZero());

        MetricsFixture.importUntilIdle(recent);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM metrics_day_import WHERE account_id = ? AND status = 'FAILED'",
                        Integer.class,
                        pixelForge))
                .as("failed days wait for their back-off")
                .isEqualTo(2);
        clock.advance(Duration.ofMinutes(2));
        MetricsFixture.importUntilIdle(recent);

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM metrics_day_import WHERE account_id = ? AND status = 'FAILED'",
                        Integer.class,
                        pixelForge))
                .isZero();
        LocalDate from = failed.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate to = failed.stream().max(LocalDate::compareTo).orElseThrow();
        assertThat(MetricsFixture.stored(jdbc, pixelForge, from, to))
                .isEqualTo(MetricsFixture.fromTheSandbox(
                        reporter, SandboxControl.ALICE_TOKEN, PIXEL_FORGE, PIXEL_FORGE_VENDOR, from, to));
    }

    @Test
    void after_a_restart_the_import_resumes_where_it_stopped_and_never_asks_for_a_day_twice() {
        // Two months of history: two batches before the restart and more after it.
        int history = 60;
        ReportImporter stopped = MetricsFixture.salesImporter(context, history);
        int before = stopped.runBatch().requests() + stopped.runBatch().requests();
        ReportImporter restarted = MetricsFixture.salesImporter(context, history);

        int after = MetricsFixture.importUntilIdle(restarted);

        assertThat(before).isEqualTo(40);
        assertThat(before + after).isEqualTo(history);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM metrics_day_import WHERE account_id = ?", Integer.class, pixelForge))
                .isEqualTo(history);
    }

    @Test
    void the_importer_keeps_to_its_share_of_the_hourly_budget_and_pauses_on_429_as_apple_says() {
        MetricsProperties small = new MetricsProperties(
                Duration.ofSeconds(3),
                20,
                false,
                3600,
                0.01,
                365,
                7,
                Duration.ofHours(20),
                Duration.ofMinutes(30),
                Duration.ofMinutes(1),
                Duration.ofHours(6));
        ReportImporter paced = MetricsFixture.newImporter(context, small, SalesDays.NAME);
        // The share is per clock hour: the whole import must happen in one.
        clock.keepWithinOneClockHourFor(Duration.ofMinutes(10));

        int withinTheHour = MetricsFixture.importUntilIdle(paced);

        assertThat(withinTheHour).as("1% of 3,600 an hour").isEqualTo(36);
        assertThat(paced.runBatch().requests()).isZero();

        jdbc.update("UPDATE metrics_pacing SET requests = 0");
        sandbox.fault("HTTP_429", 1, 0);
        ReportImporter.RunResult limited = paced.runBatch();
        assertThat(limited.requests()).isEqualTo(1);
        assertThat(limited.paused()).isTrue();
        assertThat(paced.runBatch().requests())
                .as("Retry-After: 60 is honoured")
                .isZero();
        clock.advance(Duration.ofSeconds(61));
        assertThat(paced.runBatch().requests()).isPositive();
    }

    @Test
    void an_account_whose_membership_is_lost_stops_importing_and_keeps_its_figures() {
        importer.runBatch();
        sandbox.removeUser(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);

        ReportImporter.RunResult refused = importer.runBatch();

        assertThat(refused.requests())
                .as("the refused report, and Sales.getAccounts saying our user left (not a missing role)")
                .isEqualTo(2);
        assertThat(refused.failures()).isOne();
        assertThat(jdbc.queryForObject(
                        "SELECT last_failure_kind FROM metrics_account_import WHERE account_id = ?",
                        String.class,
                        pixelForge))
                .isEqualTo("FORBIDDEN");
        assertThat(importer.runBatch().requests())
                .as("the account waits out its back-off")
                .isZero();
        int stored = jdbc.queryForObject(
                "SELECT COUNT(*) FROM metrics_daily WHERE account_id = ?", Integer.class, pixelForge);

        // The verifier removes the integrations after two checks without the membership.
        jdbc.update(
                "UPDATE integration SET status = 'REMOVED', live_account_id = NULL WHERE account_id = ?", pixelForge);
        clock.advance(Duration.ofHours(7));
        ReportImporter.RunResult stopped = importer.runBatch();

        assertThat(stopped.requests()).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT active FROM metrics_account_import WHERE account_id = ?", Boolean.class, pixelForge))
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM metrics_daily WHERE account_id = ?", Integer.class, pixelForge))
                .isEqualTo(stored)
                .isPositive();
    }

    @Test
    void the_requests_counted_against_the_budget_are_the_clients_own_retries_included() {
        sandbox.fault("HTTP_500", 3, 0);

        ReportImporter.RunResult batch = importer.runBatch();

        assertThat(batch.failures())
                .as("the first day failed after three attempts")
                .isEqualTo(1);
        assertThat(batch.requests()).isEqualTo(20);
        assertThat(batch.daysStored()).isEqualTo(17);
        assertThat(jdbc.queryForObject("SELECT requests FROM metrics_pacing", Integer.class))
                .isEqualTo(accounting.requestsInLastHour(AppleProtocol.REPORTER))
                .isEqualTo(20);
    }

    @Test
    void once_nothing_is_due_a_batch_does_not_read_the_accounts_days_again_until_they_are_due() {
        // Forty days make the point as a year would, and a year twice costs half a minute on PostgreSQL.
        ReportImporter recent = MetricsFixture.salesImporter(context, 40);
        MetricsFixture.importUntilIdle(recent);
        recent.runBatch();
        Instant due = jdbc.queryForObject(
                        "SELECT next_due_at FROM metrics_report_due WHERE account_id = ? AND report = 'SALES'",
                        OffsetDateTime.class,
                        pixelForge)
                .toInstant();
        assertThat(due)
                .isAfter(clock.instant())
                .isBeforeOrEqualTo(today().plusDays(1).atStartOfDay(PACIFIC).toInstant());

        // A batch that read the account's days would find them gone and ask Apple for the year again.
        jdbc.update("DELETE FROM metrics_day_import WHERE account_id = ?", pixelForge);
        assertThat(recent.runBatch().requests()).isZero();

        clock.advance(Duration.between(clock.instant(), due).plusSeconds(1));
        assertThat(MetricsFixture.importUntilIdle(recent)).isEqualTo(40);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(PACIFIC));
    }

    private boolean isPublished(LocalDate day) {
        return !ZonedDateTime.now(clock.withZone(PACIFIC))
                .isBefore(day.plusDays(1).atTime(5, 0).atZone(PACIFIC));
    }

    private int rowsOn(LocalDate day) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM metrics_daily WHERE account_id = ? AND report_date = ?",
                Integer.class,
                pixelForge,
                day);
    }
}
