package com.storemetrics.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.storemetrics.TestDatabases;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The LISTEN/NOTIFY mechanism on its own, on a real (embedded) PostgreSQL: a signal leaves with its
 * transaction's commit and never with a rollback, reaches the other node but not its sender, and
 * an oversized body is refused instead of failing at commit.
 */
class PostgresSignalsTest {

    private final String url = TestDatabases.createDatabase();
    private final SimpleDriverDataSource dataSource =
            new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final TransactionTemplate transaction =
            new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private final SimpleAsyncTaskExecutor listenerThreads = new SimpleAsyncTaskExecutor("test-listener-");
    private PostgresSignals nodeA;
    private PostgresSignals nodeB;
    private final List<String> heardByA = new CopyOnWriteArrayList<>();
    private final List<String> heardByB = new CopyOnWriteArrayList<>();

    @BeforeEach
    void twoNodes() throws Exception {
        nodeA = node(heardByA);
        nodeB = node(heardByB);
        nodeA.start();
        nodeB.start();
        awaitUntil(() -> nodeA.isListening() && nodeB.isListening());
    }

    @AfterEach
    void stop() throws Exception {
        nodeA.stop();
        nodeB.stop();
    }

    @Test
    void a_signal_leaves_with_the_commit_and_never_with_a_rollback_and_only_other_nodes_hear_it() throws Exception {
        transaction.executeWithoutResult(status -> {
            nodeA.send("topic", "rolled-back");
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> {
            nodeA.send("topic", "1,2,3");
            assertThat(heardByB).as("nothing before the commit").isEmpty();
        });

        awaitUntil(() -> !heardByB.isEmpty());
        // Half a second more: nothing else arrives (the rolled-back signal never does).
        await("node B heard exactly the committed signal, and nothing more for half a second")
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2))
                .until(() -> List.copyOf(heardByB).equals(List.of("1,2,3")));
        assertThat(heardByA)
                .as("the sender's own broadcasters told its views already")
                .isEmpty();
    }

    @Test
    void a_body_over_the_payload_limit_is_refused_when_sent_and_ids_are_split_below_it() {
        assertThatThrownBy(() -> nodeA.send("topic", "9".repeat(8_000))).isInstanceOf(IllegalArgumentException.class);

        List<Long> ids = java.util.stream.LongStream.rangeClosed(1_000_000_000L, 1_000_002_000L)
                .boxed()
                .toList();
        List<String> bodies = CrossNodeSignals.chunks(ids);
        assertThat(bodies)
                .hasSizeGreaterThan(1)
                .allSatisfy(body -> assertThat(body.length()).isLessThanOrEqualTo(CrossNodeSignals.MAX_BODY));
        assertThat(bodies.stream()
                        .flatMap(body -> CrossNodeSignals.ids(body).stream())
                        .toList())
                .isEqualTo(ids);
    }

    @Test
    void a_signal_that_cannot_be_sent_after_the_work_committed_does_not_fail_that_work() {
        PostgresSignals databaseGone = new PostgresSignals(
                new JdbcTemplate(new SimpleDriverDataSource(
                        new org.postgresql.Driver(), "jdbc:postgresql://127.0.0.1:1/none", "postgres", "")),
                extra -> {
                    throw new java.sql.SQLException("unreachable");
                },
                event -> {},
                listenerThreads);

        assertThatThrownBy(() -> databaseGone.send("topic", "1")).isInstanceOf(RuntimeException.class);
        databaseGone.sendAfterCommit("topic", "1");
    }

    /** A node whose listeners record the bodies of the "topic" signals it hears from other nodes. */
    private PostgresSignals node(List<String> heard) {
        return new PostgresSignals(
                jdbc,
                extra -> {
                    Properties properties = new Properties();
                    properties.setProperty("user", "postgres");
                    properties.putAll(extra);
                    return DriverManager.getConnection(url, properties);
                },
                event -> {
                    if (event instanceof SignalReceived signal && signal.is("topic")) {
                        heard.add(signal.body());
                    }
                },
                listenerThreads);
    }

    private static void awaitUntil(BooleanSupplier condition) {
        await("a signal to arrive")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }
}
