package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storemetrics.appstore.AppleFailure.Kind;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Reporter client sends and how it reads each kind of answer, over real HTTP to a scripted server. */
class ReporterClientTest {

    private static final String TOKEN = "a11ce000-0000-4000-8000-000000000002";
    private static final String XML = "application/xml";
    private static final String NO_SALES = "<?xml version=\"1.0\"?><Error><Code>213</Code>"
            + "<Message>There were no sales for the date specified.</Message></Error>";

    private final ScriptedHttpServer apple;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));
    private final AppleCallAccounting accounting = new AppleCallAccounting(clock);
    private final ReporterClient reporter;

    ReporterClientTest() throws IOException {
        apple = new ScriptedHttpServer();
        reporter = TestClients.reporter(TestClients.properties(apple.base()), accounting, clock);
    }

    @AfterEach
    void stop() {
        apple.close();
    }

    @Test
    void get_accounts_posts_the_json_request_apple_expects_without_an_account() throws IOException {
        apple.then(200, XML, Fixtures.bytes("accounts.xml"));

        assertThat(reporter.getAccounts(TOKEN))
                .extracting(ReporterAccount::number)
                .containsExactly("100001", "100002");

        ScriptedHttpServer.Received request = apple.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/reportservice/sales/v1");
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        JsonNode json = jsonRequest(request);
        assertThat(json.path("accesstoken").asText()).isEqualTo(TOKEN);
        assertThat(json.path("version").asText()).isEqualTo("2.2");
        assertThat(json.path("mode").asText()).isEqualTo("Robot.XML");
        assertThat(json.has("account")).isFalse();
        assertThat(json.path("queryInput").asText()).isEqualTo("[p=Reporter.properties, Sales.getAccounts]");
    }

    @Test
    void get_vendors_names_the_account() throws IOException {
        apple.then(200, XML, Fixtures.bytes("vendors.xml"));

        assertThat(reporter.getVendors(TOKEN, "100003")).containsExactly("85000003", "85000004");

        JsonNode json = jsonRequest(apple.received().get(0));
        assertThat(json.path("account").asText()).isEqualTo("100003");
        assertThat(json.path("queryInput").asText()).isEqualTo("[p=Reporter.properties, Sales.getVendors]");
    }

    @Test
    void the_daily_summary_is_unpacked_and_read() throws IOException {
        apple.then(
                200,
                "application/a-gzip",
                Fixtures.gzip(Fixtures.bytes("sales-apple-order.tsv")),
                "filename",
                "S_D_85000001_20261127.txt.gz",
                "downloadmsg",
                "Your file has been downloaded.");

        SalesReport report = reporter.getDailySalesSummary(TOKEN, "100001", "85000001", LocalDate.of(2026, 11, 27));

        assertThat(report.vendorNumber()).isEqualTo("85000001");
        assertThat(report.date()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(report.rows()).extracting(SalesRow::units).containsExactly(12, -1);
        JsonNode json = jsonRequest(apple.received().get(0));
        assertThat(json.path("account").asText()).isEqualTo("100001");
        assertThat(json.path("queryInput").asText())
                .isEqualTo("[p=Reporter.properties, Sales.getReport, 85000001,Sales,Summary,Daily,20261127]");
    }

    @Test
    void a_day_without_sales_is_an_empty_report() {
        apple.then(404, XML, NO_SALES);

        SalesReport report = reporter.getDailySalesSummary(TOKEN, "100001", "85000001", LocalDate.of(2026, 11, 27));

        assertThat(report.isEmpty()).isTrue();
        assertThat(apple.received()).hasSize(1);
    }

    @Test
    void no_sales_outside_a_report_request_is_still_a_failure() {
        apple.then(404, XML, NO_SALES);

        assertFailure(() -> reporter.getAccounts(TOKEN), Kind.UNEXPECTED_ANSWER, "There were no sales");
    }

    @Test
    void a_report_date_apple_does_not_serve_is_an_unexpected_answer_with_apples_words() {
        apple.then(
                404,
                XML,
                "<Error><Code>214</Code><Message>Reports are not available for the date specified."
                        + "</Message></Error>");

        AppleFailure failure = assertFailure(
                () -> reporter.getDailySalesSummary(TOKEN, "100001", "85000001", LocalDate.of(2020, 1, 1)),
                Kind.UNEXPECTED_ANSWER,
                "Reports are not available for the date specified.");
        assertThat(failure.getMessage()).contains("HTTP 404").contains("214");
    }

    @Test
    void a_401_is_unauthorized_and_never_retried() {
        apple.then(
                401,
                XML,
                "<Error><Code>101</Code><Message>The access token is invalid or has expired." + "</Message></Error>");

        AppleFailure failure = assertFailure(
                () -> reporter.getAccounts(TOKEN),
                Kind.UNAUTHORIZED,
                "Apple did not accept the access token: it has expired, was replaced by a newer one, was revoked or "
                        + "has a typo (Apple does not say which). Generate a new one in App Store Connect > Sales and "
                        + "Trends > Reports.");
        assertThat(apple.received()).hasSize(1);
        assertThat(failure.userMessage() + failure.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void a_403_is_forbidden_and_names_the_account_and_the_roles_needed() {
        apple.then(
                403,
                XML,
                "<Error><Code>102</Code><Message>You do not have permission to view reports for this "
                        + "account.</Message></Error>");

        AppleFailure failure =
                assertFailure(() -> reporter.getVendors(TOKEN, "100004"), Kind.FORBIDDEN, "account 100004");
        assertThat(failure.lacksRole())
                .as("Apple's permission answer: a role is missing")
                .isTrue();
        assertThat(apple.received()).hasSize(1);
    }

    @Test
    void a_403_about_agreements_says_so() {
        apple.then(403, XML, "<Error><Code>102</Code><Message>The required agreements have expired.</Message></Error>");

        AppleFailure failure = assertFailure(() -> reporter.getVendors(TOKEN, "100004"), Kind.FORBIDDEN, "agreements");
        assertThat(failure.lacksRole())
                .as("the Account Holder's to fix, not a role")
                .isFalse();
    }

    @Test
    void a_403_without_words_is_taken_as_a_missing_permission() {
        apple.then(403, "text/plain", "");

        AppleFailure failure =
                assertFailure(() -> reporter.getVendors(TOKEN, "100004"), Kind.FORBIDDEN, "Sales, Finance");
        assertThat(failure.lacksRole()).isTrue();
    }

    @Test
    void a_429_is_rate_limited_with_retry_after_and_not_retried() {
        apple.then(429, null, new byte[0], "Retry-After", "600");

        AppleFailure failure =
                assertFailure(() -> reporter.getAccounts(TOKEN), Kind.RATE_LIMITED, "Try again in about 10 minutes.");
        assertThat(failure.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(apple.received()).hasSize(1);
    }

    @Test
    void a_500_is_retried_and_a_later_success_counts() {
        apple.then(500, null, new byte[0])
                .then(502, "text/html", "<html>bad gateway</html>")
                .then(200, XML, Fixtures.bytes("accounts.xml"));

        assertThat(reporter.getAccounts(TOKEN)).hasSize(2);
        assertThat(apple.received()).hasSize(3);
        assertThat(accounting.requestsInLastHour(AppleProtocol.REPORTER)).isEqualTo(3);
    }

    @Test
    void a_persistent_500_is_unavailable_after_three_attempts() {
        apple.then(500, null, new byte[0])
                .then(500, null, new byte[0])
                .then(500, null, new byte[0])
                .then(200, XML, Fixtures.bytes("accounts.xml"));

        assertFailure(() -> reporter.getAccounts(TOKEN), Kind.UNAVAILABLE, "HTTP 500");
        assertThat(apple.received()).hasSize(3);
    }

    @Test
    void an_xxe_payload_is_an_unexpected_answer() {
        apple.then(200, XML, Fixtures.bytes("xxe.xml"));

        AppleFailure failure =
                assertFailure(() -> reporter.getAccounts(TOKEN), Kind.UNEXPECTED_ANSWER, "could not read");
        assertThat(failure.getMessage()).contains("DOCTYPE");
    }

    @Test
    void garbage_and_a_wrong_content_type_are_unexpected_answers() {
        apple.then(200, XML, Fixtures.bytes("garbage.bin"))
                .then(200, "text/html", Fixtures.bytes("accounts.xml"))
                .then(200, XML, Fixtures.bytes("accounts.xml"));

        assertFailure(() -> reporter.getAccounts(TOKEN), Kind.UNEXPECTED_ANSWER, "could not read");
        assertFailure(() -> reporter.getAccounts(TOKEN), Kind.UNEXPECTED_ANSWER, "could not read");
        assertThat(apple.received()).hasSize(2);
    }

    @Test
    void a_report_that_is_not_gzip_is_an_unexpected_answer() {
        apple.then(200, "application/a-gzip", Fixtures.bytes("sales-apple-order.tsv"));

        AppleFailure failure = assertFailure(
                () -> reporter.getDailySalesSummary(TOKEN, "100001", "85000001", LocalDate.of(2026, 11, 27)),
                Kind.UNEXPECTED_ANSWER,
                "could not read");
        assertThat(failure.getMessage()).contains("gzip");
    }

    @Test
    void a_report_refused_for_its_version_is_asked_once_more_in_the_version_apple_names() throws IOException {
        String wantsOneOne = "<?xml version=\"1.0\"?><Error><Code>216</Code><Message>Please include the version "
                + "parameter. The latest version for this report is 1_1.</Message></Error>";
        apple.then(400, XML, wantsOneOne.getBytes(StandardCharsets.UTF_8));
        apple.then(404, XML, NO_SALES.getBytes(StandardCharsets.UTF_8));

        DailySales answer = reporter.dailySales(TOKEN, "100001", "85000001", LocalDate.of(2026, 11, 27));

        assertThat(answer.outcome()).isEqualTo(DailySales.Outcome.NO_SALES);
        assertThat(jsonRequest(apple.received().get(0)).path("queryInput").asText())
                .isEqualTo("[p=Reporter.properties, Sales.getReport, 85000001,Sales,Summary,Daily,20261127]");
        assertThat(jsonRequest(apple.received().get(1)).path("queryInput").asText())
                .isEqualTo("[p=Reporter.properties, Sales.getReport, 85000001,Sales,Summary,Daily,20261127,1_1]");
    }

    @Test
    void a_version_refusal_naming_the_version_just_asked_for_fails_clearly_instead_of_looping() throws IOException {
        String invalid = "<?xml version=\"1.0\"?><Error><Code>216</Code><Message>The version parameter you have "
                + "specified is invalid. The latest version for this report is 1_1.</Message></Error>";
        apple.then(400, XML, invalid.getBytes(StandardCharsets.UTF_8));
        apple.then(400, XML, invalid.getBytes(StandardCharsets.UTF_8));

        assertFailure(
                () -> reporter.dailySales(TOKEN, "100001", "85000001", LocalDate.of(2026, 11, 27)),
                Kind.UNEXPECTED_ANSWER,
                "The latest version for this report is 1_1");
        assertThat(apple.received()).hasSize(2);
    }

    @Test
    void a_blank_or_mangled_token_is_refused_before_any_call() {
        assertFailure(() -> reporter.getAccounts("  "), Kind.MALFORMED_CREDENTIAL, "Enter the access token");
        assertFailure(() -> reporter.getAccounts("a11ce000 0000"), Kind.MALFORMED_CREDENTIAL, "spaces or line breaks");
        assertThat(apple.received()).isEmpty();
    }

    @Test
    void an_account_number_cannot_smuggle_arguments_into_the_query() {
        Throwable thrown = catchThrowable(() -> reporter.getVendors(TOKEN, "100001,Sales"));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(apple.received()).isEmpty();
    }

    @Test
    void a_token_looks_like_an_access_token_when_it_is_uuid_shaped() {
        assertThat(ReporterClient.looksLikeAccessToken(" " + TOKEN + " ")).isTrue();
        assertThat(ReporterClient.looksLikeAccessToken("eyJhbGciOiJFUzI1NiJ9.e30.sig"))
                .isFalse();
        assertThat(ReporterClient.looksLikeAccessToken(null)).isFalse();
    }

    private static JsonNode jsonRequest(ScriptedHttpServer.Received request) throws IOException {
        assertThat(request.body()).startsWith("jsonRequest=");
        String value = URLDecoder.decode(request.body().substring("jsonRequest=".length()), StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(value);
    }

    static AppleFailure assertFailure(ThrowingCallable call, Kind kind, String userMessagePart) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(AppleFailure.class);
        AppleFailure failure = (AppleFailure) thrown;
        assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(kind);
        assertThat(failure.userMessage()).contains(userMessagePart);
        return failure;
    }
}
