package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiUserInvitationsTest extends SandboxHttpTest {

    private static final String SERVICE_INVITATION = """
            {"data":{"type":"userInvitations","attributes":{"email":"integration@storemetrics.example",
            "firstName":"Storemetrics","lastName":"Integration","roles":["SALES"],"allAppsVisible":true}}}""";

    @Test
    void an_admin_key_invites_the_service_apple_id_with_201() throws Exception {
        HttpResponse<String> response =
                api("POST", "/v1/userInvitations", validJwt(ADMIN_KEY, ADMIN_ISSUER), SERVICE_INVITATION);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Rate-Limit")).isPresent();
        JsonNode invitation = JSON.readTree(response.body()).path("data");
        assertThat(invitation.path("type").asText()).isEqualTo("userInvitations");
        assertThat(invitation.path("attributes").path("email").asText()).isEqualTo(SERVICE_APPLE_ID);
        assertThat(invitation.path("attributes").path("roles").get(0).asText()).isEqualTo("SALES");
        Instant expires = Instant.parse(
                invitation.path("attributes").path("expirationDate").asText());
        assertThat(expires)
                .isBetween(
                        Instant.now().plus(Duration.ofDays(3)).minusSeconds(60),
                        Instant.now().plus(Duration.ofDays(3)).plusSeconds(60));
        assertThat(account("100003")
                        .path("pendingInvitations")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo(invitation.path("id").asText());
    }

    @Test
    void a_sales_key_creating_an_invitation_gets_403() throws Exception {
        HttpResponse<String> response =
                api("POST", "/v1/userInvitations", validJwt(SALES_KEY, SALES_ISSUER), SERVICE_INVITATION);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorCode(response)).isEqualTo("FORBIDDEN_ERROR");
        assertThat(account("100004").path("pendingInvitations")).isEmpty();
    }

    @Test
    void inviting_twice_answers_409_already_invited_and_after_acceptance_409_already_a_member() throws Exception {
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        HttpResponse<String> created = api("POST", "/v1/userInvitations", token, SERVICE_INVITATION);

        HttpResponse<String> duplicate = api("POST", "/v1/userInvitations", token, SERVICE_INVITATION);
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(errorCode(duplicate)).isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE");
        assertThat(errorDetail(duplicate)).contains("already been invited");

        String id = JSON.readTree(created.body()).path("data").path("id").asText();
        assertThat(control("POST", "/invitations/" + id + "/accept", null).statusCode())
                .isEqualTo(200);

        HttpResponse<String> member = api("POST", "/v1/userInvitations", token, SERVICE_INVITATION);
        assertThat(member.statusCode()).isEqualTo(409);
        assertThat(errorCode(member)).isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE");
        assertThat(errorDetail(member)).contains("already a member");
    }

    @Test
    void an_invitation_without_a_required_attribute_answers_409_entity_error() throws Exception {
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        for (String missing : new String[] {"email", "firstName", "lastName", "roles"}) {
            String body = SERVICE_INVITATION.replaceFirst("\"" + missing + "\":(\\[[^]]*]|\"[^\"]*\"),?", "");

            HttpResponse<String> response = api("POST", "/v1/userInvitations", token, body);

            assertThat(response.statusCode()).as(missing).isEqualTo(409);
            assertThat(errorCode(response)).isEqualTo("ENTITY_ERROR.ATTRIBUTE.REQUIRED");
            assertThat(errorDetail(response)).contains("'" + missing + "'");
        }
    }

    @Test
    void invalid_invitations_are_refused_as_apple_does() throws Exception {
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);

        HttpResponse<String> badRole =
                api("POST", "/v1/userInvitations", token, SERVICE_INVITATION.replace("\"SALES\"", "\"WIZARD\""));
        HttpResponse<String> noApps = api(
                "POST",
                "/v1/userInvitations",
                token,
                SERVICE_INVITATION.replace("\"allAppsVisible\":true", "\"allAppsVisible\":false"));
        HttpResponse<String> notJson = api("POST", "/v1/userInvitations", token, "{data:");

        assertThat(badRole.statusCode()).isEqualTo(409);
        assertThat(errorCode(badRole)).isEqualTo("ENTITY_ERROR.ATTRIBUTE.INVALID");
        assertThat(noApps.statusCode()).isEqualTo(409);
        assertThat(errorCode(noApps)).startsWith("ENTITY_ERROR.RELATIONSHIP");
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void an_invitation_for_chosen_apps_names_them_in_visible_apps() throws Exception {
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        String appId = JSON.readTree(apiGet("/v1/apps?limit=1", token).body())
                .path("data")
                .get(0)
                .path("id")
                .asText();
        String body = SERVICE_INVITATION.replace(
                "\"allAppsVisible\":true}",
                "\"allAppsVisible\":false},\"relationships\":{\"visibleApps\":{\"data\":[{\"type\":\"apps\",\"id\":\"%s\"}]}}");

        assertThat(api("POST", "/v1/userInvitations", token, body.formatted(appId))
                        .statusCode())
                .isEqualTo(201);
        assertThat(api("DELETE", "/v1/userInvitations/" + pendingId("100003"), token, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(errorCode(api("POST", "/v1/userInvitations", token, body.formatted("1000000000"))))
                .isEqualTo("ENTITY_ERROR.RELATIONSHIP.INVALID");
    }

    @Test
    void pending_invitations_are_listed_by_email_and_deleted_with_204_then_404() throws Exception {
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        api("POST", "/v1/userInvitations", token, SERVICE_INVITATION);

        JsonNode listed = JSON.readTree(apiGet("/v1/userInvitations?filter%5Bemail%5D=" + SERVICE_APPLE_ID, token)
                .body());
        JsonNode other = JSON.readTree(apiGet("/v1/userInvitations?filter%5Bemail%5D=someone@else.example", token)
                .body());
        assertThat(listed.path("data")).hasSize(1);
        assertThat(other.path("data")).isEmpty();
        String id = listed.path("data").get(0).path("id").asText();

        assertThat(api("DELETE", "/v1/userInvitations/" + id, token, null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> again = api("DELETE", "/v1/userInvitations/" + id, token, null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(errorCode(again)).isEqualTo("NOT_FOUND");
        assertThat(account("100003").path("pendingInvitations")).isEmpty();
    }

    @Test
    void an_accepted_invitation_turns_into_a_user_of_the_team() throws Exception {
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        String id = JSON.readTree(api("POST", "/v1/userInvitations", token, SERVICE_INVITATION)
                        .body())
                .path("data")
                .path("id")
                .asText();
        String query = "/v1/users?filter%5Busername%5D=" + SERVICE_APPLE_ID;
        assertThat(JSON.readTree(apiGet(query, token).body()).path("data")).isEmpty();

        control("POST", "/invitations/" + id + "/accept", null);

        JsonNode user = JSON.readTree(apiGet(query, token).body()).path("data").get(0);
        assertThat(user.path("type").asText()).isEqualTo("users");
        assertThat(user.path("attributes").path("username").asText()).isEqualTo(SERVICE_APPLE_ID);
        assertThat(user.path("attributes").path("roles").get(0).asText()).isEqualTo("SALES");
        assertThat(user.path("attributes").path("allAppsVisible").asBoolean()).isTrue();
        assertThat(JSON.readTree(apiGet("/v1/userInvitations", token).body()).path("data"))
                .isEmpty();
    }

    @Test
    void users_lists_the_team_with_roles() throws Exception {
        JsonNode users = JSON.readTree(
                apiGet("/v1/users", validJwt(SALES_KEY, SALES_ISSUER)).body());

        assertThat(users.path("data"))
                .extracting(u -> u.path("attributes").path("username").asText())
                .containsExactly("dana@oldstudio.example", "erin@oldstudio.example");
        assertThat(users.path("meta").path("paging").path("total").asInt()).isEqualTo(2);
    }

    private String pendingId(String account) throws Exception {
        return account(account).path("pendingInvitations").get(0).path("id").asText();
    }

    static String errorCode(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("errors").get(0).path("code").asText();
    }

    static String errorDetail(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body())
                .path("errors")
                .get(0)
                .path("detail")
                .asText();
    }
}
