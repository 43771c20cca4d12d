package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The control API over real HTTP with input a developer's mistake (or a hostile page) could send:
 * the clock moves at most two years ahead in total, only exactly {@code application/json} passes
 * the JSON-only rule, and no body makes it answer 500.
 */
class ControlApiInputTest extends SpringTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private SandboxControl sandbox;

    @BeforeEach
    void sandboxOnThisPort() {
        sandbox = new SandboxControl(port);
    }

    @Test
    void a_clock_jump_past_two_years_is_refused_with_a_clear_400_and_time_does_not_move() throws Exception {
        Instant before = sandboxTime();

        HttpResponse<String> jump = post("/clock", "application/json", "{\"advance\":\"PT99999999999H\"}");

        assertThat(jump.statusCode()).isEqualTo(400);
        assertThat(error(jump)).contains("at most 2 years").contains("Reset");
        assertThat(Duration.between(before, sandboxTime())).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void the_clock_moves_up_to_two_years_in_total_and_no_further() throws Exception {
        assertThat(post("/clock", "application/json", "{\"advance\":\"P700D\"}").statusCode())
                .isEqualTo(200);
        assertThat(post("/clock", "application/json", "{\"advance\":\"P31D\"}").statusCode())
                .isEqualTo(200);
        Instant twoYearsOn = sandboxTime();

        HttpResponse<String> more = post("/clock", "application/json", "{\"advance\":\"PT1H\"}");

        assertThat(more.statusCode()).isEqualTo(400);
        assertThat(error(more)).contains("731 day(s) ahead now");
        assertThat(Duration.between(twoYearsOn, sandboxTime())).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void a_duration_that_is_no_duration_or_overflows_is_a_400() throws Exception {
        for (String advance : List.of("\"PT9999999999999999999H\"", "\"soon\"", "\"-PT1H\"", "5", "null")) {
            HttpResponse<String> answer = post("/clock", "application/json", "{\"advance\":" + advance + "}");
            assertThat(answer.statusCode()).as(advance).isEqualTo(400);
            assertThat(error(answer)).as(advance).isNotBlank();
        }
    }

    @Test
    void only_application_json_with_optional_parameters_passes_the_json_only_rule() throws Exception {
        String revoke = "/tokens/" + SandboxControl.ALICE_TOKEN + "/revoke";
        for (String type : List.of(
                "*/*",
                "application/*",
                "*/json",
                "text/json",
                "application/jsonx",
                "application/json-patch+json",
                "application/json, text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data")) {
            HttpResponse<String> answer = post(revoke, type, "");
            assertThat(answer.statusCode()).as(type).isEqualTo(415);
            assertThat(error(answer)).as(type).contains("application/json");
        }
        assertThat(aliceRevoked()).as("nothing passed").isFalse();

        assertThat(post(revoke, "Application/JSON; charset=UTF-8", "").statusCode())
                .isEqualTo(200);
        assertThat(aliceRevoked()).isTrue();
    }

    @Test
    void no_body_makes_any_control_call_answer_500() throws Exception {
        List<String> bodies = List.of(
                "",
                "null",
                "[]",
                "42",
                "\"text\"",
                "{",
                "{\"mode\":5}",
                "{\"count\":\"many\"}",
                "{\"mode\":\"HTTP_500\",\"count\":99999999999999}",
                "{\"latencyMs\":-1,\"mode\":\"LATENCY\"}",
                "{\"hourlyBudget\":-5}",
                "{\"hourlyBudget\":\"x\"}",
                "{\"email\":null,\"roles\":null}",
                "{\"email\":\"x@example.com\",\"roles\":[\"NOT_A_ROLE\"]}",
                "{\"roles\":\"SALES\"}",
                "{\"version\":[1]}",
                "{\"advance\":{}}");
        for (String path : List.of(
                "/faults",
                "/clock",
                "/rate-limit",
                "/report-version",
                "/accounts/100001/invitations",
                "/accounts/no-such/invitations",
                "/invitations/no-such/accept",
                "/reset")) {
            for (String body : bodies) {
                for (String type : List.of("application/json", "*/*", "application/*")) {
                    HttpResponse<String> answer = post(path, type, body);
                    assertThat(answer.statusCode())
                            .as("POST " + path + " (" + type + ") " + body + " -> " + answer.body())
                            .isBetween(200, 499);
                    if (answer.statusCode() >= 400) {
                        assertThat(error(answer)).as(path + " " + body).isNotBlank();
                    }
                }
            }
            sandbox.reset();
        }
    }

    private Instant sandboxTime() {
        return Instant.parse(sandbox.world().path("now").asText());
    }

    private boolean aliceRevoked() {
        for (var appleId : sandbox.world().path("appleIds")) {
            if (SandboxControl.ALICE_TOKEN.equals(appleId.path("token").asText())) {
                return appleId.path("revoked").asBoolean();
            }
        }
        throw new AssertionError("Alice's token is not in the world");
    }

    private String error(HttpResponse<String> answer) throws Exception {
        return json.readTree(answer.body()).path("error").asText();
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/apple/control" + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
