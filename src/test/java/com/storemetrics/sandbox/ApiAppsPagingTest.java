package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiAppsPagingTest extends SandboxHttpTest {

    @Test
    void the_230_apps_of_northwind_games_come_in_two_pages_of_up_to_200() throws Exception {
        List<JsonNode> pages = followPages("/v1/apps?limit=200");

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).path("data")).hasSize(200);
        assertThat(pages.get(1).path("data")).hasSize(30);
        assertThat(pages.get(0).path("meta").path("paging").path("total").asInt())
                .isEqualTo(230);
        assertThat(pages.get(0).path("meta").path("paging").path("limit").asInt())
                .isEqualTo(200);
        assertThat(pages.get(1).path("links").has("next")).isFalse();
        assertThat(appIds(pages))
                .hasSize(230)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[1-9]\\d{9}"));
    }

    @Test
    void limit_50_pages_through_the_same_230_apps_in_five_pages() throws Exception {
        List<JsonNode> pages = followPages("/v1/apps?limit=50");

        assertThat(pages).extracting(page -> page.path("data").size()).containsExactly(50, 50, 50, 50, 30);
        assertThat(new HashSet<>(appIds(pages))).isEqualTo(new HashSet<>(appIds(followPages("/v1/apps?limit=200"))));
    }

    @Test
    void without_limit_a_page_holds_50_apps_with_their_attributes() throws Exception {
        JsonNode page = JSON.readTree(
                apiGet("/v1/apps", validJwt(ADMIN_KEY, ADMIN_ISSUER)).body());

        assertThat(page.path("data")).hasSize(50);
        JsonNode app = page.path("data").get(0);
        assertThat(app.path("type").asText()).isEqualTo("apps");
        assertThat(app.path("attributes").path("name").asText()).isNotBlank();
        assertThat(app.path("attributes").path("bundleId").asText()).startsWith("com.northwindgames.");
        assertThat(app.path("attributes").path("sku").asText()).startsWith("NWG-");
        assertThat(app.path("attributes").path("primaryLocale").asText()).isEqualTo("en-US");
        assertThat(page.path("links").path("next").asText())
                .startsWith("http://localhost:" + port + "/sandbox/apple/v1/apps?")
                .contains("cursor=");
    }

    @Test
    void a_key_sees_only_its_own_teams_apps() throws Exception {
        JsonNode page = JSON.readTree(
                apiGet("/v1/apps", validJwt(SALES_KEY, SALES_ISSUER)).body());

        assertThat(page.path("meta").path("paging").path("total").asInt()).isEqualTo(4);
        assertThat(page.path("data").get(0).path("attributes").path("bundleId").asText())
                .startsWith("com.bluebirdlabs.");
    }

    @Test
    void a_limit_outside_1_to_200_or_a_made_up_cursor_answers_400() throws Exception {
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        for (String query :
                List.of("limit=201", "limit=0", "limit=many", "cursor=not-a-cursor", "cursor=eyJvZmZzZXQiOiI5OTkifQ")) {
            HttpResponse<String> response = apiGet("/v1/apps?" + query, token);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(JSON.readTree(response.body())
                            .path("errors")
                            .get(0)
                            .path("code")
                            .asText())
                    .isEqualTo("PARAMETER_ERROR.INVALID");
        }
    }

    private List<JsonNode> followPages(String first) throws Exception {
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = JSON.readTree(apiGet(first, token).body());
        pages.add(page);
        while (page.path("links").has("next")) {
            URI next = URI.create(page.path("links").path("next").asText());
            HttpResponse<String> response =
                    apiGet(next.getRawPath().substring("/sandbox/apple".length()) + "?" + next.getRawQuery(), token);
            assertThat(response.statusCode()).isEqualTo(200);
            page = JSON.readTree(response.body());
            pages.add(page);
            assertThat(pages).hasSizeLessThan(10);
        }
        return pages;
    }

    private static List<String> appIds(List<JsonNode> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(
                page -> page.path("data").forEach(app -> ids.add(app.path("id").asText())));
        return ids;
    }
}
