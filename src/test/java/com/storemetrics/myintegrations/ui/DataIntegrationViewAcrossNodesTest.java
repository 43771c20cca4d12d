package com.storemetrics.myintegrations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.storemetrics.DemoAccounts;
import com.storemetrics.KaribuSession;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.TwoNodes;
import com.storemetrics.base.cluster.PostgresSignals;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.myintegrations.IntegrationService;
import com.storemetrics.verification.MembershipCheck;
import com.vaadin.flow.component.UI;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two app nodes on one PostgreSQL: a change committed on node A reaches the open Data Integration
 * views on node B through LISTEN/NOTIFY (the views have no polling), also after B's listening
 * connection was killed. Runs on PostgreSQL always, whichever database the rest of the suite uses.
 */
class DataIntegrationViewAcrossNodesTest {

    /** Generous for a loaded 2-core CI machine; docs/benchmarks.md has the measured latency. */
    private static final Duration ACROSS_NODES = Duration.ofSeconds(3);

    private static TwoNodes nodes;
    private static SandboxControl sandbox;

    @BeforeAll
    static void startTwoNodes() {
        nodes = new TwoNodes();
        sandbox = new SandboxControl(TwoNodes.port(nodes.a));
    }

    @AfterAll
    static void stopThem() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @BeforeEach
    void knownState() {
        nodes.restoreKnownState();
    }

    @Test
    void a_check_on_node_a_turns_the_open_row_on_node_b_approved_through_the_database() {
        connect(nodes.a, "alice");
        try (KaribuSession alice = openDataIntegration(nodes.b, "alice")) {
            alice.awaitUntil(
                    "the Pending row is shown",
                    ACROSS_NODES,
                    () -> statuses().equals(List.of(IntegrationStatus.PENDING)));
            long heardBefore = TwoNodes.signals(nodes.b).received();

            sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
            checkOn(nodes.a);

            alice.awaitUntil(
                    "node B's view shows Approved",
                    ACROSS_NODES,
                    () -> statuses().equals(List.of(IntegrationStatus.APPROVED)));
            assertThat(TwoNodes.signals(nodes.b).received())
                    .as("it came as a signal from node A")
                    .isGreaterThan(heardBefore);
        }
    }

    @Test
    void removal_for_everyone_reaches_alice_on_node_a_and_bob_on_node_b_with_the_notice() throws Exception {
        connect(nodes.a, "alice");
        connect(nodes.b, "bob");
        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        // Node B has no sandbox of its own: it accepts the invitation in, and asks Reporter of, node A's.
        checkOn(nodes.b);
        try (KaribuSession alice = openDataIntegration(nodes.a, "alice");
                KaribuSession bob = openDataIntegration(nodes.b, "bob")) {
            for (KaribuSession session : List.of(alice, bob)) {
                session.awaitUntil(
                        "the Approved row is shown",
                        ACROSS_NODES,
                        () -> statuses().equals(List.of(IntegrationStatus.APPROVED)));
            }

            List<String> noticeSignals;
            try (Connection listener = nodes.jdbc().getDataSource().getConnection()) {
                listener.createStatement().execute("LISTEN " + PostgresSignals.CHANNEL);
                sandbox.removeUser(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
                checkOn(nodes.a);
                checkOn(nodes.a);
                noticeSignals = signalsOn(listener, "|notices|");
                listener.createStatement().execute("UNLISTEN *");
            }

            for (KaribuSession session : List.of(alice, bob)) {
                session.awaitUntil(
                        "the row is gone and the notice shown",
                        ACROSS_NODES,
                        () -> statuses().isEmpty() && noticeCount() == 1);
            }
            assertThat(noticeSignals)
                    .as("both customers' notices leave the removal's transaction in one signal")
                    .singleElement()
                    .satisfies(body -> assertThat(body.split(",")).hasSize(2));
        }
    }

    /** The bodies of the signals of one topic that {@code listener} has heard (a second to arrive). */
    private static List<String> signalsOn(Connection listener, String topic) throws Exception {
        List<String> bodies = new ArrayList<>();
        PGNotification[] heard = listener.unwrap(PGConnection.class).getNotifications(1000);
        for (PGNotification notification : heard == null ? new PGNotification[0] : heard) {
            int at = notification.getParameter().indexOf(topic);
            if (at >= 0) {
                bodies.add(notification.getParameter().substring(at + topic.length()));
            }
        }
        return bodies;
    }

    @Test
    void after_every_connection_of_node_b_is_killed_as_by_a_database_restart_the_next_change_still_arrives()
            throws Exception {
        connect(nodes.a, "alice");
        try (KaribuSession alice = openDataIntegration(nodes.b, "alice")) {
            alice.awaitUntil(
                    "the Pending row is shown",
                    ACROSS_NODES,
                    () -> statuses().equals(List.of(IntegrationStatus.PENDING)));
            PostgresSignals listener = TwoNodes.signals(nodes.b);
            long reconnectsBefore = listener.reconnects();

            long integrationId = alice.call(() -> rows().get(0).id());

            // What a database restart does to node B: its listening connection and its pooled ones die.
            JdbcTemplate onA = nodes.a.getBean(JdbcTemplate.class);
            int listening = onA.queryForObject(
                    "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity" + " WHERE application_name = ?",
                    Integer.class,
                    PostgresSignals.APPLICATION_NAME + listener.node());
            int pooled = onA.queryForObject(
                    "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                            + " WHERE application_name = 'node-b'",
                    Integer.class);
            assertThat(listening).as("node B's listening connection existed").isEqualTo(1);
            assertThat(pooled).as("node B's pool had connections").isPositive();
            // A change while node B is not listening: its signal is lost, the reload after the reconnect is not.
            SignIn.as(
                    nodes.a,
                    "alice",
                    () -> nodes.a.getBean(IntegrationService.class).remove(integrationId));

            alice.awaitUntil(
                    "the removal made on node A meanwhile is shown on node B",
                    Duration.ofSeconds(20),
                    () -> statuses().isEmpty());
            await("node B listens again")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> listener.reconnects() != reconnectsBefore && listener.isListening());

            connect(nodes.a, "alice");
            alice.awaitUntil(
                    "the next change made on node A is shown on node B",
                    ACROSS_NODES,
                    () -> statuses().equals(List.of(IntegrationStatus.PENDING)));
        }
    }

    private static void connect(ConfigurableApplicationContext node, String username) {
        SignIn.as(
                node,
                username,
                () -> node.getBean(ConnectionService.class)
                        .finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        // The test decides when checks run: no early check approves behind its back.
        cancelEarlyChecks(nodes.jdbc());
    }

    private static void cancelEarlyChecks(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name LIKE 'membership-check%'"
                + " AND task_instance <> 'recurring' AND picked = FALSE");
    }

    /** One verifier cycle on {@code node}, on a thread of its own as the scheduler runs it; committed on return. */
    private static void checkOn(ConfigurableApplicationContext node) {
        try {
            CompletableFuture.runAsync(() -> node.getBean(MembershipCheck.class).run("test"))
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The check failed", e);
        }
    }

    private static KaribuSession openDataIntegration(ConfigurableApplicationContext node, String username) {
        KaribuSession session = new KaribuSession(node, username);
        session.call(() -> {
            UI.getCurrent().navigate(DataIntegrationView.class);
            return null;
        });
        return session;
    }

    /** In the session's thread: the rows the open view knows, from its fetches and pushes. */
    private static List<IntegrationRow> rows() {
        return _get(DataIntegrationView.class).knownRows();
    }

    private static List<IntegrationStatus> statuses() {
        return rows().stream().map(IntegrationRow::status).toList();
    }

    private static long noticeCount() {
        return _get(DataIntegrationView.class).notices.getChildren().count();
    }
}
