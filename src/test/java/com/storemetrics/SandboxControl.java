package com.storemetrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * Drives the embedded sandbox's control API over HTTP, the way a script or the account holder
 * would (docs/apple-wire-contract.md, section 5): the tests' one client of it. Tests never reach
 * into the sandbox's classes. {@link KnownState} resets the sandbox before each test.
 */
public final class SandboxControl {

    public static final String SERVICE_APPLE_ID = "integration@storemetrics.example";
    public static final String ALICE_TOKEN = "a11ce000-0000-4000-8000-000000000002";
    public static final String BOB_TOKEN = "b0b00000-0000-4000-8000-000000000003";
    public static final String EXPIRED_TOKEN = "de1e7ed0-0000-4000-8000-000000000004";
    public static final String REVOKED_TOKEN = "7e70ced0-0000-4000-8000-000000000005";
    public static final String PIXEL_FORGE = "100001";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public SandboxControl(int port) {
        this.base = "http://localhost:" + port + "/sandbox/apple/control";
    }

    public JsonNode world() {
        return send("GET", "/world", null);
    }

    public void reset() {
        send("POST", "/reset", "{}");
    }

    /** What an account holder does in Users and Access: invite an e-mail address. Returns the invitation. */
    public JsonNode invite(String accountNumber, String email) {
        return send(
                "POST",
                "/accounts/" + accountNumber + "/invitations",
                "{\"email\":\"" + email + "\",\"roles\":[\"SALES\"]}");
    }

    public void acceptInvitation(String invitationId) {
        send("POST", "/invitations/" + invitationId + "/accept", "{}");
    }

    /** What an Admin does in Users and Access: sets a member's roles, e.g. {@code "SALES", "FINANCE"}. */
    public JsonNode changeRoles(String accountNumber, String email, String... roles) {
        return send(
                "POST",
                "/accounts/" + accountNumber + "/users/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/roles",
                "{\"roles\":["
                        + String.join(
                                ",",
                                Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()) + "]}");
    }

    public void removeUser(String accountNumber, String email) {
        send(
                "DELETE",
                "/accounts/" + accountNumber + "/users/" + URLEncoder.encode(email, StandardCharsets.UTF_8),
                null);
    }

    /**
     * The next {@code count} Apple-protocol requests (every one while {@code count} is null) fail the
     * given way: HTTP_500, HTTP_429, GARBAGE, DROP_CONNECTION, LATENCY (by {@code latencyMillis}).
     */
    public void fault(String mode, Integer count, Integer latencyMillis) {
        send(
                "POST",
                "/faults",
                "{\"mode\":\"" + mode + "\"" + (count == null ? "" : ",\"count\":" + count)
                        + (latencyMillis == null ? "" : ",\"latencyMs\":" + latencyMillis) + "}");
    }

    /** Moves the sandbox's time forward, e.g. {@code PT16M}. */
    public void advanceClock(String isoDuration) {
        send("POST", "/clock", "{\"advance\":\"" + isoDuration + "\"}");
    }

    /** A Reporter access token stops working, as when its Apple ID generates a new one. */
    public void revokeToken(String token) {
        send("POST", "/tokens/" + token + "/revoke", "{}");
    }

    /** Apple insists on this Sales report version from now on (null: no longer). */
    public void requireSalesReportVersion(String version) {
        send("POST", "/report-version", "{\"version\":" + (version == null ? "null" : "\"" + version + "\"") + "}");
    }

    /** Apple insists on this version of one report, "Subscription" or "SubscriptionEvent" (null: no longer). */
    public void requireReportVersion(String report, String version) {
        send(
                "POST",
                "/report-version",
                "{\"report\":\"" + report + "\",\"version\":" + (version == null ? "null" : "\"" + version + "\"")
                        + "}");
    }

    /** Apple's per-key hourly request budget. */
    public void hourlyBudget(int requests) {
        send("POST", "/rate-limit", "{\"hourlyBudget\":" + requests + "}");
    }

    public void clearFaults() {
        send("DELETE", "/faults", null);
    }

    /** The API key with this Key ID: issuerId, keyId, role, privateKeyPem. */
    public JsonNode apiKey(String keyId) {
        for (JsonNode key : world().path("apiKeys")) {
            if (keyId.equals(key.path("keyId").asText())) {
                return key;
            }
        }
        throw new IllegalStateException("The sandbox has no API key " + keyId);
    }

    /** The API key of an account from the world: issuerId, keyId, role, privateKeyPem. */
    public JsonNode apiKeyOf(String accountNumber) {
        for (JsonNode key : world().path("apiKeys")) {
            if (accountNumber.equals(key.path("account").asText())
                    || accountNumber.equals(key.path("accountNumber").asText())) {
                return key;
            }
        }
        throw new IllegalStateException("No API key for account " + accountNumber + " in " + world());
    }

    /** Any control API call (see README's table); fails unless it answers 2xx. */
    public JsonNode send(String method, String path, String body) {
        HttpResponse<String> response = exchange(method, path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " answered no JSON: " + response.body(), e);
        }
    }

    /** Any control API call, whatever it answers (for the tests of the control API itself). */
    public HttpResponse<String> exchange(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
