package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.Application;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Development features are off unless asked for: the application as the plain jar starts it (no
 * profile, no switches) has no sandbox and no demo users; production mode with the sandbox on
 * does not start at all. (The README's {@code mvn spring-boot:run} asks for them through the dev
 * profile that the spring-boot-maven-plugin activates; the test profile asks for them itself.)
 */
class DevelopmentFeaturesTest {

    @Test
    void the_plain_configuration_has_no_sandbox_and_no_demo_users() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:hsqldb:mem:plain-" + UUID.randomUUID(),
                        // Keep the verifier from calling the real Apple while this test looks around.
                        "--storemetrics.verifier.interval=1h",
                        "--spring.main.banner-mode=off")) {
            assertThat(Arrays.stream(app.getBeanDefinitionNames())
                            .map(name -> app.getBeanFactory().getType(name))
                            .filter(type ->
                                    type != null && type.getPackageName().startsWith("com.storemetrics.sandbox")))
                    .isEmpty();
            assertThat(app.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM app_user", Integer.class))
                    .isZero();
            String port = app.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> world = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/sandbox/apple/control/world"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(world.statusCode()).isNotEqualTo(200);
            assertThat(world.body()).doesNotContain("privateKeyPem");
        }
    }

    @Test
    void production_mode_with_the_sandbox_on_refuses_to_start() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
                        .profiles("production")
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=jdbc:hsqldb:mem:refused-" + UUID.randomUUID(),
                                "--storemetrics.sandbox.enabled=true",
                                "--storemetrics.apple.service-access-token=not-used",
                                "--spring.main.banner-mode=off")
                        .close())
                .hasStackTraceContaining(SandboxProductionGuard.REFUSAL);
    }

    @Test
    void production_mode_with_another_nodes_sandbox_refuses_to_start() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
                        .profiles("production")
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=jdbc:hsqldb:mem:refused-" + UUID.randomUUID(),
                                "--storemetrics.sandbox.shared-url=http://localhost:8081",
                                "--storemetrics.apple.service-access-token=not-used",
                                "--spring.main.banner-mode=off")
                        .close())
                .hasStackTraceContaining("storemetrics.sandbox.shared-url is set in production mode");
    }
}
