package com.storemetrics.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.storemetrics.DemoAccounts;
import com.storemetrics.SignIn;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.TestMailbox;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.verification.VerifierSees;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several changes for one customer within the grouping window (a minute) go out as one e-mail over
 * real SMTP; the group is claimed, retried and finished whole, and a single message stays as it was.
 */
class NoticeGroupingTest extends SpringTest {

    static final Duration WINDOW = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ConnectionService connections;

    @Autowired
    MailDelivery delivery;

    @Autowired
    NoticeOutbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    /** Started per test; a test that needs SMTP to refuse stops it first. */
    GreenMail smtp = TestMailbox.server();

    @BeforeEach
    void startSmtp() {
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void two_approvals_within_a_minute_go_out_as_one_email_naming_both() throws Exception {
        SignIn.as(
                context,
                "alice",
                () -> connections.finish(
                        List.of(DemoAccounts.PIXEL_FORGE, DemoAccounts.ALICE_MARTIN), CredentialKind.ACCESS_TOKEN));
        VerifierSees.memberships(
                context, clock.instant(), Map.of("100001", "Pixel Forge Studio", "100002", "Alice Martin"));

        assertThat(delivery.deliverDue().sent())
                .as("within the window of the oldest: it waits for more")
                .isZero();
        clock.advance(WINDOW.minusSeconds(5));
        assertThat(delivery.deliverDue().sent()).isZero();
        clock.advance(Duration.ofSeconds(6));
        assertThat(delivery.deliverDue().sent()).isEqualTo(1);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(Mails.to(mail)).containsExactly("alice@pixelforge.example");
        assertThat(Mails.subject(mail)).isEqualTo("2 updates from Storemetrics: Integration approved");
        assertThat(Mails.plain(mail))
                .contains("2 things happened to your integrations at about the same time")
                .contains("Approved: Pixel Forge Studio is connected to Storemetrics")
                .contains("Approved: Alice Martin is connected to Storemetrics")
                .contains("Open Store Metrics: http://localhost:8080/my-account/store-metrics")
                .contains("Stop \"Integration approved\" e-mails: http://localhost:8080/mail/unsubscribe?u=")
                .contains("All notification settings: http://localhost:8080/my-account/notifications");
        assertThat(Mails.html(mail))
                .contains(
                        "<h2 style=\"font-size:1.1em\">Approved: Pixel Forge Studio is connected to Storemetrics</h2>")
                .contains("<h2 style=\"font-size:1.1em\">Approved: Alice Martin is connected to Storemetrics</h2>");
        assertThat(Mails.header(mail, "List-Unsubscribe")).contains("&k=approved&s=");
        long lead = jdbc.queryForObject("SELECT MIN(id) FROM notice_outbox", Long.class);
        assertThat(Mails.header(mail, "Message-ID")).isEqualTo("<notice-" + lead + "@storemetrics>");
        assertThat(jdbc.queryForList("SELECT state, attempts, group_lead FROM notice_outbox"))
                .hasSize(2)
                .allSatisfy(row -> {
                    assertThat(row.get("STATE")).isEqualTo("SENT");
                    assertThat(row.get("ATTEMPTS")).isEqualTo(1);
                    assertThat(((Number) row.get("GROUP_LEAD")).longValue()).isEqualTo(lead);
                });
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT finished_at) FROM notice_outbox", Integer.class))
                .as("finished together")
                .isEqualTo(1);

        clock.advance(Duration.ofHours(1));
        assertThat(delivery.deliverDue().sent()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void two_changes_further_apart_than_the_window_go_out_as_two_emails_in_order() {
        write(NoticeKind.APPROVED, 1, "First Account");
        clock.advance(WINDOW.plusSeconds(1));
        write(NoticeKind.EXPIRED, 2, "Second Account");
        clock.advance(WINDOW.plusSeconds(1));

        assertThat(delivery.deliverDue().sent()).isEqualTo(2);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received)
                .extracting(Mails::subject)
                .containsExactly(
                        "Approved: First Account is connected to Storemetrics",
                        "Expired: the invitation for Second Account lapsed");
        assertThat(Mails.header(received[1], "List-Unsubscribe")).contains("&k=expired&s=");
    }

    @Test
    void a_group_refused_for_now_is_retried_whole_and_delivered_once() throws Exception {
        write(NoticeKind.APPROVED, 1, "First Account");
        write(NoticeKind.REMOVED, 2, "Second Account");
        clock.advance(WINDOW.plusSeconds(1));
        smtp.stop();

        try (ScriptedSmtpServer busy =
                new ScriptedSmtpServer(ScriptedSmtpServer.Script.refusingRecipient("451 4.3.0 Try again later"))) {
            assertThat(delivery.deliverDue().retrying()).isEqualTo(1);
        }
        assertThat(jdbc.queryForList("SELECT state, attempts, outcome FROM notice_outbox"))
                .hasSize(2)
                .allSatisfy(row -> {
                    assertThat(row.get("STATE")).isEqualTo("PENDING");
                    assertThat(row.get("ATTEMPTS")).isEqualTo(1);
                    assertThat((String) row.get("OUTCOME")).contains("451 4.3.0 Try again later");
                });
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT next_attempt_at) FROM notice_outbox", Integer.class))
                .as("one back-off for the group")
                .isEqualTo(1);

        smtp = TestMailbox.server();
        smtp.start();
        assertThat(delivery.deliverDue().sent()).as("waits its back-off").isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(delivery.deliverDue().sent()).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        assertThat(delivery.deliverDue().sent()).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(Mails.subject(received[0]))
                .isEqualTo("2 updates from Storemetrics: Integration approved, Access removed");
        assertThat(Mails.plain(received[0])).contains("First Account").contains("Second Account");
        assertThat(jdbc.queryForList("SELECT state, attempts FROM notice_outbox"))
                .allSatisfy(row -> {
                    assertThat(row.get("STATE")).isEqualTo("SENT");
                    assertThat(row.get("ATTEMPTS")).isEqualTo(2);
                });
    }

    @Test
    void a_switched_off_kind_leaves_only_its_part_out() {
        jdbc.update(
                "INSERT INTO notice_opt_out (user_id, kind, since) VALUES (?, 'REMOVED', CURRENT_TIMESTAMP)", alice());
        write(NoticeKind.APPROVED, 1, "First Account");
        write(NoticeKind.REMOVED, 2, "Second Account");
        write(NoticeKind.EXPIRED, 3, "Third Account");
        clock.advance(WINDOW.plusSeconds(1));

        assertThat(delivery.deliverDue().sent()).isEqualTo(1);

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(Mails.subject(mail))
                .isEqualTo("2 updates from Storemetrics: Integration approved, Invitation expired");
        assertThat(Mails.plain(mail))
                .contains("First Account")
                .contains("Third Account")
                .doesNotContain("Second Account")
                .doesNotContain("Access removed");
        assertThat(Mails.header(mail, "List-Unsubscribe")).contains("&k=approved,expired&s=");
    }

    @Test
    void a_single_message_of_a_kind_switched_off_in_a_group_leaves_a_plain_single_email() {
        jdbc.update(
                "INSERT INTO notice_opt_out (user_id, kind, since) VALUES (?, 'APPROVED', CURRENT_TIMESTAMP)", alice());
        write(NoticeKind.APPROVED, 1, "First Account");
        write(NoticeKind.EXPIRED, 2, "Second Account");
        clock.advance(WINDOW.plusSeconds(1));

        delivery.deliverDue();

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(Mails.subject(mail)).isEqualTo("Expired: the invitation for Second Account lapsed");
        assertThat(Mails.plain(mail).replace("\r\n", "\n"))
                .startsWith("Hello,\n\nOur service user")
                .doesNotContain("things happened");
    }

    @Test
    void a_grouped_emails_one_click_unsubscribe_switches_off_the_kinds_it_holds_and_no_other() throws Exception {
        write(NoticeKind.APPROVED, 1, "First Account");
        write(NoticeKind.EXPIRED, 2, "Second Account");
        clock.advance(WINDOW.plusSeconds(1));
        delivery.deliverDue();
        String header = Mails.header(smtp.getReceivedMessages()[0], "List-Unsubscribe");
        String link =
                header.substring(1, header.length() - 1).replace("http://localhost:8080", "http://localhost:" + port);

        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Stop &quot;Integration approved&quot; and &quot;Invitation expired&quot;");
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(link))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForList("SELECT kind FROM notice_opt_out WHERE user_id = ?", String.class, alice()))
                .containsExactlyInAnyOrder("APPROVED", "EXPIRED");
        HttpResponse<String> altered = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(link.replace("k=approved,expired", "k=approved,removed")))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(altered.statusCode()).isEqualTo(400);
    }

    @Test
    void a_message_written_after_the_address_changed_goes_to_the_new_address_on_its_own() {
        write(NoticeKind.APPROVED, 1, "First Account");
        jdbc.update("UPDATE app_user SET email = 'alice@new.example' WHERE id = ?", alice());
        write(NoticeKind.EXPIRED, 2, "Second Account");
        clock.advance(WINDOW.plusSeconds(1));

        assertThat(delivery.deliverDue().sent()).isEqualTo(2);

        assertThat(smtp.getReceivedMessages())
                .extracting(mail -> Mails.to(mail).get(0) + " " + Mails.subject(mail))
                .containsExactly(
                        "alice@pixelforge.example Approved: First Account is connected to Storemetrics",
                        "alice@new.example Expired: the invitation for Second Account lapsed");
    }

    private void write(NoticeKind kind, long integration, String account) {
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> outbox.add(OutgoingNotice.aboutIntegration(
                        alice(), kind, 30_000 + integration, account, clock.instant())));
    }

    private long alice() {
        return jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'alice'", Long.class);
    }
}
