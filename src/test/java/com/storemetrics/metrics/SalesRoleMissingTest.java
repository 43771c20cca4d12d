package com.storemetrics.metrics;

import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.TestMailbox;
import com.storemetrics.integration.StoreDataLines;
import com.storemetrics.notices.MailDelivery;
import com.storemetrics.notices.Mails;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Sales reports: needs the Sales role": the importer reads Pixel Forge's Sales reports from the
 * sandbox over real HTTP, then an Admin takes our service user's Sales role (it stays a member, as
 * Marketing). Apple's 403 for lack of a role is recorded, not counted as a failure, asked again a day
 * later, and told once per loss of the role by a {@code ROLE_MISSING} e-mail naming the Sales role
 * (over real SMTP), never also as "data stalled". The agreements 403, and the 403 of an account our
 * user left, still count as failures.
 */
class SalesRoleMissingTest extends SpringTest {

    static final String SALES_LINE = "Sales reports: needs the Sales role. The Account Holder or an Admin gives"
            + " integration@storemetrics.example the Sales role in App Store Connect > Users and Access; we see it"
            + " at the next daily check.";
    private static final Duration NEXT_CHECK = Duration.ofHours(24).plusMinutes(1);

    @RegisterExtension
    static GreenMailExtension mailbox = TestMailbox.extension();

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    DataStallCheck stallCheck;

    @Autowired
    MailDelivery delivery;

    @Autowired
    StoreDataLines lines;

    @LocalServerPort
    int port;

    SandboxControl sandbox;
    ReportImporter importer;
    long pixelForge;

    @BeforeEach
    void aliceAndBobHavePixelForgeApprovedAndItsLastThreeDaysImported() {
        sandbox = new SandboxControl(port);
        MetricsFixture.serviceUserJoins(sandbox, PIXEL_FORGE);
        pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
        MetricsFixture.approved(jdbc, "bob", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
        importer = MetricsFixture.salesImporter(context, 3);
        MetricsFixture.importUntilIdle(importer);
    }

    @Test
    void the_role_taken_sends_one_email_per_sharing_customer_naming_the_sales_role_and_nothing_more_while_it_lasts()
            throws Exception {
        takeTheSalesRole();
        clock.advance(Duration.ofDays(1));

        ReportImporter.RunResult refused = importer.runBatch();

        assertThat(refused.failures())
                .as("a refusal for lack of a role is an answer")
                .isZero();
        assertThat(refused.requests())
                .as("the refused report, and Sales.getAccounts saying our user is still a member")
                .isEqualTo(2);
        Map<String, Object> state = jdbc.queryForMap(
                "SELECT consecutive_failures, last_failure_at, sales_refused_since, paused_until"
                        + " FROM metrics_account_import WHERE account_id = ?",
                pixelForge);
        assertThat(state.get("CONSECUTIVE_FAILURES")).isEqualTo(0);
        assertThat(state.get("LAST_FAILURE_AT")).isNull();
        assertThat(state.get("SALES_REFUSED_SINCE")).isNotNull();
        assertThat(state.get("PAUSED_UNTIL"))
                .as("asked again at the next daily check")
                .isNotNull();
        assertThat(importer.runBatch().requests())
                .as("not before the next check")
                .isZero();
        assertThat(lines.roleLines(List.of(pixelForge))).containsEntry(pixelForge, SALES_LINE);
        assertThat(lines.importState(pixelForge))
                .as("support's details")
                .contains(SALES_LINE + " Apple refuses our Sales reports since ");

        // Three daily checks later: still refused, asked once a day, nothing more told, no stall either.
        for (int day = 0; day < 3; day++) {
            clock.advance(NEXT_CHECK);
            ReportImporter.RunResult again = importer.runBatch();
            assertThat(again.requests()).isEqualTo(2);
            assertThat(again.failures()).isZero();
            assertThat(stallCheck.check())
                    .as("no new day for days, but the role e-mail said why")
                    .isZero();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT consecutive_failures FROM metrics_account_import WHERE account_id = ?",
                        Integer.class,
                        pixelForge))
                .isZero();

        clock.advance(Duration.ofSeconds(61));
        assertThat(delivery.deliverDue().sent()).isEqualTo(2);
        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(Arrays.stream(received).map(mail -> Mails.to(mail).get(0)).sorted())
                .containsExactly("alice@pixelforge.example", "bob@pixelforge.example");
        String serviceToken = context.getEnvironment().getRequiredProperty("storemetrics.apple.service-access-token");
        for (MimeMessage mail : received) {
            assertThat(mail.getSubject())
                    .isEqualTo("Action needed: Sales reports of Pixel Forge Studio need the Sales role");
            assertThat(Mails.plain(mail))
                    .contains("Apple refused our service user integration@storemetrics.example the Sales reports"
                            + " of Pixel Forge Studio")
                    .contains("Sales and Trends reports need the Account Holder, Admin, Finance or Sales role")
                    .contains("Store Metrics and Subscriptions of Pixel Forge Studio get no new days")
                    .contains("the Account Holder or an Admin of Pixel Forge Studio gives"
                            + " integration@storemetrics.example the Sales role in App Store Connect > Users and"
                            + " Access")
                    .contains("Open Data Integration: http://localhost:8080/my-account/data-integration")
                    .contains("k=role_missing")
                    .doesNotContain("Finance role in App Store Connect")
                    .doesNotContain(serviceToken);
        }
        assertThat(jdbc.queryForList("SELECT kind FROM notice_outbox", String.class))
                .containsExactly("ROLE_MISSING", "ROLE_MISSING");
    }

    @Test
    void the_role_given_back_ends_the_line_and_the_import_resumes_and_taken_again_is_a_new_email() {
        LocalDate newestBefore = newestDay();
        takeTheSalesRole();
        clock.advance(Duration.ofDays(1));
        importer.runBatch();
        String first = jdbc.queryForObject("SELECT DISTINCT occurrence FROM notice_outbox", String.class);
        assertThat(first).startsWith("sales-refused:");

        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES");
        clock.advance(Duration.ofHours(23));
        assertThat(importer.runBatch().requests())
                .as("the day's wait is not over yet")
                .isZero();
        clock.advance(Duration.ofHours(2));
        MetricsFixture.importUntilIdle(importer);

        assertThat(jdbc.queryForObject(
                        "SELECT sales_refused_since FROM metrics_account_import WHERE account_id = ?",
                        Object.class,
                        pixelForge))
                .as("Apple answers again")
                .isNull();
        assertThat(lines.roleLines(List.of(pixelForge))).isEmpty();
        assertThat(lines.importState(pixelForge)).doesNotContain("needs the Sales role");
        assertThat(jdbc.queryForList("SELECT state, outcome FROM notice_outbox"))
                .as("the e-mails not sent yet are withdrawn: the role is back")
                .hasSize(2)
                .allSatisfy(row -> assertThat(row)
                        .containsEntry("STATE", "WITHDRAWN")
                        .containsEntry(
                                "OUTCOME",
                                "Withdrawn before sending: Apple answers the account's Sales reports again"));
        assertThat(newestDay()).as("the missed days are imported").isAfterOrEqualTo(newestBefore.plusDays(2));

        takeTheSalesRole();
        clock.advance(Duration.ofDays(1));
        importer.runBatch();

        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT occurrence FROM notice_outbox WHERE kind = 'ROLE_MISSING'", String.class))
                .hasSize(2)
                .contains(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_outbox", Integer.class))
                .isEqualTo(4);
    }

    @Test
    void a_403_about_the_agreements_still_counts_as_a_failure_and_is_no_missing_role() {
        sandbox.fault("AGREEMENTS", null, null);
        clock.advance(Duration.ofDays(1));

        ReportImporter.RunResult run = importer.runBatch();

        assertThat(run.failures()).isOne();
        assertThat(run.requests())
                .as("no membership question for an agreements 403")
                .isOne();
        Map<String, Object> state = jdbc.queryForMap(
                "SELECT consecutive_failures, last_failure_kind, last_failure_message, sales_refused_since,"
                        + " paused_until FROM metrics_account_import WHERE account_id = ?",
                pixelForge);
        assertThat(state.get("CONSECUTIVE_FAILURES")).isEqualTo(1);
        assertThat(state.get("LAST_FAILURE_KIND")).isEqualTo("FORBIDDEN");
        assertThat((String) state.get("LAST_FAILURE_MESSAGE")).contains("agreements are missing or expired");
        assertThat(state.get("SALES_REFUSED_SINCE")).isNull();
        assertThat(state.get("PAUSED_UNTIL"))
                .as("the account waits its back-off")
                .isNotNull();
        assertThat(lines.roleLines(List.of(pixelForge))).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_outbox", Integer.class))
                .isZero();
    }

    @Test
    void a_403_because_our_user_left_the_account_is_a_failure_for_the_verifier_to_tell_not_a_missing_role() {
        sandbox.removeUser(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        clock.advance(Duration.ofDays(1));

        ReportImporter.RunResult run = importer.runBatch();

        assertThat(run.failures()).isOne();
        assertThat(run.requests())
                .as("the refused report, and Sales.getAccounts no longer listing the account")
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT sales_refused_since FROM metrics_account_import WHERE account_id = ?",
                        Object.class,
                        pixelForge))
                .isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_outbox", Integer.class))
                .isZero();
    }

    /** An Admin leaves our service user in the account as Marketing: a member without a reporting role. */
    private void takeTheSalesRole() {
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "MARKETING");
    }

    private LocalDate newestDay() {
        return jdbc.queryForObject(
                "SELECT MAX(report_date) FROM metrics_day_import WHERE account_id = ? AND status IN ('DATA', 'NO_SALES')",
                LocalDate.class,
                pixelForge);
    }
}
