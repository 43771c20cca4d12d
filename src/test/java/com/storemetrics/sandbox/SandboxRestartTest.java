package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.storemetrics.Application;
import com.storemetrics.DemoAccounts;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.verification.MembershipCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The development app keeps the sandbox's world beside its database: after a restart our service
 * Apple ID is still a member of the account, so the verifier keeps an Approved integration
 * Approved instead of removing it (with the re-seeded world it would after two checks). Reset
 * still brings back the seed.
 */
class SandboxRestartTest {

    @TempDir
    Path data;

    @Test
    void after_a_restart_an_approved_demo_integration_stays_approved_and_reset_restores_the_seed() throws Exception {
        String database = "jdbc:hsqldb:mem:dev-restart-" + UUID.randomUUID();
        Path stateFile = data.resolve("sandbox-world.json");

        try (ConfigurableApplicationContext first = start(database, stateFile)) {
            SignIn.as(
                    first,
                    "alice",
                    () -> first.getBean(ConnectionService.class)
                            .finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
            new SandboxControl(port(first)).invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
            await("approved before the restart")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        first.getBean(MembershipCheck.class).run("test");
                        return "APPROVED".equals(status(first));
                    });
        }
        assertThat(Files.readString(stateFile)).contains(SandboxControl.SERVICE_APPLE_ID);

        try (ConfigurableApplicationContext second = start(database, stateFile)) {
            MembershipCheck check = second.getBean(MembershipCheck.class);
            assertThat(check.awaitIdle(Duration.ofSeconds(30))).isTrue();
            // Two consecutive successful checks without the membership would remove the row.
            assertThat(check.run("test")).isEqualTo(MembershipCheck.CycleResult.CHECKED);
            assertThat(check.run("test")).isEqualTo(MembershipCheck.CycleResult.CHECKED);
            assertThat(status(second)).isEqualTo("APPROVED");

            SandboxControl control = new SandboxControl(port(second));
            assertThat(memberEmails(control)).contains(SandboxControl.SERVICE_APPLE_ID);
            control.reset();
            assertThat(memberEmails(control)).doesNotContain(SandboxControl.SERVICE_APPLE_ID);
        }
    }

    private static List<String> memberEmails(SandboxControl control) {
        List<String> emails = new ArrayList<>();
        for (var account : control.world().path("accounts")) {
            if (SandboxControl.PIXEL_FORGE.equals(account.path("number").asText())) {
                account.path("members")
                        .forEach(member -> emails.add(member.path("email").asText()));
            }
        }
        return emails;
    }

    private static String status(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).queryForObject("SELECT status FROM integration", String.class);
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext start(String database, Path stateFile) {
        return new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database,
                        "--storemetrics.sandbox.state-file=" + stateFile);
    }
}
