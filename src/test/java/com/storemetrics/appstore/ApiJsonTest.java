package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiJsonTest {

    @Test
    void an_apps_page_gives_its_apps_and_the_next_link_as_sent() {
        ApiJson.Page<AppleApp> page = ApiJson.apps(Fixtures.bytes("apps-page-1.json"));

        assertThat(page.items())
                .containsExactly(
                        new AppleApp("1000000001", "Northwind Racer", "com.northwind.racer", "NW-0001", "en-US"),
                        new AppleApp("1000000002", "Northwind Chess", "com.northwind.chess", "NW-0002", ""));
        assertThat(page.next()).contains("https://api.appstoreconnect.apple.com/v1/apps?cursor=Mg.ABCD&limit=2");
    }

    @Test
    void the_last_page_has_no_next_link() {
        ApiJson.Page<AppleApp> page = ApiJson.apps(Fixtures.bytes("apps-page-2.json"));

        assertThat(page.items()).extracting(AppleApp::name).containsExactly("Northwind Golf");
        assertThat(page.next()).isEmpty();
    }

    @Test
    void users_keep_unknown_roles_and_skip_what_is_not_a_role_name() {
        List<TeamUser> users = ApiJson.users(Fixtures.bytes("users.json")).items();

        assertThat(users).hasSize(2);
        assertThat(users.get(0))
                .isEqualTo(new TeamUser(
                        "8f2e1c3a-0000-4000-8000-000000000001",
                        "integration@storemetrics.example",
                        "Storemetrics",
                        "Integration",
                        List.of("SALES", "FINANCE", "SOME_ROLE_APPLE_ADDS_NEXT_YEAR"),
                        true));
        assertThat(users.get(1).roles()).isEmpty();
        assertThat(users.get(1).allAppsVisible()).isFalse();
    }

    @Test
    void invitations_keep_unknown_roles_and_read_the_expiry_leniently() {
        List<UserInvitation> invitations =
                ApiJson.invitations(Fixtures.bytes("invitations.json")).items();

        assertThat(invitations.get(0).roles())
                .containsExactly("SALES", "ACCESS_TO_REPORTS", "CLOUD_MANAGED_SOMETHING_NEW");
        assertThat(invitations.get(0).expirationDate()).isEqualTo(Instant.parse("2026-11-30T10:15:30Z"));
        assertThat(invitations.get(1).expirationDate()).isNull();
        assertThat(invitations.get(1).firstName()).isEmpty();
    }

    @Test
    void a_created_invitation_is_a_single_resource() {
        UserInvitation created = ApiJson.createdInvitation(Fixtures.bytes("invitation-created.json"));

        assertThat(created.id()).isEqualTo("inv-9");
        assertThat(created.allAppsVisible()).isTrue();
        assertThat(created.expirationDate()).isEqualTo(Instant.parse("2026-11-30T10:15:30Z"));
    }

    @Test
    void an_error_is_read_with_its_detail() {
        assertThat(ApiJson.firstError(Fixtures.bytes("error-409.json")))
                .contains(new ApiJson.ApiError(
                        "409",
                        "ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE",
                        "The provided entity includes an attribute with a value that has already been used.",
                        "An invitation for this email address is already pending."));
    }

    @Test
    void an_error_without_detail_has_an_empty_detail() {
        assertThat(ApiJson.firstError(Fixtures.bytes("error-no-detail.json"))).hasValueSatisfying(error -> {
            assertThat(error.code()).startsWith("FORBIDDEN.REQUIRED_AGREEMENTS");
            assertThat(error.detail()).isEmpty();
        });
    }

    @Test
    void what_is_no_error_document_has_no_error() {
        assertThat(ApiJson.firstError(Fixtures.bytes("not-json.html"))).isEmpty();
        assertThat(ApiJson.firstError(Fixtures.bytes("apps-page-1.json"))).isEmpty();
        assertThat(ApiJson.firstError("{\"errors\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ApiJson.firstError(null)).isEmpty();
    }

    @Test
    void garbage_html_and_documents_without_data_are_unreadable() {
        assertThatThrownBy(() -> ApiJson.apps(Fixtures.bytes("garbage.bin"))).isInstanceOf(UnreadableAnswer.class);
        assertThatThrownBy(() -> ApiJson.apps(Fixtures.bytes("not-json.html"))).isInstanceOf(UnreadableAnswer.class);
        assertThatThrownBy(() -> ApiJson.apps(Fixtures.bytes("error-409.json")))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("data");
        assertThatThrownBy(() -> ApiJson.apps("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableAnswer.class);
        assertThatThrownBy(() -> ApiJson.apps(new byte[0])).isInstanceOf(UnreadableAnswer.class);
    }

    @Test
    void a_resource_without_an_id_is_unreadable() {
        byte[] json =
                "{\"data\":[{\"type\":\"apps\",\"attributes\":{\"name\":\"x\"}}]}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ApiJson.apps(json))
                .isInstanceOf(UnreadableAnswer.class)
                .hasMessageContaining("id");
    }

    @Test
    void an_invitation_body_has_the_json_api_shape_of_the_contract() throws IOException {
        byte[] body = ApiJson.invitationBody(new InvitationRequest(
                "integration@storemetrics.example",
                "Storemetrics",
                "Integration",
                List.of("SALES"),
                false,
                List.of("1000000001", "1000000002")));

        JsonNode data = new ObjectMapper().readTree(body).path("data");
        assertThat(data.path("type").asText()).isEqualTo("userInvitations");
        assertThat(data.path("attributes").path("email").asText()).isEqualTo("integration@storemetrics.example");
        assertThat(data.path("attributes").path("roles").get(0).asText()).isEqualTo("SALES");
        assertThat(data.path("attributes").path("allAppsVisible").asBoolean(true))
                .isFalse();
        JsonNode apps = data.path("relationships").path("visibleApps").path("data");
        assertThat(apps).hasSize(2);
        assertThat(apps.get(1).path("type").asText()).isEqualTo("apps");
        assertThat(apps.get(1).path("id").asText()).isEqualTo("1000000002");
    }

    @Test
    void an_invitation_to_all_apps_has_no_relationships() throws IOException {
        byte[] body = ApiJson.invitationBody(
                new InvitationRequest("a@b.example", "A", "B", List.of("FINANCE"), true, List.of()));

        JsonNode data = new ObjectMapper().readTree(body).path("data");
        assertThat(data.path("attributes").path("allAppsVisible").asBoolean()).isTrue();
        assertThat(data.has("relationships")).isFalse();
    }
}
