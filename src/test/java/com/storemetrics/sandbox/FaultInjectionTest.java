package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SandboxHttpTest {

    private static final String SERVICE_INVITATION = """
            {"data":{"type":"userInvitations","attributes":{"email":"integration@storemetrics.example",
            "firstName":"Storemetrics","lastName":"Integration","roles":["SALES"],"allAppsVisible":true}}}""";

    @Test
    void http_500_answers_the_next_n_requests_then_the_sandbox_recovers() throws Exception {
        arm("{\"mode\":\"HTTP_500\",\"count\":2}");

        assertThat(reporter(ALICE_TOKEN, null, "Sales.getAccounts").statusCode())
                .isEqualTo(500);
        assertThat(apiGet("/v1/apps", validJwt(ADMIN_KEY, ADMIN_ISSUER)).statusCode())
                .isEqualTo(500);
        assertThat(reporter(ALICE_TOKEN, null, "Sales.getAccounts").statusCode())
                .isEqualTo(200);
        assertThat(world().path("fault").isNull()).isTrue();
    }

    @Test
    void http_429_answers_as_apple_rate_limits_until_cleared() throws Exception {
        arm("{\"mode\":\"HTTP_429\"}");
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = apiGet("/v1/apps", token);
            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.headers().firstValue("X-Rate-Limit"))
                    .hasValueSatisfying(h -> assertThat(h).endsWith("user-hour-rem:0;"));
            assertThat(ApiUserInvitationsTest.errorCode(response)).isEqualTo("RATE_LIMIT_EXCEEDED");
        }
        assertThat(reporter(ALICE_TOKEN, null, "Sales.getAccounts").statusCode())
                .isEqualTo(429);

        assertThat(control("DELETE", "/faults", null).statusCode()).isEqualTo(204);
        assertThat(apiGet("/v1/apps", token).statusCode()).isEqualTo(200);
    }

    @Test
    void garbage_answers_200_with_bytes_that_are_neither_xml_nor_json() throws Exception {
        arm("{\"mode\":\"GARBAGE\",\"count\":2}");

        HttpResponse<String> reporter = reporter(ALICE_TOKEN, null, "Sales.getAccounts");
        HttpResponse<String> api = apiGet("/v1/apps", validJwt(ADMIN_KEY, ADMIN_ISSUER));

        for (HttpResponse<String> response : List.of(reporter, api)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .doesNotStartWith("<?xml")
                    .doesNotStartWith("{")
                    .isNotEmpty();
            assertThatThrownBy(() -> JSON.readTree(response.body())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void a_dropped_connection_reaches_the_client_as_an_io_exception() throws Exception {
        arm("{\"mode\":\"DROP_CONNECTION\"}");
        // A fresh client, so no pooled connection muddies what the server did.
        HttpClient fresh =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> fresh.send(
                        reporterRequest("sales", reporterJson(ALICE_TOKEN, null, "Sales.getAccounts"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThatThrownBy(() -> fresh.send(
                        HttpRequest.newBuilder(url("/sandbox/apple/v1/apps"))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);

        control("DELETE", "/faults", null);
        assertThat(reporter(ALICE_TOKEN, null, "Sales.getAccounts").statusCode())
                .isEqualTo(200);
    }

    @Test
    void latency_delays_the_answer_which_then_comes_as_usual() throws Exception {
        arm("{\"mode\":\"LATENCY\",\"count\":1,\"latencyMs\":1200}");

        long started = System.nanoTime();
        HttpResponse<String> slow = reporter(ALICE_TOKEN, null, "Sales.getAccounts");
        long slowMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slow.body()).contains("<Number>100001</Number>");
        assertThat(slowMillis).isGreaterThanOrEqualTo(1200);
        started = System.nanoTime();
        reporter(ALICE_TOKEN, null, "Sales.getAccounts");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1200);
    }

    @Test
    void a_request_still_delayed_when_the_world_is_reset_is_dropped_and_never_acts_or_counts() throws Exception {
        arm("{\"mode\":\"LATENCY\",\"count\":1,\"latencyMs\":60000}");
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        // A POST: the JDK's client sends a GET again when its connection closes, into the new world.
        CompletableFuture<HttpResponse<String>> delayed = http.sendAsync(
                apiRequest("POST", "/v1/userInvitations", token, SERVICE_INVITATION)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        awaitTheDelayedRequestArrived();

        long started = System.nanoTime();
        control("POST", "/reset", null);

        assertThatThrownBy(delayed::join).hasCauseInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(account("100003").path("pendingInvitations"))
                .as("the old world's invitation never reaches the new one")
                .isEmpty();
        assertThat(apiGet("/v1/apps", token).headers().firstValue("X-Rate-Limit"))
                .as("the new world counts only its own request")
                .hasValue("user-hour-lim:3600;user-hour-rem:3599;");
    }

    @Test
    void faults_never_touch_the_control_api() throws Exception {
        arm("{\"mode\":\"HTTP_500\",\"count\":1}");

        assertThat(control("GET", "/world", null).statusCode()).isEqualTo(200);
        assertThat(world().path("fault").path("mode").asText()).isEqualTo("HTTP_500");
        assertThat(world().path("fault").path("remaining").asInt()).isEqualTo(1);
        assertThat(reporter(ALICE_TOKEN, null, "Sales.getAccounts").statusCode())
                .isEqualTo(500);
    }

    @Test
    void an_unknown_mode_or_a_latency_without_milliseconds_is_refused() throws Exception {
        assertThat(control("POST", "/faults", "{\"mode\":\"EARTHQUAKE\"}").statusCode())
                .isEqualTo(400);
        assertThat(control("POST", "/faults", "{\"mode\":\"LATENCY\"}").statusCode())
                .isEqualTo(400);
        assertThat(control("POST", "/faults", "{\"mode\":\"HTTP_500\",\"count\":0}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(world().path("fault").isNull()).isTrue();
    }

    @Test
    void reset_clears_an_armed_fault() throws Exception {
        arm("{\"mode\":\"HTTP_500\"}");

        control("POST", "/reset", null);

        assertThat(reporter(ALICE_TOKEN, null, "Sales.getAccounts").statusCode())
                .isEqualTo(200);
    }

    /** The fault counts its request down on arrival, before the delay: then the world says none is left. */
    private void awaitTheDelayedRequestArrived() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!world().path("fault").isNull()) {
            assertThat(System.nanoTime())
                    .as("the delayed request reaches the sandbox")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private void arm(String fault) throws Exception {
        HttpResponse<String> armed = control("POST", "/faults", fault);
        assertThat(armed.statusCode()).as(armed.body()).isEqualTo(200);
    }
}
