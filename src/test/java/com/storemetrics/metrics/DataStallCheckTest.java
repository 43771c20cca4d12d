package com.storemetrics.metrics;

import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.TestMailbox;
import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.notices.MailDelivery;
import com.storemetrics.notices.Mails;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Data stalled" e-mails: the importer reads Pixel Forge's Sales reports from the sandbox over real
 * HTTP, then the sandbox fails every request (500s; elsewhere garbage, which the client does not
 * retry on the spot, so the tests stay quick); once the threshold has passed (the test clock, which
 * the sandbox follows too), the stall check writes one notice per customer with the account Approved,
 * once per stalled episode, delivered over real SMTP.
 */
class DataStallCheckTest extends SpringTest {

    static final StallProperties DEFAULTS =
            new StallProperties(Duration.ofHours(48), Duration.ofHours(24), Duration.ofMinutes(15));

    @RegisterExtension
    static GreenMailExtension mailbox = TestMailbox.extension();

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    DataStallCheck check;

    @Autowired
    MailDelivery delivery;

    @LocalServerPort
    int port;

    SandboxControl sandbox;
    ReportImporter importer;
    long pixelForge;

    @BeforeEach
    void aliceAndBobHavePixelForgeApprovedAndItsLastTenDaysImported() {
        sandbox = new SandboxControl(port);
        MetricsFixture.serviceUserJoins(sandbox, PIXEL_FORGE);
        pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
        MetricsFixture.approved(jdbc, "bob", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
        MetricsProperties tenDays = new MetricsProperties(
                Duration.ofSeconds(3),
                20,
                false,
                3600,
                0.5,
                10,
                7,
                Duration.ofHours(20),
                Duration.ofMinutes(30),
                Duration.ofMinutes(1),
                Duration.ofHours(6));
        importer = MetricsFixture.newImporter(context, tenDays, SalesDays.NAME);
        MetricsFixture.importUntilIdle(importer);
    }

    @Test
    void reports_stop_and_after_the_threshold_each_sharing_customer_gets_one_email_and_no_reminder() throws Exception {
        LocalDate newest = newestDay();
        assertThat(check.check()).as("data flows").isZero();

        sandbox.fault("HTTP_500", null, null);
        clock.advance(Duration.ofHours(2));
        importer.runBatch();
        assertThat(check.check())
                .as("failing for two hours, no day missing for long")
                .isZero();

        clock.advance(Duration.ofDays(3));
        importer.runBatch();
        assertThat(check.check()).isEqualTo(2);
        assertThat(check.check()).as("the same stall is told once").isZero();
        clock.advance(Duration.ofDays(2));
        importer.runBatch();
        assertThat(check.check()).as("no reminder while it lasts").isZero();

        clock.advance(Duration.ofSeconds(61));
        assertThat(delivery.deliverDue().sent()).isEqualTo(2);
        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(Arrays.stream(received).map(mail -> Mails.to(mail).get(0)).sorted())
                .containsExactly("alice@pixelforge.example", "bob@pixelforge.example");
        for (MimeMessage mail : received) {
            assertThat(mail.getSubject()).isEqualTo("Data stalled: no new store data for Pixel Forge Studio");
            String plain = Mails.plain(mail);
            assertThat(plain)
                    .contains("No new daily sales report of Pixel Forge Studio has arrived")
                    .contains("the newest report day we have is "
                            + DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US)
                                    .format(newest))
                    .contains("integration@storemetrics.example is still a member with the Sales role")
                    .contains("Open Store Metrics: http://localhost:8080/my-account/store-metrics")
                    .contains("k=data_stalled")
                    .doesNotContain(
                            context.getEnvironment().getRequiredProperty("storemetrics.apple.service-access-token"))
                    .doesNotContain(SandboxControl.ALICE_TOKEN);
            assertThat(mail.getHeader("List-Unsubscribe", ",")).contains("k=data_stalled");
        }
        assertThat(jdbc.queryForMap(
                        "SELECT stall_notified_for, stall_notified_at FROM metrics_account_import WHERE account_id = ?",
                        pixelForge))
                .containsEntry("STALL_NOTIFIED_FOR", "after:" + newest);
    }

    @Test
    void data_that_flows_again_ends_the_stall_and_a_later_stall_is_a_new_one() {
        LocalDate stalled = newestDay();
        sandbox.fault("GARBAGE", null, null);
        clock.advance(Duration.ofDays(4));
        importer.runBatch();
        assertThat(check.check()).isEqualTo(2);

        sandbox.clearFaults();
        // Past the failed days' back-off (at most 6 hours): the importer asks again and Apple answers.
        clock.advance(Duration.ofHours(7));
        MetricsFixture.importUntilIdle(importer);
        LocalDate resumed = newestDay();
        assertThat(resumed).isAfter(stalled);
        assertThat(check.check()).as("data flows again: nothing to say").isZero();
        assertThat(jdbc.queryForList("SELECT state FROM notice_outbox", String.class))
                .as("the first stall's e-mails, not sent yet, are withdrawn: its cause is gone")
                .containsExactly("WITHDRAWN", "WITHDRAWN");

        sandbox.fault("GARBAGE", null, null);
        clock.advance(Duration.ofDays(4));
        importer.runBatch();
        assertThat(check.check()).as("a new stall, a new notice").isEqualTo(2);

        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT occurrence FROM notice_outbox WHERE kind = 'DATA_STALLED' ORDER BY occurrence",
                        String.class))
                .hasSize(2)
                .endsWith("after:" + resumed);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_outbox", Integer.class))
                .isEqualTo(4);
        clock.advance(Duration.ofSeconds(61));
        assertThat(delivery.deliverDue().sent())
                .as("the new stall's, not the withdrawn ones")
                .isEqualTo(2);
        assertThat(mailbox.getReceivedMessages()).hasSize(2);
    }

    @Test
    void a_day_of_failures_without_a_single_success_is_a_stall_before_two_days_have_passed() {
        sandbox.fault("GARBAGE", null, null);
        clock.advance(Duration.ofHours(23));
        importer.runBatch();
        assertThat(check.check()).isZero();

        clock.advance(Duration.ofHours(2));
        importer.runBatch();

        assertThat(check.check()).isEqualTo(2);
    }

    @Test
    void a_customer_who_switched_the_kind_off_gets_nothing_and_the_other_still_does() {
        jdbc.update("INSERT INTO notice_opt_out (user_id, kind, since) SELECT id, 'DATA_STALLED', CURRENT_TIMESTAMP"
                + " FROM app_user WHERE username = 'bob'");
        sandbox.fault("GARBAGE", null, null);
        clock.advance(Duration.ofDays(4));
        importer.runBatch();

        assertThat(check.check()).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "SELECT u.username FROM notice_outbox o JOIN app_user u ON u.id = o.user_id", String.class))
                .containsExactly("alice");
    }

    @Test
    void the_thresholds_count_from_apples_usual_publication_and_from_the_last_success() {
        LocalDate newest = LocalDate.of(2026, 12, 1);
        // Dec 2's report is usually out on Dec 3 at 5 am Pacific; stalled 48 hours after that.
        Instant expected = LocalDate.of(2026, 12, 3)
                .atTime(5, 0)
                .atZone(AppleFacts.REPORT_ZONE)
                .toInstant();
        DataStallCheck.AccountState flowing = state(newest, null, null, 0);
        assertThat(DataStallCheck.isStalled(
                        flowing, expected.plus(Duration.ofHours(48)).minusSeconds(1), DEFAULTS))
                .isFalse();
        assertThat(DataStallCheck.isStalled(flowing, expected.plus(Duration.ofHours(48)), DEFAULTS))
                .isTrue();

        Instant success = expected.minus(Duration.ofHours(30));
        assertThat(DataStallCheck.isStalled(
                        state(newest, success, success.plus(Duration.ofHours(23)), 9), expected, DEFAULTS))
                .isFalse();
        assertThat(DataStallCheck.isStalled(
                        state(newest, success, success.plus(Duration.ofHours(24)), 9), expected, DEFAULTS))
                .isTrue();
        assertThat(DataStallCheck.isStalled(
                        state(newest, success.plus(Duration.ofHours(25)), success.plus(Duration.ofHours(24)), 0),
                        expected,
                        DEFAULTS))
                .as("a success since: the failures are over")
                .isFalse();
        assertThat(DataStallCheck.isStalled(state(null, null, null, 0), expected.plus(Duration.ofDays(30)), DEFAULTS))
                .as("no day yet and nothing failing: a new import, not a stall")
                .isFalse();
    }

    private static DataStallCheck.AccountState state(
            LocalDate newest, Instant lastSuccess, Instant lastFailure, int failures) {
        return new DataStallCheck.AccountState(
                1,
                "Pixel Forge Studio",
                newest,
                Instant.parse("2026-11-01T00:00:00Z"),
                lastSuccess,
                lastFailure,
                failures,
                null,
                null);
    }

    private LocalDate newestDay() {
        return jdbc.queryForObject(
                "SELECT MAX(report_date) FROM metrics_day_import WHERE account_id = ? AND status IN ('DATA', 'NO_SALES')",
                LocalDate.class,
                pixelForge);
    }
}
