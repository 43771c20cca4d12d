package com.storemetrics.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.TestMailbox;
import com.storemetrics.appstore.FinanceAccess;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.notices.MailDelivery;
import com.storemetrics.notices.Mails;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Role missing" e-mails: the payments importer asks the sandbox over real HTTP with our service
 * Apple ID's token; when Apple refuses the Financial reports for lack of the Finance role, every
 * customer with the account Approved gets one e-mail over real SMTP (after the grouping window),
 * once per loss of the role: nothing more while it lasts, a new one after the role was given and
 * taken again.
 */
class RoleMissingMailTest extends SpringTest {

    private static final String PIXEL_FORGE = SandboxControl.PIXEL_FORGE;
    private static final String VENDOR = "85000001";
    private static final Duration DAILY_CHECK = Duration.ofHours(24).plusMinutes(1);

    @RegisterExtension
    static GreenMailExtension mailbox = TestMailbox.extension();

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    MailDelivery delivery;

    @LocalServerPort
    int port;

    SandboxControl sandbox;
    long pixelForge;

    @BeforeEach
    void aliceAndBobHavePixelForgeApprovedWithOurUserAsASalesMember() {
        sandbox = new SandboxControl(port);
        MetricsFixture.serviceUserJoins(sandbox, PIXEL_FORGE);
        pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", VENDOR);
        MetricsFixture.approved(jdbc, "bob", PIXEL_FORGE, "Pixel Forge Studio", VENDOR);
    }

    @Test
    void a_refused_role_sends_one_email_to_each_sharing_customer_and_nothing_more_while_it_lasts() throws Exception {
        PaymentsImporter.RunResult run = newImporter().runBatch();
        assertThat(run.failures()).as("a refusal is an answer").isZero();
        assertThat(delivery.deliverDue().sent())
                .as("not before the grouping window")
                .isZero();

        clock.advance(Duration.ofSeconds(61));
        assertThat(delivery.deliverDue().sent()).isEqualTo(2);
        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(Arrays.stream(received).map(mail -> Mails.to(mail).get(0)).sorted())
                .containsExactly("alice@pixelforge.example", "bob@pixelforge.example");
        String serviceToken = context.getEnvironment().getRequiredProperty("storemetrics.apple.service-access-token");
        for (MimeMessage mail : received) {
            assertThat(mail.getSubject())
                    .isEqualTo("Action needed: Payments of Pixel Forge Studio need the Finance role");
            assertThat(Mails.plain(mail))
                    .contains("Apple refused our service user integration@storemetrics.example the Financial reports"
                            + " of Pixel Forge Studio")
                    .contains("Account Holder, Admin or Finance role")
                    .contains("the Account Holder or an Admin of Pixel Forge Studio gives"
                            + " integration@storemetrics.example the Finance role in App Store Connect > Users and"
                            + " Access")
                    .contains("Open Data Integration: http://localhost:8080/my-account/data-integration")
                    .contains("k=role_missing")
                    .doesNotContain(serviceToken)
                    .doesNotContain(SandboxControl.ALICE_TOKEN);
            assertThat(Mails.html(mail))
                    .contains("href=\"http://localhost:8080/my-account/data-integration\"")
                    .contains("App Store Connect &gt; Users and Access")
                    .doesNotContain(serviceToken);
            assertThat(mail.getHeader("List-Unsubscribe", ",")).contains("k=role_missing");
        }

        // The same refusal, seen again at the next daily checks: nothing more.
        for (int day = 0; day < 3; day++) {
            clock.advance(DAILY_CHECK);
            assertThat(newImporter().runBatch().requests()).isEqualTo(1);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(delivery.deliverDue().sent()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_outbox WHERE kind = 'ROLE_MISSING'", Integer.class))
                .isEqualTo(2);
    }

    @Test
    void a_customer_who_chose_the_sales_reports_only_is_not_told_while_a_colleague_who_wanted_payments_is()
            throws Exception {
        jdbc.update(
                "UPDATE integration SET data_wanted = 'SALES' WHERE account_id = ? AND customer_id ="
                        + " (SELECT id FROM app_user WHERE username = 'bob')",
                pixelForge);

        assertThat(newImporter().runBatch().failures()).isZero();
        clock.advance(Duration.ofSeconds(61));

        assertThat(delivery.deliverDue().sent()).isOne();
        assertThat(Arrays.stream(mailbox.getReceivedMessages())
                        .map(mail -> Mails.to(mail).get(0)))
                .containsExactly("alice@pixelforge.example");
    }

    @Test
    void a_role_given_back_before_the_email_went_out_withdraws_it() {
        newImporter().runBatch();
        assertThat(jdbc.queryForList("SELECT state FROM notice_outbox", String.class))
                .containsExactly("PENDING", "PENDING");

        // The mail server was down meanwhile; by the next daily check the Finance role is back.
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
        clock.advance(DAILY_CHECK);
        newImporter().runBatch();

        assertThat(jdbc.queryForList("SELECT state, outcome FROM notice_outbox"))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row)
                        .containsEntry("STATE", "WITHDRAWN")
                        .containsEntry(
                                "OUTCOME",
                                "Withdrawn before sending: our Apple ID may read the Financial reports again"));
        assertThat(delivery.deliverDue().sent()).isZero();
        assertThat(mailbox.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_role_given_then_taken_again_is_a_new_occurrence_and_a_new_email() {
        newImporter().runBatch();
        clock.advance(Duration.ofSeconds(61));
        assertThat(delivery.deliverDue().sent()).isEqualTo(2);
        String first = occurrence();

        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
        clock.advance(DAILY_CHECK);
        newImporter().runBatch();
        assertThat(jdbc.queryForObject(
                        "SELECT refused_since FROM payments_account WHERE account_id = ?", Object.class, pixelForge))
                .as("the refusal is over")
                .isNull();

        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES");
        clock.advance(DAILY_CHECK);
        newImporter().runBatch();
        clock.advance(Duration.ofSeconds(61));

        assertThat(delivery.deliverDue().sent()).isEqualTo(2);
        assertThat(mailbox.getReceivedMessages()).hasSize(4);
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT occurrence FROM notice_outbox WHERE kind = 'ROLE_MISSING'", String.class))
                .hasSize(2)
                .contains(first);
    }

    @Test
    void a_role_taken_away_during_the_import_is_told_from_the_report_apple_refuses() {
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
        PaymentsImporter.RunResult first = newImporter().runBatch();
        assertThat(first.idle()).as("the first batch leaves months to read").isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_outbox", Integer.class))
                .isZero();

        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES");
        PaymentsImporter.RunResult next = newImporter().runBatch();

        assertThat(next.requests())
                .as("the first report refused, the account skipped")
                .isEqualTo(1);
        assertThat(next.failures()).isZero();
        assertThat(jdbc.queryForList(
                        "SELECT u.username FROM notice_outbox o JOIN app_user u ON u.id = o.user_id"
                                + " WHERE o.kind = 'ROLE_MISSING' ORDER BY u.username",
                        String.class))
                .containsExactly("alice", "bob");
        assertThat(newImporter().runBatch().requests())
                .as("asked again at the daily check")
                .isZero();
    }

    @Test
    void a_customer_who_switched_the_kind_off_gets_nothing_and_the_other_still_does() throws Exception {
        jdbc.update("INSERT INTO notice_opt_out (user_id, kind, since) SELECT id, 'ROLE_MISSING', CURRENT_TIMESTAMP"
                + " FROM app_user WHERE username = 'bob'");

        newImporter().runBatch();
        clock.advance(Duration.ofSeconds(61));

        assertThat(delivery.deliverDue().sent()).isEqualTo(1);
        assertThat(Arrays.stream(mailbox.getReceivedMessages())
                        .map(mail -> Mails.to(mail).get(0)))
                .containsExactly("alice@pixelforge.example");
    }

    @Test
    void the_emails_one_click_unsubscribe_switches_off_role_missing_alone() throws Exception {
        newImporter().runBatch();
        clock.advance(Duration.ofSeconds(61));
        delivery.deliverDue();
        MimeMessage alices = Arrays.stream(mailbox.getReceivedMessages())
                .filter(mail -> Mails.to(mail).contains("alice@pixelforge.example"))
                .findFirst()
                .orElseThrow();
        String header = alices.getHeader("List-Unsubscribe", ",");
        String link =
                header.substring(1, header.length() - 1).replace("http://localhost:8080", "http://localhost:" + port);

        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(link))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForList(
                        "SELECT o.kind FROM notice_opt_out o JOIN app_user u ON u.id = o.user_id"
                                + " WHERE u.username = 'alice'",
                        String.class))
                .containsExactly("ROLE_MISSING");
    }

    @Test
    void a_refusal_that_rolls_back_writes_no_email_and_is_recorded_again_next_time() {
        FinanceAccessLedger ledger = context.getBean(FinanceAccessLedger.class);
        FinanceAccess refused = new FinanceAccess(false, List.of(), "no role");
        try {
            ledger.recordAccess(pixelForge, refused, clock.instant(), clock.instant(), since -> {
                throw new IllegalStateException("the notices could not be written");
            });
        } catch (IllegalStateException expected) {
            // The refusal and its notices roll back together.
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payments_account WHERE account_id = ?", Integer.class, pixelForge))
                .isZero();

        newImporter().runBatch();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_outbox WHERE kind = 'ROLE_MISSING'", Integer.class))
                .isEqualTo(2);
    }

    private String occurrence() {
        return jdbc.queryForObject(
                "SELECT DISTINCT occurrence FROM notice_outbox WHERE kind = 'ROLE_MISSING'", String.class);
    }

    private PaymentsImporter newImporter() {
        return PaymentsFixture.newImporter(context);
    }
}
