package com.storemetrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.storemetrics.appstore.AppleCallAccounting;
import com.storemetrics.appstore.AppleProtocol;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.support.SupportTestData;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What {@link KnownState} puts back before every test: each kind of shared state a test can leave
 * behind is dirtied here, then restored, then checked against what a fresh start has.
 */
class KnownStateTest extends SpringTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ReporterClient reporter;

    @Autowired
    AppleCallAccounting accounting;

    @LocalServerPort
    int port;

    @Test
    void rows_a_test_wrote_are_gone_and_the_seeded_rows_are_back_as_the_start_left_them() {
        Map<String, Object> healthAtStart = jdbc.queryForMap("SELECT * FROM verifier_health");
        String aliceAtStart =
                jdbc.queryForObject("SELECT display_name FROM app_user WHERE username = 'alice'", String.class);
        long account = SupportTestData.account(jdbc, "990001", "Leaky Studio", "89000001");
        SupportTestData.integration(
                jdbc, SupportTestData.userId(jdbc, "bob"), account, IntegrationStatus.APPROVED, null, Instant.now());
        jdbc.update("UPDATE verifier_health SET cycles = 41, consecutive_failures = 3");
        jdbc.update("UPDATE app_user SET display_name = 'Renamed' WHERE username = 'alice'");
        jdbc.update("INSERT INTO app_user (username, display_name, password_hash, role)"
                + " VALUES ('mallory', 'Mallory', 'x', 'CUSTOMER')");

        KnownState.restore(context);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM store_account", Integer.class))
                .isZero();
        assertThat(jdbc.queryForMap("SELECT * FROM verifier_health")).isEqualTo(healthAtStart);
        assertThat(jdbc.queryForList("SELECT username FROM app_user ORDER BY username", String.class))
                .containsExactly("alice", "bob", "carol");
        assertThat(jdbc.queryForObject("SELECT display_name FROM app_user WHERE username = 'alice'", String.class))
                .isEqualTo(aliceAtStart);
    }

    @Test
    void background_work_waiting_to_run_is_cancelled_and_each_recurring_task_waits_for_its_schedule() {
        jdbc.update(
                "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                        + " VALUES ('membership-check-soon', 'left-over', ?, FALSE, 1)",
                Timestamp.from(Instant.now().plusSeconds(2)));
        jdbc.update(
                "UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = 'membership-check'",
                Timestamp.from(Instant.now()));

        KnownState.restore(context);

        assertThat(jdbc.queryForList("SELECT task_instance FROM scheduled_tasks", String.class))
                .isNotEmpty()
                .containsOnly("recurring");
        // The test profile's intervals: the verifier's check and the importer's batch wait an hour.
        for (String task : List.of("membership-check", "metrics-import")) {
            assertThat(jdbc.queryForObject(
                                    "SELECT execution_time FROM scheduled_tasks WHERE task_name = ?",
                                    Timestamp.class,
                                    task)
                            .toInstant())
                    .as(task)
                    .isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        }
        assertThat(jdbc.queryForObject("SELECT MIN(execution_time) FROM scheduled_tasks", Timestamp.class)
                        .toInstant())
                .as("nothing is due now")
                .isAfter(Instant.now().plusSeconds(10));
    }

    @Test
    void the_clocks_and_the_sandbox_are_back_to_real_time_and_the_seeded_world() {
        SandboxControl sandbox = new SandboxControl(port);
        clock.advance(Duration.ofDays(30));
        sandbox.advanceClock("P9D");
        sandbox.fault("HTTP_500", null, null);
        sandbox.hourlyBudget(1);
        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);

        KnownState.restore(context);

        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
        JsonNode world = sandbox.world();
        assertThat(Duration.between(
                                Instant.now(), Instant.parse(world.path("now").asText()))
                        .abs())
                .isLessThan(Duration.ofSeconds(5));
        assertThat(world.path("fault").isNull())
                .as("no armed fault: " + world.path("fault"))
                .isTrue();
        assertThat(world.path("hourlyRequestBudget").asInt()).isEqualTo(3600);
        assertThat(world.path("accounts"))
                .allSatisfy(account ->
                        assertThat(account.path("pendingInvitations")).isEmpty());
        assertThat(reporter.getAccounts(SandboxControl.ALICE_TOKEN)).hasSize(2);
    }

    @Test
    void what_a_node_keeps_in_memory_is_forgotten_the_requests_of_the_last_hour_among_it() {
        new SandboxControl(port).requireSalesReportVersion("1_1");
        reporter.dailySales(
                SandboxControl.ALICE_TOKEN,
                SandboxControl.PIXEL_FORGE,
                "85000001",
                LocalDate.now().minusDays(3));
        assertThat(accounting.requestsInLastHour(AppleProtocol.REPORTER)).isPositive();

        KnownState.restore(context);

        assertThat(accounting.requestsInLastHour(AppleProtocol.REPORTER)).isZero();
        // The version Apple insisted on is forgotten too: asking for it again would cost a refusal and a retry.
        reporter.dailySales(
                SandboxControl.ALICE_TOKEN,
                SandboxControl.PIXEL_FORGE,
                "85000001",
                LocalDate.now().minusDays(3));
        assertThat(accounting.requestsInLastHour(AppleProtocol.REPORTER)).isEqualTo(1);
    }
}
