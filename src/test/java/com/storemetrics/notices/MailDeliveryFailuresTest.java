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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SMTP trouble: down, silent, refusing, breaking off mid-message. The change that caused a message
 * never waits for any of it (it only wrote a row); each message ends in a recorded state, never lost
 * and never sent twice.
 */
class MailDeliveryFailuresTest extends SpringTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ConnectionService connections;

    @Autowired
    MailDelivery delivery;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @BeforeEach
    void aliceAndBobAreApprovedWhileNoSmtpServerRuns() {
        SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        SignIn.as(
                context,
                "bob",
                () -> connections.finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        VerifierSees.memberships(context, clock.instant(), Map.of("100001", "Pixel Forge Studio"));
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM integration", String.class))
                .as("the change committed without any SMTP server")
                .containsExactly("APPROVED");
        // Past the grouping window: each customer's one message is due.
        clock.advance(Duration.ofSeconds(61));
    }

    @Test
    void smtp_down_then_up_delivers_each_message_once() {
        MailDelivery.Run down = delivery.deliverDue();

        assertThat(down.retrying()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT state, attempts, outcome FROM notice_outbox"))
                .allSatisfy(row -> {
                    assertThat(row.get("STATE")).isEqualTo("PENDING");
                    assertThat(row.get("ATTEMPTS")).isEqualTo(1);
                    assertThat((String) row.get("OUTCOME")).startsWith("SMTP server not reached");
                });
        assertThat(delivery.deliverDue().retrying()).as("waits its back-off").isZero();

        GreenMail smtp = TestMailbox.server();
        smtp.start();
        try {
            clock.advance(Duration.ofSeconds(31));
            assertThat(delivery.deliverDue().sent()).isEqualTo(2);
            clock.advance(Duration.ofHours(2));
            assertThat(delivery.deliverDue().sent()).isZero();
            assertThat(smtp.getReceivedMessages()).hasSize(2);
            assertThat(jdbc.queryForList("SELECT state FROM notice_outbox", String.class))
                    .containsExactly("SENT", "SENT");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void a_message_that_keeps_failing_is_given_up_after_the_last_attempt_with_the_reason() {
        for (int attempt = 1; attempt <= 8; attempt++) {
            delivery.deliverDue();
            clock.advance(Duration.ofHours(2));
        }

        assertThat(jdbc.queryForList("SELECT state, attempts, outcome FROM notice_outbox"))
                .hasSize(2)
                .allSatisfy(row -> {
                    assertThat(row.get("STATE")).isEqualTo("FAILED");
                    assertThat(row.get("ATTEMPTS")).isEqualTo(8);
                    assertThat((String) row.get("OUTCOME")).startsWith("Gave up after 8 attempts");
                });
        assertThat(delivery.deliverDue()).isEqualTo(new MailDelivery.Run(0, 0, 0, 0, 0));
    }

    @Test
    void a_server_that_never_answers_is_given_up_on_after_the_time_out_and_tried_again_later() throws Exception {
        try (ScriptedSmtpServer silent = new ScriptedSmtpServer(ScriptedSmtpServer.Script.silent())) {
            MailDelivery.Run run = delivery.deliverDue();

            assertThat(run.retrying()).isEqualTo(2);
            assertThat(jdbc.queryForList("SELECT outcome FROM notice_outbox", String.class))
                    .allSatisfy(outcome -> assertThat(outcome).startsWith("SMTP server not reached"));
        }
    }

    @Test
    void a_recipient_refused_for_good_fails_and_one_refused_for_now_waits() throws Exception {
        try (ScriptedSmtpServer bouncing =
                new ScriptedSmtpServer(ScriptedSmtpServer.Script.refusingRecipient("550 5.1.1 No such mailbox here"))) {
            assertThat(delivery.deliverDue().failed()).isEqualTo(2);
        }
        assertThat(jdbc.queryForList("SELECT outcome FROM notice_outbox WHERE state = 'FAILED'", String.class))
                .hasSize(2)
                .allSatisfy(outcome -> assertThat(outcome)
                        .contains("refused the recipient")
                        .contains("550 5.1.1 No such mailbox here"));
    }

    @Test
    void a_temporary_refusal_of_the_recipient_is_tried_again() throws Exception {
        try (ScriptedSmtpServer busy =
                new ScriptedSmtpServer(ScriptedSmtpServer.Script.refusingRecipient("451 4.3.0 Try again later"))) {
            assertThat(delivery.deliverDue().retrying()).isEqualTo(2);
        }
        assertThat(jdbc.queryForList("SELECT state FROM notice_outbox", String.class))
                .containsExactly("PENDING", "PENDING");
    }

    @Test
    void a_connection_lost_after_the_message_was_handed_over_is_unknown_and_never_sent_again() throws Exception {
        try (ScriptedSmtpServer dropping = new ScriptedSmtpServer(ScriptedSmtpServer.Script.droppingAfterData())) {
            MailDelivery.Run run = delivery.deliverDue();
            clock.advance(Duration.ofHours(2));
            delivery.deliverDue();

            assertThat(run.unknown()).isEqualTo(2);
            assertThat(dropping.messagesReceived).as("each handed over once").hasValue(2);
        }
        assertThat(jdbc.queryForList("SELECT state, outcome FROM notice_outbox"))
                .allSatisfy(row -> {
                    assertThat(row.get("STATE")).isEqualTo("UNKNOWN");
                    assertThat((String) row.get("OUTCOME")).contains("may have been accepted");
                });
    }
}
