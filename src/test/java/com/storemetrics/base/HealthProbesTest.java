package com.storemetrics.base;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The load balancer's probes answer without a login: ready once Flyway, the scheduler and the database are up. */
class HealthProbesTest extends SpringTest {

    @LocalServerPort
    int port;

    @Test
    void readiness_and_liveness_answer_up_without_a_login_and_name_what_readiness_waits_for() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
