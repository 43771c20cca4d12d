package com.storemetrics.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.storemetrics.Application;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.SpringTest;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node stops between Finish and the invitation's acceptance; a new node on the same database
 * carries on, because the verifier's schedule and state live in the database.
 */
@Tag(SpringTest.DATABASE)
class VerifierRestartTest {

    @Test
    void a_new_node_on_the_same_database_finishes_what_the_stopped_one_scheduled() throws Exception {
        String database = "jdbc:hsqldb:mem:restart-" + UUID.randomUUID();

        try (ConfigurableApplicationContext first = start(database)) {
            SignIn.as(
                    first,
                    "alice",
                    () -> first.getBean(ConnectionService.class)
                            .finish(List.of(MembershipCheckTest.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
            assertThat(nextCheck(first))
                    .as("the fast pace waits in the database")
                    .isBefore(Instant.now().plusSeconds(10));
        }

        try (ConfigurableApplicationContext second = start(database)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT status FROM integration", String.class))
                    .isEqualTo("PENDING");
            int port = ((WebServerApplicationContext) second).getWebServer().getPort();
            new SandboxControl(port).invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);

            await("approved at the pace the first node set")
                    .atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() ->
                            "APPROVED".equals(jdbc.queryForObject("SELECT status FROM integration", String.class)));
        }
    }

    private static Instant nextCheck(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class)
                .queryForObject(
                        "SELECT MIN(execution_time) FROM scheduled_tasks WHERE task_name IN (?, ?)",
                        Timestamp.class,
                        VerificationScheduler.RECURRING_TASK,
                        VerificationScheduler.SOON_TASK)
                .toInstant();
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + database);
    }
}
