package com.storemetrics.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.storemetrics.TestMailbox;
import com.storemetrics.TwoNodes;
import jakarta.mail.internet.MimeMessage;
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
 * SMTP server: every message is claimed by one node and arrives once. (In production db-scheduler
 * runs the delivery on one node at a time, SchedulerAcrossNodesTest shows it; this shows that even
 * two runs at once cannot double a message.)
 */
class MailAcrossNodesTest {

    static final int MESSAGES = 40;

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
        long alice = nodes.jdbc().queryForObject("SELECT id FROM app_user WHERE username = 'alice'", Long.class);
        NoticeOutbox outbox = nodes.b.getBean(NoticeOutbox.class);
        new TransactionTemplate(nodes.b.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            for (int i = 0; i < MESSAGES; i++) {
                outbox.add(OutgoingNotice.aboutIntegration(
                        alice, NoticeKind.APPROVED, 10_000 + i, "Account " + i, Instant.now()));
            }
        });

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
            assertThat(total).as("messages the two nodes sent together").isEqualTo(MESSAGES);
        } finally {
            both.shutdownNow();
        }

        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(received).hasSize(MESSAGES);
        assertThat(Arrays.stream(received).map(message -> Mails.header(message, "Message-ID")))
                .doesNotHaveDuplicates()
                .hasSize(MESSAGES);
        assertThat(jdbc.queryForList("SELECT DISTINCT attempts FROM notice_outbox", Integer.class))
                .containsExactly(1);
    }
}
