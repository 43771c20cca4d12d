package com.storemetrics.appstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storemetrics.SpringTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the contract tests: our real clients (the application's beans) over real HTTP against
 * the embedded sandbox on the shared context's random port. The sandbox's control API stages the
 * world (faults, clock, budget, membership) and is reset after every test.
 */
abstract class SandboxContract extends SpringTest {

    static final String ALICE_TOKEN = "a11ce000-0000-4000-8000-000000000002";
    static final String BOB_TOKEN = "b0b00000-0000-4000-8000-000000000003";
    static final String DANA_EXPIRED_TOKEN = "de1e7ed0-0000-4000-8000-000000000004";
    static final String ERIN_REVOKED_TOKEN = "7e70ced0-0000-4000-8000-000000000005";
    static final String SERVICE_TOKEN = "5e7c1ce0-0000-4000-8000-000000000001";
    static final String SERVICE_APPLE_ID = "integration@storemetrics.example";
    static final String NORTHWIND_ISSUER = "6e0a7c1e-0003-4000-8000-000000100003";
    static final String NORTHWIND_ADMIN_KEY = "NWG7ADMIN1";
    static final String BLUEBIRD_ISSUER = "6e0a7c1e-0004-4000-8000-000000100004";
    static final String BLUEBIRD_SALES_KEY = "BBL5SALES1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CONTROL =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    ReporterClient reporter;

    @Autowired
    AppStoreConnectClient api;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AppleCallAccounting accounting;

    @Autowired
    AppStoreProperties properties;

    @Autowired
    AppleEndpoints endpoints;

    @Autowired
    Clock clock;

    @AfterEach
    void resetSandbox() throws Exception {
        control("POST", "/reset", null);
    }

    /** A control API call; fails the test unless it answers 2xx. */
    JsonNode control(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/sandbox/apple/control" + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = CONTROL.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(
                    "control " + method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    void fault(String mode, Integer count, Integer latencyMs) throws IOException, InterruptedException {
        control(
                "POST",
                "/faults",
                "{\"mode\":\"" + mode + "\"" + (count == null ? "" : ",\"count\":" + count)
                        + (latencyMs == null ? "" : ",\"latencyMs\":" + latencyMs) + "}");
    }

    void advanceSandboxClock(String isoDuration) throws IOException, InterruptedException {
        control("POST", "/clock", "{\"advance\":\"" + isoDuration + "\"}");
    }

    /** The team key as the customer would enter it: Issuer ID, Key ID and the .p8 the sandbox generated. */
    ApiCredential.ApiKey apiKey(String keyId) throws IOException, InterruptedException {
        for (JsonNode key : control("GET", "/world", null).path("apiKeys")) {
            if (key.path("keyId").asText().equals(keyId)) {
                return tokens.parseKey(
                        key.path("issuerId").asText(),
                        keyId,
                        key.path("privateKeyPem").asText());
            }
        }
        throw new AssertionError("the sandbox has no API key " + keyId);
    }

    /**
     * Clients with their own call accounting, so a test can count exactly the requests it caused even
     * if something else in the shared context talks to the sandbox meanwhile.
     */
    record Counted<T>(T client, AppleCallAccounting accounting) {
        int sent(AppleProtocol protocol) {
            return accounting.requestsInLastHour(protocol);
        }
    }

    Counted<ReporterClient> countedReporter(AppStoreProperties with) {
        AppleCallAccounting own = new AppleCallAccounting(clock);
        return new Counted<>(new ReporterClient(with, endpoints, own, clock), own);
    }

    Counted<ReporterClient> countedReporter() {
        return countedReporter(properties);
    }

    Counted<AppStoreConnectClient> countedApi(AppStoreProperties with) {
        AppleCallAccounting own = new AppleCallAccounting(clock);
        return new Counted<>(new AppStoreConnectClient(with, endpoints, tokens, own, clock), own);
    }

    Counted<AppStoreConnectClient> countedApi() {
        return countedApi(properties);
    }
}
