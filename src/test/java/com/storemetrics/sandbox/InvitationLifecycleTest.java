package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The account holder's and the invitee's actions through the control API, seen through Apple's protocols. */
class InvitationLifecycleTest extends SandboxHttpTest {

    private static final String INVITE_SERVICE = "{\"email\":\"" + SERVICE_APPLE_ID + "\",\"roles\":[\"SALES\"]}";

    @Test
    void an_invitation_is_pending_for_three_days() throws Exception {
        HttpResponse<String> created = control("POST", "/accounts/100001/invitations", INVITE_SERVICE);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode invitation = JSON.readTree(created.body());
        assertThat(invitation.path("email").asText()).isEqualTo(SERVICE_APPLE_ID);
        assertThat(invitation.path("roles").get(0).asText()).isEqualTo("SALES");
        assertThat(Duration.between(
                        Instant.parse(invitation.path("createdAt").asText()),
                        Instant.parse(invitation.path("expiresAt").asText())))
                .isEqualTo(Duration.ofDays(3));
        JsonNode pending = account("100001").path("pendingInvitations");
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).path("id").asText())
                .isEqualTo(invitation.path("id").asText());
    }

    @Test
    void inviting_again_while_pending_answers_409() throws Exception {
        control("POST", "/accounts/100001/invitations", INVITE_SERVICE);

        HttpResponse<String> duplicate = control("POST", "/accounts/100001/invitations", INVITE_SERVICE);

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(duplicate.body()).path("error").asText()).contains("already been invited");
    }

    @Test
    void accepting_makes_the_service_apple_id_a_member_its_token_sees_and_the_invitation_is_gone() throws Exception {
        String id = invite("100001");

        HttpResponse<String> accepted = control("POST", "/invitations/" + id + "/accept", null);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(account("100001").path("pendingInvitations")).isEmpty();
        assertThat(account("100001").path("members"))
                .extracting(m -> m.path("email").asText())
                .contains(SERVICE_APPLE_ID);
        assertThat(reporterAccountNumbers(SERVICE_TOKEN)).containsExactly("100001");
        assertThat(reporter(SERVICE_TOKEN, "100001", "Sales.getVendors").statusCode())
                .isEqualTo(200);
        assertThat(control("POST", "/invitations/" + id + "/accept", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void an_invitation_expires_after_three_days_of_sandbox_time_and_can_no_longer_be_accepted() throws Exception {
        String id = invite("100002");

        HttpResponse<String> moved = control("POST", "/clock", "{\"advance\":\"PT73H\"}");

        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(account("100002").path("pendingInvitations")).isEmpty();
        HttpResponse<String> late = control("POST", "/invitations/" + id + "/accept", null);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(late.body()).path("error").asText()).contains("expired");
        assertThat(reporterAccountNumbers(SERVICE_TOKEN)).isEmpty();
        // An expired invitation does not block a new one.
        assertThat(control("POST", "/accounts/100002/invitations", INVITE_SERVICE)
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void the_account_holder_lets_an_invitation_expire_at_once() throws Exception {
        String id = invite("100001");

        assertThat(control("POST", "/invitations/" + id + "/expire", null).statusCode())
                .isEqualTo(200);

        assertThat(account("100001").path("pendingInvitations")).isEmpty();
        assertThat(control("POST", "/invitations/" + id + "/accept", null).statusCode())
                .isEqualTo(409);
    }

    @Test
    void removing_the_service_apple_id_takes_the_account_off_its_reporter_token() throws Exception {
        control("POST", "/invitations/" + invite("100001") + "/accept", null);
        control("POST", "/invitations/" + invite("100002") + "/accept", null);
        assertThat(reporterAccountNumbers(SERVICE_TOKEN)).containsExactly("100001", "100002");

        HttpResponse<String> removed = control("DELETE", "/accounts/100001/users/" + SERVICE_APPLE_ID, null);

        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(reporterAccountNumbers(SERVICE_TOKEN)).containsExactly("100002");
        assertThat(reporter(SERVICE_TOKEN, "100001", "Sales.getVendors").statusCode())
                .isEqualTo(403);
        assertThat(control("DELETE", "/accounts/100001/users/" + SERVICE_APPLE_ID, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_account_holder_cannot_be_removed() throws Exception {
        HttpResponse<String> response = control("DELETE", "/accounts/100001/users/alice@pixelforge.example", null);

        assertThat(response.statusCode()).isEqualTo(409);
    }

    @Test
    void a_revoked_or_expired_token_answers_401() throws Exception {
        assertThat(control("POST", "/tokens/" + ALICE_TOKEN + "/revoke", null).statusCode())
                .isEqualTo(200);
        assertThat(control("POST", "/tokens/" + BOB_TOKEN + "/expire", null).statusCode())
                .isEqualTo(200);

        assertThat(reporter(ALICE_TOKEN, null, "Sales.getAccounts").statusCode())
                .isEqualTo(401);
        assertThat(reporter(BOB_TOKEN, null, "Sales.getAccounts").statusCode()).isEqualTo(401);
        JsonNode alice = appleId("alice@pixelforge.example");
        assertThat(alice.path("revoked").asBoolean()).isTrue();
        assertThat(appleId("bob@pixelforge.example").path("expired").asBoolean())
                .isTrue();
    }

    @Test
    void a_reporter_token_lapses_after_its_180_days() throws Exception {
        assertThat(reporter(ALICE_TOKEN, null, "Sales.getAccounts").statusCode())
                .isEqualTo(200);

        control("POST", "/clock", "{\"advance\":\"P151D\"}");

        assertThat(reporter(ALICE_TOKEN, null, "Sales.getAccounts").statusCode())
                .isEqualTo(401);
    }

    @Test
    void the_world_shows_the_seeded_demo_data_with_secrets() throws Exception {
        JsonNode world = world();

        assertThat(world.path("serviceAppleId").asText()).isEqualTo(SERVICE_APPLE_ID);
        assertThat(world.path("accounts"))
                .extracting(
                        a -> a.path("number").asText() + " " + a.path("name").asText() + " " + a.path("vendors") + " "
                                + a.path("appCount").asInt())
                .containsExactly(
                        "100001 Pixel Forge Studio [\"85000001\"] 5",
                        "100002 Alice Martin [\"85000002\"] 3",
                        "100003 Northwind Games [\"85000003\",\"85000004\"] 230",
                        "100004 Bluebird Labs [\"85000005\"] 4");
        assertThat(appleId("dana@oldstudio.example").path("expired").asBoolean())
                .isTrue();
        assertThat(appleId("erin@oldstudio.example").path("revoked").asBoolean())
                .isTrue();
        assertThat(appleId("alice@pixelforge.example").path("token").asText()).isEqualTo(ALICE_TOKEN);
        assertThat(world.path("apiKeys"))
                .extracting(k -> k.path("keyId").asText() + " " + k.path("role").asText() + " "
                        + k.path("account").asText() + " " + k.path("issuerId").asText())
                .containsExactly("NWG7ADMIN1 ADMIN 100003 " + ADMIN_ISSUER, "BBL5SALES1 SALES 100004 " + SALES_ISSUER);
        assertThat(world.path("apiKeys").get(0).path("privateKeyPem").asText())
                .startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void reset_restores_the_seeded_world_and_the_clock_but_keeps_the_key_pairs() throws Exception {
        String pem = world().path("apiKeys").get(0).path("privateKeyPem").asText();
        control("POST", "/invitations/" + invite("100001") + "/accept", null);
        control("POST", "/tokens/" + ALICE_TOKEN + "/revoke", null);
        control("POST", "/clock", "{\"advance\":\"P2D\"}");

        assertThat(control("POST", "/reset", null).statusCode()).isEqualTo(200);

        assertThat(reporterAccountNumbers(SERVICE_TOKEN)).isEmpty();
        assertThat(reporter(ALICE_TOKEN, null, "Sales.getAccounts").statusCode())
                .isEqualTo(200);
        assertThat(Duration.between(Instant.now(), sandboxNow()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(world().path("apiKeys").get(0).path("privateKeyPem").asText())
                .isEqualTo(pem);
    }

    @Test
    void the_control_api_answers_its_own_errors_as_json() throws Exception {
        assertThat(control("POST", "/accounts/999999/invitations", INVITE_SERVICE)
                        .statusCode())
                .isEqualTo(404);
        assertThat(control("POST", "/accounts/100001/invitations", "{\"email\":\"nobody\",\"roles\":[\"SALES\"]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(control("POST", "/invitations/nope/accept", null).statusCode())
                .isEqualTo(404);
        assertThat(control("POST", "/tokens/nope/revoke", null).statusCode()).isEqualTo(404);
        assertThat(control("POST", "/clock", "{\"advance\":\"tomorrow\"}").statusCode())
                .isEqualTo(400);
        assertThat(control("POST", "/clock", "{\"advance\":\"-PT1H\"}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> unreadable = control("POST", "/faults", "{mode");
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unreadable.body()).path("error").asText()).isNotBlank();
    }

    private String invite(String accountNumber) throws Exception {
        HttpResponse<String> created = control("POST", "/accounts/" + accountNumber + "/invitations", INVITE_SERVICE);
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asText();
    }

    private JsonNode appleId(String email) throws Exception {
        for (JsonNode appleId : world().path("appleIds")) {
            if (appleId.path("email").asText().equals(email)) {
                return appleId;
            }
        }
        throw new AssertionError("No Apple ID " + email);
    }
}
