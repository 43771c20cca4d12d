package com.storemetrics.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.storemetrics.TestClock;
import com.storemetrics.TestMailbox;
import com.storemetrics.TwoNodes;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two app nodes on one PostgreSQL database deliver the same outbox at the same moment, against one
 * SMTP server: every message is claimed by one node and arrives once, and a group (one customer's
 * messages within a minute) is claimed whole by one node: never split, never doubled. (In production db-scheduler
 * runs the delivery on one node at a time, SchedulerAcrossNodesTest shows it; this shows that even
 * two runs at once cannot double a message.)
 */
class MailAcrossNodesTest {

    static final int MESSAGES = 40;
    static final int GROUPS = 10;
    static final int PARTS = 3;

    @RegisterExtension
    static GreenMailExtension mailbox = TestMailbox.extension();

    private TwoNodes nodes;

    @BeforeEach
    void startTwoNodes() {
        nodes = new TwoNodes();
        nodes.restoreKnownState();
    }

    @AfterEach
    void stopThem() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void both_nodes_deliver_at_once_and_every_message_arrives_exactly_once() throws Exception {
        List<Long> customers = nodes.jdbc()
                .queryForList("SELECT id FROM app_user WHERE username IN ('alice', 'bob') ORDER BY id", Long.class);
        NoticeOutbox outbox = nodes.b.getBean(NoticeOutbox.class);
        TransactionTemplate transaction = new TransactionTemplate(nodes.b.getBean(PlatformTransactionManager.class));
        // MESSAGES changes, each a grouping window and more after the last: every one is an e-mail of its own.
        for (int i = 0; i < MESSAGES; i++) {
            int account = i;
            transaction.executeWithoutResult(status -> outbox.add(OutgoingNotice.aboutIntegration(
                    customers.get(0), NoticeKind.APPROVED, 10_000 + account, "Account " + account, Instant.now())));
            advanceBothClocks(Duration.ofSeconds(61));
        }

        assertThat(deliverOnBothNodesAtOnce())
                .as("e-mails the two nodes sent together")
                .isEqualTo(MESSAGES);

        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(received).hasSize(MESSAGES);
        assertThat(Arrays.stream(received).map(message -> Mails.header(message, "Message-ID")))
                .doesNotHaveDuplicates()
                .hasSize(MESSAGES);
        assertThat(nodes.jdbc().queryForList("SELECT DISTINCT attempts FROM notice_outbox", Integer.class))
                .containsExactly(1);
    }

    @Test
    void two_nodes_delivering_at_once_never_split_or_double_a_group() throws Exception {
        List<Long> customers = nodes.jdbc()
                .queryForList("SELECT id FROM app_user WHERE username IN ('alice', 'bob') ORDER BY id", Long.class);
        NoticeOutbox outbox = nodes.b.getBean(NoticeOutbox.class);
        TransactionTemplate transaction = new TransactionTemplate(nodes.b.getBean(PlatformTransactionManager.class));
        // GROUPS groups: each customer's PARTS changes within one window, then a window later the next.
        for (int group = 0; group < GROUPS; group++) {
            int g = group;
            for (long customer : customers) {
                transaction.executeWithoutResult(status -> {
                    for (int part = 0; part < PARTS; part++) {
                        outbox.add(OutgoingNotice.aboutIntegration(
                                customer,
                                NoticeKind.values()[part % NoticeKind.values().length],
                                customer * 1_000_000 + g * 100 + part,
                                "Group " + g + " part " + part,
                                Instant.now()));
                    }
                });
            }
            advanceBothClocks(Duration.ofSeconds(61));
        }

        assertThat(deliverOnBothNodesAtOnce())
                .as("e-mails the two nodes sent together")
                .isEqualTo(GROUPS * customers.size());

        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(received).hasSize(GROUPS * customers.size());
        for (MimeMessage mail : received) {
            String plain = Mails.plain(mail);
            assertThat(Mails.subject(mail)).startsWith(PARTS + " updates from Storemetrics");
            String group = plain.substring(plain.indexOf("Group "), plain.indexOf(" part "));
            for (int part = 0; part < PARTS; part++) {
                assertThat(plain).as("every part of its group").contains(group + " part " + part);
            }
        }
        JdbcTemplate jdbc = nodes.jdbc();
        assertThat(jdbc.queryForList("SELECT COUNT(*) FROM notice_outbox GROUP BY group_lead", Integer.class))
                .as("rows per group")
                .hasSize(GROUPS * customers.size())
                .containsOnly(PARTS);
        assertThat(jdbc.queryForList("SELECT DISTINCT state || ' ' || attempts FROM notice_outbox", String.class))
                .containsExactly("SENT 1");
    }

    /** Both nodes run deliveries at the same moment until nothing is left; returns the e-mails sent. */
    private int deliverOnBothNodesAtOnce() throws Exception {
        JdbcTemplate jdbc = nodes.jdbc();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sentBy = List.of(nodes.a, nodes.b).stream()
                    .map(node -> both.submit(() -> {
                        start.await();
                        int sent = 0;
                        while (jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM notice_outbox WHERE state <> 'SENT'", Integer.class)
                                > 0) {
                            sent += node.getBean(MailDelivery.class)
                                    .deliverDue()
                                    .sent();
                        }
                        return sent;
                    }))
                    .toList();
            start.countDown();
            int total = 0;
            for (Future<Integer> node : sentBy) {
                total += node.get(60, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            both.shutdownNow();
        }
    }

    private void advanceBothClocks(Duration by) {
        nodes.a.getBean(TestClock.class).advance(by);
        nodes.b.getBean(TestClock.class).advance(by);
    }
}
