package com.storemetrics.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.storemetrics.DemoAccounts;
import com.storemetrics.SignIn;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.TestMailbox;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.verification.VerifierSees;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox end to end over real SMTP (GreenMail): what the lifecycle's changes write, what
 * arrives, to whom, once.
 */
class NoticeDeliveryTest extends SpringTest {

    static final Map<String, String> PIXEL_FORGE_SEEN = Map.of("100001", "Pixel Forge Studio");

    /** Past the grouping window (60 s): what was written before is due. */
    static final Duration WINDOW = Duration.ofSeconds(61);

    @RegisterExtension
    static GreenMailExtension mailbox = TestMailbox.extension();

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

    @BeforeEach
    void aliceAndBobConnectPixelForge() {
        SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        SignIn.as(
                context,
                "bob",
                () -> connections.finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
    }

    @Test
    void approval_mails_each_customer_once_with_text_html_a_link_and_one_click_unsubscribe() throws Exception {
        VerifierSees.memberships(context, clock.instant(), PIXEL_FORGE_SEEN);

        MailDelivery.Run run = deliverAfterTheWindow();

        assertThat(run.sent()).isEqualTo(2);
        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(Mails.recipients(received)).isEqualTo("alice@pixelforge.example,bob@pixelforge.example");
        MimeMessage alices = List.of(received).stream()
                .filter(m -> Mails.to(m).contains("alice@pixelforge.example"))
                .findFirst()
                .orElseThrow();
        assertThat(Mails.subject(alices)).isEqualTo("Approved: Pixel Forge Studio is connected to Storemetrics");
        assertThat(Mails.header(alices, "From")).contains("Storemetrics").contains("notices@storemetrics.example");
        assertThat(Mails.plain(alices))
                .contains("Pixel Forge Studio is connected")
                .contains("integration@storemetrics.example")
                .contains("What happens next")
                .contains("Open Store Metrics: http://localhost:8080/my-account/store-metrics")
                .contains("Stop these e-mails: http://localhost:8080/mail/unsubscribe?u=");
        assertThat(Mails.html(alices))
                .contains("<a href=\"http://localhost:8080/my-account/store-metrics\"")
                .contains("Pixel Forge Studio is connected");
        assertThat(Mails.header(alices, "List-Unsubscribe"))
                .startsWith("<http://localhost:8080/mail/unsubscribe?u=")
                .contains("&k=approved&s=");
        assertThat(Mails.header(alices, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Mails.header(alices, "Message-ID")).matches("<notice-\\d+@storemetrics>");
        assertThat(jdbc.queryForList("SELECT state FROM notice_outbox", String.class))
                .containsExactly("SENT", "SENT");

        assertThat(deliverAfterTheWindow().sent())
                .as("a second run sends nothing again")
                .isZero();
        assertThat(mailbox.getReceivedMessages()).hasSize(2);
    }

    @Test
    void a_message_for_the_same_integration_kind_and_occurrence_is_written_once() {
        VerifierSees.memberships(context, clock.instant(), PIXEL_FORGE_SEEN);
        long integrationId = jdbc.queryForObject(
                "SELECT i.id FROM integration i JOIN app_user u ON u.id = i.customer_id WHERE u.username = 'alice'",
                Long.class);
        long alice = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'alice'", Long.class);

        Boolean written = new TransactionTemplate(transactions)
                .execute(status -> outbox.add(OutgoingNotice.aboutIntegration(
                        alice, NoticeKind.APPROVED, integrationId, "Pixel Forge Studio", clock.instant())));

        assertThat(written).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_outbox", Integer.class))
                .isEqualTo(2);
        deliverAfterTheWindow();
        assertThat(mailbox.getReceivedMessages()).hasSize(2);
    }

    @Test
    void removal_for_everyone_mails_every_sharing_customer_who_removed_it_and_how_to_reconnect() throws Exception {
        Instant now = clock.instant();
        VerifierSees.memberships(context, now, PIXEL_FORGE_SEEN);
        deliverAfterTheWindow();
        mailbox.purgeEmailFromAllMailboxes();
        VerifierSees.noMembership(context, now.plusSeconds(30));
        VerifierSees.noMembership(context, now.plusSeconds(60));

        assertThat(deliverAfterTheWindow().sent()).isEqualTo(2);

        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(Mails.recipients(received)).isEqualTo("alice@pixelforge.example,bob@pixelforge.example");
        for (MimeMessage message : received) {
            assertThat(Mails.subject(message))
                    .isEqualTo("Removed: Pixel Forge Studio is no longer connected to Storemetrics");
            assertThat(Mails.plain(message))
                    .contains("An Account Holder or Admin of Pixel Forge Studio removed our service user")
                    .contains("Users and Access")
                    .contains("connect the account again")
                    .contains("http://localhost:8080/my-account/data-integration")
                    .contains("k=removed");
        }
    }

    @Test
    void expiry_mails_the_customer_to_remove_and_connect_again() throws Exception {
        Instant connected = jdbc.queryForObject("SELECT MAX(connected_at) FROM integration", Timestamp.class)
                .toInstant();

        VerifierSees.noMembership(
                context, connected.plus(VerifierSees.PENDING_LIFETIME).plusSeconds(60));
        deliverAfterTheWindow();

        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(Mails.subject(received[0])).isEqualTo("Expired: the invitation for Pixel Forge Studio lapsed");
        assertThat(Mails.plain(received[0]))
                .contains("Remove and connect again")
                .contains("invite integration@storemetrics.example again");
    }

    @Test
    void a_day_before_the_invitation_lapses_each_pending_customer_is_reminded_once() throws Exception {
        Instant connected = jdbc.queryForObject("SELECT MAX(connected_at) FROM integration", Timestamp.class)
                .toInstant();

        VerifierSees.noMembership(context, connected.plus(Duration.ofHours(47)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_outbox", Integer.class))
                .isZero();
        VerifierSees.noMembership(context, connected.plus(Duration.ofHours(49)));
        VerifierSees.noMembership(context, connected.plus(Duration.ofHours(50)));
        deliverAfterTheWindow();

        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(Mails.recipients(received)).isEqualTo("alice@pixelforge.example,bob@pixelforge.example");
        assertThat(Mails.subject(received[0]))
                .isEqualTo("Action needed: the invitation for Pixel Forge Studio lapses in 24 hours");
        assertThat(Mails.plain(received[0]))
                .contains("still Pending")
                .contains("Users and Access")
                .contains("integration@storemetrics.example is invited (role Sales)")
                .contains("k=invitation_lapsing");
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM integration", String.class))
                .containsExactly("PENDING");
    }

    @Test
    void a_reminder_not_sent_yet_is_withdrawn_when_the_row_turns_approved_and_only_the_approval_goes_out()
            throws Exception {
        Instant connected = jdbc.queryForObject("SELECT MAX(connected_at) FROM integration", Timestamp.class)
                .toInstant();
        VerifierSees.noMembership(context, connected.plus(Duration.ofHours(49)));
        VerifierSees.noMembership(context, connected.plus(Duration.ofHours(50)));
        assertThat(jdbc.queryForList("SELECT state FROM notice_outbox WHERE kind = 'INVITATION_LAPSING'", String.class))
                .containsExactly("PENDING", "PENDING");

        // The account holder accepts within the grouping minute, before the reminders went out.
        VerifierSees.memberships(context, connected.plus(Duration.ofHours(50)).plusSeconds(20), PIXEL_FORGE_SEEN);
        MailDelivery.Run run = deliverAfterTheWindow();

        assertThat(jdbc.queryForList("SELECT state, outcome FROM notice_outbox WHERE kind = 'INVITATION_LAPSING'"))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row)
                        .containsEntry("STATE", "WITHDRAWN")
                        .containsEntry("OUTCOME", "Withdrawn before sending: the integration became Approved"));
        assertThat(run.sent()).isEqualTo(2);
        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(Mails.recipients(received)).isEqualTo("alice@pixelforge.example,bob@pixelforge.example");
        assertThat(List.of(received).stream().map(Mails::subject))
                .containsOnly("Approved: Pixel Forge Studio is connected to Storemetrics");
        assertThat(Mails.plain(received[0])).doesNotContain("lapses");
    }

    @Test
    void no_reminder_once_the_cause_is_gone_or_the_invitation_already_lapsed() {
        Instant connected = jdbc.queryForObject("SELECT MAX(connected_at) FROM integration", Timestamp.class)
                .toInstant();
        // The membership is seen before the reminder is due: the cause is gone, no reminder.
        VerifierSees.memberships(context, connected.plus(Duration.ofHours(30)), PIXEL_FORGE_SEEN);
        VerifierSees.memberships(context, connected.plus(Duration.ofHours(49)), PIXEL_FORGE_SEEN);
        assertThat(jdbc.queryForList("SELECT kind FROM notice_outbox", String.class))
                .containsOnly("APPROVED");

        SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(DemoAccounts.ALICE_MARTIN), CredentialKind.ACCESS_TOKEN));
        Instant aliceMartin = jdbc.queryForObject("SELECT MAX(connected_at) FROM integration", Timestamp.class)
                .toInstant();
        // The first check after connecting comes when Apple's invitation has lapsed already: no "lapses in 24 h".
        VerifierSees.memberships(context, aliceMartin.plus(Duration.ofHours(73)), PIXEL_FORGE_SEEN);
        assertThat(jdbc.queryForList("SELECT kind FROM notice_outbox", String.class))
                .containsOnly("APPROVED");
    }

    @Test
    void a_change_that_rolls_back_writes_and_sends_nothing() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            VerifierSees.memberships(context, clock.instant(), PIXEL_FORGE_SEEN);
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM integration", String.class))
                .containsExactly("PENDING");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice_outbox", Integer.class))
                .isZero();
        deliverAfterTheWindow();
        assertThat(mailbox.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_switched_off_kind_writes_no_message_and_other_customers_still_get_theirs() {
        jdbc.update("INSERT INTO notice_opt_out (user_id, kind, since) SELECT id, 'APPROVED', CURRENT_TIMESTAMP"
                + " FROM app_user WHERE username = 'bob'");

        VerifierSees.memberships(context, clock.instant(), PIXEL_FORGE_SEEN);
        deliverAfterTheWindow();

        assertThat(Mails.recipients(mailbox.getReceivedMessages())).isEqualTo("alice@pixelforge.example");
    }

    @Test
    void a_sender_that_died_between_smtp_and_recording_leaves_the_message_unknown_never_sent_twice() {
        List<OutboxMessage> group = claimTheFirstGroup();
        OutboxMessage first = group.get(0);
        // What a run does up to the SMTP server's "250 OK", and then the node dies: nothing recorded.
        assertThat(delivery.send(group).result()).isEqualTo(SmtpOutcome.Result.SENT);

        MailDelivery.Run soon = delivery.deliverDue();
        assertThat(soon.sent()).as("the other message").isEqualTo(1);
        assertThat(soon.abandoned())
                .as("still within unknown-after: maybe still being sent")
                .isZero();

        clock.advance(Duration.ofMinutes(6));
        MailDelivery.Run later = delivery.deliverDue();

        assertThat(later.abandoned()).isEqualTo(1);
        assertThat(later.sent()).isZero();
        assertThat(jdbc.queryForMap("SELECT state, outcome FROM notice_outbox WHERE id = ?", first.id()))
                .containsEntry("STATE", "UNKNOWN")
                .hasEntrySatisfying("OUTCOME", why -> assertThat((String) why).contains("not sent again"));
        assertThat(mailbox.getReceivedMessages()).hasSize(2);
    }

    @Test
    void a_sender_that_died_before_handing_the_group_to_smtp_leaves_it_to_be_sent_once_later() {
        // A run claims the group, then its node dies while connecting to the SMTP server: nothing handed over.
        OutboxMessage first = claimTheFirstGroup().get(0);

        MailDelivery.Run soon = delivery.deliverDue();
        assertThat(soon.sent())
                .as("the other message; the claimed one may still be connecting")
                .isEqualTo(1);

        clock.advance(Duration.ofMinutes(6));
        MailDelivery.Run later = delivery.deliverDue();

        assertThat(later.abandoned())
                .as("nothing was handed over: nothing unknown")
                .isZero();
        assertThat(later.sent()).isEqualTo(1);
        assertThat(jdbc.queryForMap(
                        "SELECT state, attempts, handed_over_at FROM notice_outbox WHERE id = ?", first.id()))
                .containsEntry("STATE", "SENT")
                .containsEntry("ATTEMPTS", 2)
                .hasEntrySatisfying("HANDED_OVER_AT", at -> assertThat(at).isNotNull());
        assertThat(mailbox.getReceivedMessages()).as("each of the two once").hasSize(2);
    }

    @Test
    void a_backlog_goes_out_oldest_first_at_most_a_batch_per_run() {
        long alice = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'alice'", Long.class);
        // 60 changes a minute and more apart (so 60 e-mails, not one), written while nothing was delivered.
        for (int i = 0; i < 60; i++) {
            int account = i;
            new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> outbox.add(OutgoingNotice.aboutIntegration(
                            alice, NoticeKind.APPROVED, 20_000 + account, "Account " + account, clock.instant())));
            clock.advance(WINDOW);
        }

        assertThat(delivery.deliverDue().sent()).isEqualTo(50);

        assertThat(jdbc.queryForList("SELECT account_name FROM notice_outbox WHERE state = 'PENDING'", String.class))
                .containsExactlyInAnyOrder(
                        "Account 50",
                        "Account 51",
                        "Account 52",
                        "Account 53",
                        "Account 54",
                        "Account 55",
                        "Account 56",
                        "Account 57",
                        "Account 58",
                        "Account 59");
        assertThat(delivery.deliverDue().sent()).isEqualTo(10);
        assertThat(mailbox.getReceivedMessages()).hasSize(60);
        assertThat(List.of(mailbox.getReceivedMessages()).stream().map(Mails::subject))
                .as("oldest first, one account per e-mail")
                .startsWith(
                        "Approved: Account 0 is connected to Storemetrics",
                        "Approved: Account 1 is connected to Storemetrics");
    }

    @Test
    void many_messages_at_once_are_each_written_once_to_their_customers_address_unless_switched_off() {
        long alice = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'alice'", Long.class);
        long bob = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'bob'", Long.class);
        jdbc.update(
                "INSERT INTO notice_opt_out (user_id, kind, since) VALUES (?, 'REMOVED', ?)",
                bob,
                Timestamp.from(clock.instant()));
        OutgoingNotice alicesFirst = OutgoingNotice.aboutIntegration(
                alice, NoticeKind.REMOVED, 900001, "Pixel Forge Studio", clock.instant());
        OutgoingNotice alicesSecond =
                OutgoingNotice.aboutIntegration(alice, NoticeKind.REMOVED, 900003, "Harbor Apps", clock.instant());
        new TransactionTemplate(transactions).executeWithoutResult(status -> outbox.add(alicesFirst));

        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> outbox.addAll(List.of(
                        alicesFirst,
                        OutgoingNotice.aboutIntegration(
                                bob, NoticeKind.REMOVED, 900002, "Pixel Forge Studio", clock.instant()),
                        alicesSecond,
                        alicesSecond)));

        assertThat(jdbc.query(
                        "SELECT user_id, regarding, recipient, state FROM notice_outbox"
                                + " WHERE regarding LIKE 'integration:9000%' ORDER BY regarding",
                        (row, i) -> (row.getLong("user_id") == alice ? "alice" : "someone else") + " "
                                + row.getString("regarding") + " " + row.getString("recipient") + " "
                                + row.getString("state")))
                .as("once each, bob's switched off")
                .containsExactly(
                        "alice integration:900001 alice@pixelforge.example PENDING",
                        "alice integration:900003 alice@pixelforge.example PENDING");
    }

    @Test
    void an_account_name_with_line_breaks_cannot_add_headers_or_recipients() {
        long alice = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'alice'", Long.class);
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> outbox.add(new OutgoingNotice(
                        alice,
                        NoticeKind.APPROVED,
                        "integration:999999",
                        "once",
                        "Evil Corp\r\nBcc: mallory@evil.example\r\nX-Injected: yes",
                        clock.instant())));

        deliverAfterTheWindow();

        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(Mails.to(received[0])).containsExactly("alice@pixelforge.example");
        assertThat(Mails.header(received[0], "X-Injected")).isNull();
        assertThat(Mails.header(received[0], "Bcc")).isNull();
        assertThat(Mails.subject(received[0]))
                .doesNotContain("\r")
                .doesNotContain("\n")
                .contains("Evil Corp Bcc: mallory@evil.example");
    }

    @Test
    void an_invalid_address_is_recorded_as_failed_with_the_reason_and_nothing_is_sent() {
        jdbc.update("UPDATE app_user SET email = 'alice at pixelforge' WHERE username = 'alice'");
        jdbc.update("UPDATE app_user SET email = NULL WHERE username = 'bob'");

        VerifierSees.memberships(context, clock.instant(), PIXEL_FORGE_SEEN);
        MailDelivery.Run run = deliverAfterTheWindow();

        assertThat(run.failed()).isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "SELECT outcome FROM notice_outbox WHERE state = 'FAILED' ORDER BY recipient", String.class))
                .containsExactlyInAnyOrder(
                        "The customer has no e-mail address",
                        jdbc.queryForObject(
                                "SELECT outcome FROM notice_outbox WHERE recipient IS NOT NULL", String.class));
        assertThat(jdbc.queryForObject("SELECT outcome FROM notice_outbox WHERE recipient IS NOT NULL", String.class))
                .startsWith("Not")
                .contains("alice at pixelforge");
        assertThat(mailbox.getReceivedMessages()).isEmpty();
    }

    /** A delivery run once the grouping window of what was written so far has passed. */
    private MailDelivery.Run deliverAfterTheWindow() {
        clock.advance(WINDOW);
        return delivery.deliverDue();
    }

    /**
     * The verifier sees Pixel Forge's removal, the group window passes, and a run claims the first
     * group due, as a delivery run does before it connects to the SMTP server: one message.
     */
    private List<OutboxMessage> claimTheFirstGroup() {
        VerifierSees.memberships(context, clock.instant(), PIXEL_FORGE_SEEN);
        clock.advance(WINDOW);
        OutboxStore store = context.getBean(OutboxStore.class);
        OutboxMessage first = store.dueLeads(clock.instant(), clock.instant().minus(WINDOW), 1)
                .get(0);
        List<OutboxMessage> group = store.claimGroup(first, first.createdAt().plus(WINDOW), clock.instant());
        assertThat(group).extracting(OutboxMessage::id).containsExactly(first.id());
        return group;
    }
}
