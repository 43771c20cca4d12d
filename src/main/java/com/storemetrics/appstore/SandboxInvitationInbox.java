package com.storemetrics.appstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The invitee's side against the embedded sandbox: what the e-mail's link does at Apple. It talks
 * to the sandbox's control API over HTTP on this application's own port (see
 * {@link AppleEndpoints#sandboxControlBase()}), exactly as an outside caller would, so nothing here
 * reaches into the sandbox (no class of it is imported). Preferred over any other inbox while the
 * sandbox is on (there is no real e-mail to read then).
 *
 * <p>Failures: {@link UncheckedIOException} when the control API cannot be reached or answers
 * something unusable; {@link IllegalStateException} when it refuses (e.g. the invitation expired
 * or is gone).
 *
 * <p>Several nodes see one Apple: a node without a sandbox of its own, with
 * {@code storemetrics.sandbox.shared-url} naming the node whose sandbox everyone uses, talks to that
 * node's control API instead (docs/scale-out.md). Development only, like the sandbox itself.
 */
@Component
@Primary
@ConditionalOnExpression(SandboxInvitationInbox.ON)
class SandboxInvitationInbox implements InvitationInbox {

    /** This node's own sandbox, or another node's. */
    static final String ON = "${storemetrics.sandbox.enabled:false} or '${storemetrics.sandbox.shared-url:}' != ''";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final AppleEndpoints endpoints;
    private final ObjectMapper json;
    private final String serviceAppleId;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    SandboxInvitationInbox(
            AppleEndpoints endpoints,
            Environment environment,
            ObjectMapper json,
            @Value("${storemetrics.apple.service-apple-id:integration@storemetrics.example}") String serviceAppleId) {
        this.endpoints = endpoints;
        this.json = json;
        this.serviceAppleId = serviceAppleId;
        if (!environment.getProperty("storemetrics.sandbox.shared-url", "").isBlank()
                && (environment.acceptsProfiles(Profiles.of("production"))
                        || environment.getProperty("vaadin.productionMode", Boolean.class, false))) {
            throw new IllegalStateException("storemetrics.sandbox.shared-url is set in production mode: the sandbox "
                    + "stands in for Apple in development only. Remove it (production talks to Apple).");
        }
    }

    @Override
    public boolean canAccept() {
        return true;
    }

    @Override
    public List<ReceivedInvitation> pendingInvitations() {
        JsonNode world = call(HttpRequest.newBuilder(controlUri("/world")).GET(), 200);
        List<ReceivedInvitation> received = new ArrayList<>();
        for (JsonNode account : world.path("accounts")) {
            for (JsonNode invitation : account.path("pendingInvitations")) {
                if (serviceAppleId.equalsIgnoreCase(invitation.path("email").asText())) {
                    List<String> roles = new ArrayList<>();
                    invitation.path("roles").forEach(role -> roles.add(role.asText()));
                    received.add(new ReceivedInvitation(
                            invitation.path("id").asText(),
                            account.path("number").asText(),
                            account.path("name").asText(),
                            List.copyOf(roles),
                            Instant.parse(invitation.path("expiresAt").asText())));
                }
            }
        }
        return List.copyOf(received);
    }

    @Override
    public void accept(String invitationId) {
        String id = URLEncoder.encode(invitationId, StandardCharsets.UTF_8);
        call(
                HttpRequest.newBuilder(controlUri("/invitations/" + id + "/accept"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                200);
    }

    private JsonNode call(HttpRequest.Builder request, int expectedStatus) {
        HttpResponse<String> response;
        try {
            // The control API takes only JSON requests (see ControlApiGuard), also without a body.
            response = http.send(
                    request.timeout(REQUEST_TIMEOUT)
                            .header("Accept", "application/json")
                            .header("Content-Type", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox's control API cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("Interrupted while calling the sandbox", e));
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The sandbox's control API answered " + response.statusCode() + " with something that is not JSON",
                    e);
        }
        if (response.statusCode() != expectedStatus) {
            String error = body == null ? "" : body.path("error").asText("");
            throw new IllegalStateException("The sandbox refused (" + response.statusCode() + "): " + error);
        }
        return body;
    }

    private URI controlUri(String path) {
        return URI.create(endpoints.sandboxControlBase() + path);
    }
}
