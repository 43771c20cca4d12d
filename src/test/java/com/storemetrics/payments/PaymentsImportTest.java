package com.storemetrics.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.appstore.FinanceReporterClient;
import com.storemetrics.appstore.FinancialReportAnswer;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.metrics.MetricsFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Financial report import against the embedded sandbox over real HTTP, with our service Apple
 * ID's token: 13 fiscal months of every region stored equal to the sandbox's files to the cent; a
 * refused role recorded as an answer; a restarted importer going on without asking twice.
 */
class PaymentsImportTest extends SpringTest {

    private static final String PIXEL_FORGE = SandboxControl.PIXEL_FORGE;
    private static final String VENDOR = "85000001";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PaymentsLedger ledger;

    @Autowired
    FinanceReporterClient finance;

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    SandboxControl sandbox;
    long pixelForge;

    @BeforeEach
    void approvePixelForge() {
        sandbox = new SandboxControl(port);
        MetricsFixture.serviceUserJoins(sandbox, PIXEL_FORGE);
        pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", VENDOR);
    }

    @Test
    void thirteen_months_of_every_region_are_stored_equal_to_the_sandboxs_files_to_the_cent() {
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");

        int requests = importUntilIdle(newImporter());

        List<PaymentsLedger.Month> stored = ledger.all(pixelForge);
        Set<FiscalMonth> months = new HashSet<>();
        FiscalMonth month = DueMonths.latestPublished(clock.instant());
        for (int i = 0; i < 13; i++, month = month.previous()) {
            months.add(month);
        }
        assertThat(stored).hasSize(13 * 12);
        assertThat(requests)
                .as("one getVendorsAndRegions, one request per region and month")
                .isEqualTo(1 + 13 * 12);
        for (PaymentsLedger.Month row : stored) {
            FiscalMonth of = months.stream()
                    .filter(m -> m.fiscalYear() == row.fiscalYear() && m.period() == row.period())
                    .findFirst()
                    .orElseThrow();
            FinancialReportAnswer file =
                    finance.financialReport(SandboxControl.ALICE_TOKEN, PIXEL_FORGE, VENDOR, row.region(), of);
            if (file.outcome() == FinancialReportAnswer.Outcome.NO_SALES) {
                assertThat(row.status()).isEqualTo(PaymentsLedger.Status.NO_SALES);
                continue;
            }
            assertThat(row.status()).as("%s %s", of.name(), row.region()).isEqualTo(PaymentsLedger.Status.DATA);
            assertThat(row.currency()).isEqualTo(file.report().currency());
            assertThat(row.settledAmount())
                    .as("%s %s", of.name(), row.region())
                    .isEqualByComparingTo(file.report().totalAmount());
            assertThat(row.settledUnits()).isEqualTo(file.report().totalUnits());
            assertThat(row.rows()).isEqualTo(file.report().rows().size());
        }
        assertThat(importUntilIdle(newImporter())).as("nothing is asked twice").isZero();
    }

    @Test
    void without_the_finance_role_the_account_is_recorded_as_not_permitted_and_nothing_fails() {
        PaymentsImporter importer = newImporter();

        PaymentsImporter.RunResult run = importer.runBatch();

        assertThat(run.failures()).isZero();
        assertThat(run.requests()).isEqualTo(1);
        assertThat(context.getBean(FinanceAccessLedger.class).access(pixelForge))
                .hasValueSatisfying(access -> {
                    assertThat(access.permitted()).isFalse();
                    assertThat(access.failures()).isZero();
                    assertThat(access.appleSays()).contains("financial reports");
                });
        assertThat(ledger.all(pixelForge)).isEmpty();
        assertThat(importer.runBatch().requests())
                .as("asked again only after a day")
                .isZero();
    }

    @Test
    void a_restarted_importer_goes_on_where_the_last_one_stopped_without_asking_twice() {
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");

        PaymentsImporter.RunResult first = newImporter().runBatch();
        int rest = importUntilIdle(newImporter());

        assertThat(first.requests()).isPositive().isLessThan(1 + 13 * 12);
        assertThat(first.idle()).isFalse();
        assertThat(first.requests() + rest).isEqualTo(1 + 13 * 12);
        assertThat(ledger.all(pixelForge)).hasSize(13 * 12);
    }

    @Test
    void a_newly_published_month_is_asked_for_by_itself_once_apple_publishes_it() {
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
        importUntilIdle(newImporter());
        FiscalMonth next = DueMonths.latestPublished(clock.instant()).next();
        Instant published = next.expectedPublication()
                .atTime(5, 0)
                .atZone(AppleFacts.REPORT_ZONE)
                .toInstant();

        clock.advance(Duration.between(clock.instant(), published).minusMinutes(1));
        assertThat(importUntilIdle(newImporter()))
                .as("a minute before: nothing new (only the daily check of roles and regions, if due)")
                .isLessThanOrEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        int requests = importUntilIdle(newImporter());

        assertThat(requests).isBetween(12, 13);
        assertThat(ledger.all(pixelForge))
                .filteredOn(month -> month.fiscalYear() == next.fiscalYear() && month.period() == next.period())
                .hasSize(12)
                .allSatisfy(month ->
                        assertThat(month.status()).isIn(PaymentsLedger.Status.DATA, PaymentsLedger.Status.NO_SALES));
    }

    @Test
    void a_finance_role_given_later_is_seen_at_the_next_daily_check() {
        newImporter().runBatch();
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
        assertThat(newImporter().runBatch().requests()).isZero();

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        int requests = importUntilIdle(newImporter());

        assertThat(context.getBean(FinanceAccessLedger.class).access(pixelForge))
                .hasValueSatisfying(access -> assertThat(access.permitted()).isTrue());
        assertThat(requests).isEqualTo(1 + 13 * 12);
    }

    @Test
    void a_failing_check_of_vendors_and_regions_waits_its_back_off_and_then_imports() {
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
        sandbox.fault("GARBAGE", 1, null);

        PaymentsImporter.RunResult failed = newImporter().runBatch();

        assertThat(failed.failures()).isEqualTo(1);
        assertThat(context.getBean(FinanceAccessLedger.class).access(pixelForge))
                .hasValueSatisfying(access -> {
                    assertThat(access.permitted()).isNull();
                    assertThat(access.failures()).isEqualTo(1);
                    assertThat(access.nextCheckAt()).isAfter(clock.instant());
                    assertThat(access.appleSays()).contains("could not read");
                });
        assertThat(newImporter().runBatch().requests())
                .as("not before its back-off")
                .isZero();

        clock.advance(Duration.ofHours(1));
        assertThat(importUntilIdle(newImporter())).isEqualTo(1 + 13 * 12);
        assertThat(context.getBean(FinanceAccessLedger.class).access(pixelForge))
                .hasValueSatisfying(access -> {
                    assertThat(access.isPermitted()).isTrue();
                    assertThat(access.failures()).isZero();
                });
    }

    @Test
    void a_month_apple_answers_with_garbage_fails_alone_and_is_asked_again_after_its_back_off() {
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
        PaymentsImporter importer = newImporter();
        importer.runBatch(); // getVendorsAndRegions and the first months
        sandbox.fault("GARBAGE", 1, null);

        PaymentsImporter.RunResult run = importer.runBatch();

        assertThat(run.failures()).isEqualTo(1);
        assertThat(run.monthsStored())
                .as("the batch went on with the other months")
                .isPositive();
        List<PaymentsLedger.Month> failed = ledger.all(pixelForge).stream()
                .filter(month -> month.status() == PaymentsLedger.Status.FAILED)
                .toList();
        assertThat(failed).singleElement().satisfies(month -> {
            assertThat(month.failures()).isEqualTo(1);
            assertThat(month.note()).contains("could not read");
            assertThat(month.nextAttemptAt()).isAfter(clock.instant());
            assertThat(month.settledAmount()).isNull();
        });
        importUntilIdle(importer);
        assertThat(ledger.all(pixelForge))
                .as("every other month is in; the failed one waits for its back-off")
                .hasSize(13 * 12)
                .filteredOn(month -> month.status() == PaymentsLedger.Status.FAILED)
                .hasSize(1);
    }

    @Test
    void a_file_whose_totals_disagree_is_recorded_as_inconsistent_never_as_data() {
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
        sandbox.fault("INCONSISTENT_TRAILER", 1, null);

        PaymentsImporter.RunResult run = newImporter().runBatch();

        assertThat(run.failures()).isEqualTo(1);
        assertThat(ledger.all(pixelForge))
                .filteredOn(month -> month.status() == PaymentsLedger.Status.FAILED)
                .singleElement()
                .satisfies(month -> {
                    assertThat(month.note()).startsWith("Apple's file is inconsistent");
                    assertThat(month.settledAmount()).isNull();
                    assertThat(month.currency()).isNull();
                });
    }

    @Test
    void apple_answering_429_pauses_the_import_without_storing_a_month() {
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
        sandbox.fault("HTTP_429", null, null);

        PaymentsImporter.RunResult run = newImporter().runBatch();

        assertThat(run.paused()).isTrue();
        assertThat(ledger.all(pixelForge)).isEmpty();
        sandbox.clearFaults();
        assertThat(newImporter().runBatch().requests())
                .as("every importer waits for Apple's Retry-After")
                .isZero();
    }

    private PaymentsImporter newImporter() {
        return PaymentsFixture.newImporter(context);
    }

    private static int importUntilIdle(PaymentsImporter importer) {
        return PaymentsFixture.importUntilIdle(importer);
    }

    /** Our service Apple ID's Reporter token in the sandbox. */
    private static final class SandboxContract {
        static final String SERVICE_TOKEN = "5e7c1ce0-0000-4000-8000-000000000001";
    }
}
