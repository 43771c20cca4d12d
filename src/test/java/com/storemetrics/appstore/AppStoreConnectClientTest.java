package com.storemetrics.appstore;

import static com.storemetrics.appstore.ReporterClientTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import com.storemetrics.appstore.AppleFailure.Kind;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the API client sends and how it reads each kind of answer, over real HTTP to a scripted server. */
class AppStoreConnectClientTest {

    private static final String JSON = "application/json";
    private static final String RATE = "user-hour-lim:3600;user-hour-rem:3417;";

    private final ScriptedHttpServer apple;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
    private final AppleCallAccounting accounting = new AppleCallAccounting(clock);
    private final ApiTokens tokens = new ApiTokens(clock);
    private final AppStoreConnectClient client;
    private final ApiCredential.ApiKey key =
            tokens.parseKey("6e0a7c1e-0003-4000-8000-000000100003", "NWG7ADMIN1", TestKeys.pem(TestKeys.p256()));

    AppStoreConnectClientTest() throws IOException {
        apple = new ScriptedHttpServer();
        client = TestClients.api(TestClients.properties(apple.base()), tokens, accounting, clock);
    }

    @AfterEach
    void stop() {
        apple.close();
    }

    @Test
    void apps_are_read_through_every_page_by_following_links_next_as_sent() {
        String next = apple.base() + "/v1/apps?cursor=opaque.Mg&limit=200";
        apple.then(
                        200,
                        JSON,
                        new String(Fixtures.bytes("apps-page-1.json"))
                                .replace("https://api.appstoreconnect.apple.com/v1/apps?cursor=Mg.ABCD&limit=2", next),
                        "X-Rate-Limit",
                        RATE)
                .then(
                        200,
                        JSON,
                        Fixtures.bytes("apps-page-2.json"),
                        "X-Rate-Limit",
                        "user-hour-lim:3600;user-hour-rem:3416;");

        List<AppleApp> apps = client.listApps(key);

        assertThat(apps).extracting(AppleApp::id).containsExactly("1000000001", "1000000002", "1000000003");
        assertThat(apple.received())
                .extracting(ScriptedHttpServer.Received::pathAndQuery)
                .containsExactly("/v1/apps?limit=200", "/v1/apps?cursor=opaque.Mg&limit=200");
        assertThat(client.rateLimitRemaining("NWG7ADMIN1")).hasValue(3416);
        assertThat(accounting.requestsInLastHour(AppleProtocol.APP_STORE_CONNECT_API))
                .isEqualTo(2);
    }

    @Test
    void every_request_carries_a_bearer_es256_jwt_for_the_key() throws Exception {
        apple.then(200, JSON, Fixtures.bytes("apps-page-2.json"));

        client.listApps(key);

        String authorization = apple.received().get(0).header("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("NWG7ADMIN1");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("appstoreconnect-v1");
    }

    @Test
    void a_next_link_to_another_host_is_not_followed_so_the_jwt_stays_with_apple() {
        apple.then(200, JSON, Fixtures.bytes("apps-page-1.json"));

        AppleFailure failure = assertFailure(() -> client.listApps(key), Kind.UNEXPECTED_ANSWER, "could not read");

        assertThat(failure.getMessage()).contains("another host");
        assertThat(apple.received()).hasSize(1);
    }

    @Test
    void a_next_link_back_to_a_read_page_stops_the_loop() {
        String loop = "{\"data\":[{\"type\":\"apps\",\"id\":\"1\",\"attributes\":{\"name\":\"A\"}}],"
                + "\"links\":{\"next\":\"" + apple.base() + "/v1/apps?limit=200\"}}";
        apple.then(200, JSON, loop).then(200, JSON, loop);

        AppleFailure failure = assertFailure(() -> client.listApps(key), Kind.UNEXPECTED_ANSWER, "could not read");

        assertThat(failure.getMessage()).contains("already read");
        assertThat(apple.received()).hasSize(1);
    }

    @Test
    void endless_distinct_pages_stop_at_the_page_limit() {
        AppStoreProperties properties = TestClients.properties(apple.base());
        AppStoreConnectClient limited = TestClients.api(
                new AppStoreProperties(
                        properties.reporterUrl(),
                        properties.apiUrl(),
                        null,
                        null,
                        properties.connectTimeout(),
                        properties.readTimeout(),
                        1,
                        properties.retryBackoff(),
                        properties.maxResponseBytes(),
                        3),
                tokens,
                accounting,
                clock);
        for (int page = 1; page <= 4; page++) {
            apple.then(
                    200,
                    JSON,
                    "{\"data\":[],\"links\":{\"next\":\"" + apple.base() + "/v1/apps?cursor=" + page + "\"}}");
        }

        AppleFailure failure = assertFailure(() -> limited.listApps(key), Kind.UNEXPECTED_ANSWER, "could not read");

        assertThat(failure.getMessage()).contains("more than 3 pages");
        assertThat(apple.received()).hasSize(3);
    }

    @Test
    void a_401_is_retried_once_with_a_freshly_minted_token() {
        apple.then(401, JSON, Fixtures.bytes("error-unauthorized.json"))
                .then(200, JSON, Fixtures.bytes("apps-page-2.json"));
        clock.advance(Duration.ofSeconds(1));

        assertThat(client.listApps(key)).hasSize(1);

        List<ScriptedHttpServer.Received> requests = apple.received();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).header("Authorization"))
                .isNotEqualTo(requests.get(0).header("Authorization"));
    }

    @Test
    void a_second_401_is_unauthorized_and_talks_about_the_key() {
        apple.then(401, JSON, Fixtures.bytes("error-unauthorized.json"))
                .then(401, JSON, Fixtures.bytes("error-unauthorized.json"))
                .then(200, JSON, Fixtures.bytes("apps-page-2.json"));

        AppleFailure failure =
                assertFailure(() -> client.listApps(key), Kind.UNAUTHORIZED, "Apple rejected the API key");
        assertThat(failure.getMessage()).contains("NOT_AUTHORIZED");
        assertThat(apple.received()).hasSize(2);
    }

    @Test
    void a_ready_made_jwt_is_not_retried_after_a_401() {
        String jwt = tokens.bearerFor(key);
        apple.then(401, JSON, Fixtures.bytes("error-unauthorized.json"))
                .then(200, JSON, Fixtures.bytes("apps-page-2.json"));

        AppleFailure failure = assertFailure(
                () -> client.listApps(tokens.checkReadyMade(jwt)), Kind.UNAUTHORIZED, "Apple rejected the JWT");
        assertThat(apple.received()).hasSize(1);
        assertThat(failure.userMessage() + failure.getMessage()).doesNotContain(jwt);
    }

    @Test
    void a_403_for_missing_agreements_says_so_even_without_detail() {
        apple.then(403, JSON, Fixtures.bytes("error-no-detail.json"));

        assertFailure(
                () -> client.getDailySalesSummary(key, "85000003", LocalDate.of(2026, 11, 27)),
                Kind.FORBIDDEN,
                "agreements are missing or expired");
    }

    @Test
    void a_403_on_sales_reports_names_the_roles_that_may_read_them() {
        apple.then(403, JSON, "{\"errors\":[{\"status\":\"403\",\"code\":\"FORBIDDEN_ERROR\",\"title\":\"no\"}]}");

        assertFailure(
                () -> client.getDailySalesSummary(key, "85000003", LocalDate.of(2026, 11, 27)),
                Kind.FORBIDDEN,
                "Sales, Finance or Admin role");
    }

    @Test
    void a_429_is_rate_limited_with_its_retry_after_and_not_retried() {
        apple.then(
                429,
                JSON,
                "{\"errors\":[{\"status\":\"429\",\"code\":\"RATE_LIMIT_EXCEEDED\",\"title\":\"x\"}]}",
                "Retry-After",
                "120",
                "X-Rate-Limit",
                "user-hour-lim:3600;user-hour-rem:0;");

        AppleFailure failure =
                assertFailure(() -> client.listApps(key), Kind.RATE_LIMITED, "Try again in about 2 minutes");

        assertThat(failure.retryAfter()).contains(Duration.ofMinutes(2));
        assertThat(failure.userMessage()).contains("3600 requests an hour");
        assertThat(client.rateLimitRemaining("NWG7ADMIN1")).hasValue(0);
        assertThat(apple.received()).hasSize(1);
    }

    @Test
    void users_and_invitations_are_filtered_by_the_encoded_address() {
        apple.then(200, JSON, Fixtures.bytes("users.json")).then(200, JSON, Fixtures.bytes("invitations.json"));

        assertThat(client.findUsers(key, "integration+ci@storemetrics.example")).hasSize(2);
        assertThat(client.findInvitations(key, "integration@storemetrics.example"))
                .hasSize(2);

        assertThat(apple.received())
                .extracting(ScriptedHttpServer.Received::pathAndQuery)
                .containsExactly(
                        "/v1/users?filter%5Busername%5D=integration%2Bci%40storemetrics.example&limit=200",
                        "/v1/userInvitations?filter%5Bemail%5D=integration%40storemetrics.example&limit=200");
    }

    @Test
    void an_invitation_is_posted_and_the_created_one_returned() throws IOException {
        apple.then(201, JSON, Fixtures.bytes("invitation-created.json"));

        InvitationOutcome outcome = client.createInvitation(
                key,
                new InvitationRequest(
                        "integration@storemetrics.example",
                        "Storemetrics",
                        "Integration",
                        List.of("SALES"),
                        true,
                        List.of()));

        assertThat(outcome.result()).isEqualTo(InvitationOutcome.Result.SENT);
        assertThat(outcome.invitation().id()).isEqualTo("inv-9");
        ScriptedHttpServer.Received request = apple.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/v1/userInvitations");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.path("data").path("attributes").path("email").asText())
                .isEqualTo("integration@storemetrics.example");
    }

    @Test
    void a_409_is_already_invited_or_already_member_by_its_detail() {
        apple.then(409, JSON, Fixtures.bytes("error-409.json"))
                .then(
                        409,
                        JSON,
                        "{\"errors\":[{\"status\":\"409\",\"code\":\"ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE\","
                                + "\"detail\":\"integration@storemetrics.example is already a member of this team.\"}]}")
                .then(409, null, new byte[0]);
        InvitationRequest request = new InvitationRequest(
                "integration@storemetrics.example", "Storemetrics", "Integration", List.of("SALES"), true, List.of());

        InvitationOutcome pending = client.createInvitation(key, request);
        InvitationOutcome member = client.createInvitation(key, request);
        InvitationOutcome unsaid = client.createInvitation(key, request);

        assertThat(pending.result()).isEqualTo(InvitationOutcome.Result.ALREADY_INVITED);
        assertThat(pending.detail()).contains("already pending");
        assertThat(member.result()).isEqualTo(InvitationOutcome.Result.ALREADY_MEMBER);
        assertThat(unsaid.result()).isEqualTo(InvitationOutcome.Result.ALREADY_INVITED);
    }

    @Test
    void a_409_for_an_invalid_invitation_is_no_duplicate_but_an_unexpected_answer() {
        apple.then(
                409,
                JSON,
                "{\"errors\":[{\"status\":\"409\",\"code\":\"ENTITY_ERROR.RELATIONSHIP.REQUIRED\","
                        + "\"title\":\"The provided entity is missing a required relationship\","
                        + "\"detail\":\"You must provide visibleApps when allAppsVisible is false\"}]}");

        AppleFailure failure = assertFailure(
                () -> client.createInvitation(
                        key, new InvitationRequest("a@b.example", "A", "B", List.of("SALES"), false, List.of())),
                Kind.UNEXPECTED_ANSWER,
                "You must provide visibleApps");
        assertThat(failure.getMessage()).contains("ENTITY_ERROR.RELATIONSHIP.REQUIRED");
    }

    @Test
    void an_invitation_is_not_repeated_when_apple_fails() {
        apple.then(500, null, new byte[0]).then(201, JSON, Fixtures.bytes("invitation-created.json"));

        assertFailure(
                () -> client.createInvitation(
                        key, new InvitationRequest("a@b.example", "A", "B", List.of("SALES"), true, List.of())),
                Kind.UNAVAILABLE,
                "HTTP 500");
        assertThat(apple.received()).hasSize(1);
    }

    @Test
    void an_invitation_without_admin_rights_is_forbidden_naming_the_admin_role() {
        apple.then(403, JSON, "{\"errors\":[{\"status\":\"403\",\"code\":\"FORBIDDEN_ERROR\"}]}");

        assertFailure(
                () -> client.createInvitation(
                        key, new InvitationRequest("a@b.example", "A", "B", List.of("SALES"), true, List.of())),
                Kind.FORBIDDEN,
                "Admin role");
    }

    @Test
    void deleting_an_invitation_that_is_gone_counts_as_deleted() {
        apple.then(204, null, new byte[0])
                .then(404, JSON, "{\"errors\":[{\"status\":\"404\",\"code\":\"NOT_FOUND\"}]}");

        client.deleteInvitation(key, "inv-1");
        client.deleteInvitation(key, "inv-1");

        assertThat(apple.received())
                .extracting(ScriptedHttpServer.Received::method)
                .containsExactly("DELETE", "DELETE");
        assertThat(apple.received().get(0).pathAndQuery()).isEqualTo("/v1/userInvitations/inv-1");
    }

    @Test
    void a_sales_report_is_requested_with_apples_filters_and_unpacked() {
        apple.then(200, "application/a-gzip", Fixtures.gzip(Fixtures.bytes("sales-reordered.tsv")));

        SalesReport report = client.getDailySalesSummary(key, "85000003", LocalDate.of(2026, 1, 5));

        assertThat(report.rows()).extracting(SalesRow::units).containsExactly(3, -2);
        assertThat(apple.received().get(0).pathAndQuery())
                .isEqualTo("/v1/salesReports?filter%5Bfrequency%5D=DAILY"
                        + "&filter%5BreportType%5D=SALES&filter%5BreportSubType%5D=SUMMARY&filter%5BvendorNumber%5D=85000003"
                        + "&filter%5BreportDate%5D=2026-01-05&filter%5Bversion%5D=1_0");
    }

    @Test
    void a_day_without_sales_is_an_empty_report_but_another_404_is_not() {
        apple.then(
                        404,
                        JSON,
                        "{\"errors\":[{\"status\":\"404\",\"code\":\"NOT_FOUND\",\"title\":\"x\","
                                + "\"detail\":\"There were no sales for the date specified.\"}]}")
                .then(
                        404,
                        JSON,
                        "{\"errors\":[{\"status\":\"404\",\"code\":\"NOT_FOUND\",\"title\":\"The specified "
                                + "resource does not exist\"}]}");

        assertThat(client.getDailySalesSummary(key, "85000003", LocalDate.of(2026, 1, 5))
                        .isEmpty())
                .isTrue();
        assertFailure(
                () -> client.getDailySalesSummary(key, "85000003", LocalDate.of(2026, 1, 5)),
                Kind.UNEXPECTED_ANSWER,
                "The specified resource does not exist");
    }

    @Test
    void json_with_the_wrong_content_type_or_garbage_is_an_unexpected_answer() {
        apple.then(200, "text/html", Fixtures.bytes("apps-page-2.json")).then(200, JSON, Fixtures.bytes("garbage.bin"));

        assertFailure(() -> client.listApps(key), Kind.UNEXPECTED_ANSWER, "could not read");
        assertFailure(() -> client.listApps(key), Kind.UNEXPECTED_ANSWER, "could not read");
    }

    @Test
    void a_400_is_an_unexpected_answer_with_apples_detail() {
        apple.then(
                400,
                JSON,
                "{\"errors\":[{\"status\":\"400\",\"code\":\"PARAMETER_ERROR.INVALID\","
                        + "\"title\":\"A parameter has an invalid value\",\"detail\":\"'500' is not a valid value for limit\"}]}");

        AppleFailure failure = assertFailure(
                () -> client.listApps(key), Kind.UNEXPECTED_ANSWER, "'500' is not a valid value for limit");
        assertThat(failure.getMessage()).contains("PARAMETER_ERROR.INVALID");
        assertThat(apple.received()).hasSize(1);
    }
}
