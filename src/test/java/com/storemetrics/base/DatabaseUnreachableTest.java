package com.storemetrics.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.Application;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A node pointed at a PostgreSQL that is not there stops at once, says why, and never listens. */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnreachableTest {

    @Test
    void a_node_whose_database_is_unreachable_fails_to_start_with_a_clear_message(CapturedOutput output)
            throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        int webPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            webPort = probe.getLocalPort();
        }

        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
                        .profiles("test")
                        .run(
                                "--server.port=" + webPort,
                                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/storemetrics",
                                "--spring.datasource.username=storemetrics"))
                .isInstanceOf(Exception.class);

        assertThat(output.getOut() + output.getErr())
                .contains("The database cannot be reached, so this node did not start")
                .contains("Check DATABASE_URL");
        try (ServerSocket free = new ServerSocket(webPort)) {
            assertThat(free.getLocalPort())
                    .as("the node never opened its web port, or closed it")
                    .isEqualTo(webPort);
        }
    }
}
