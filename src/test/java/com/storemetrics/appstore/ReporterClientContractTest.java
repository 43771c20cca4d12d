package com.storemetrics.appstore;

import static com.storemetrics.appstore.ReporterClientTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.appstore.AppleFailure.Kind;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The Reporter client against the embedded sandbox over HTTP: every success and every failure kind. */
class ReporterClientContractTest extends SandboxContract {

    @Test
    void alice_sees_her_two_accounts() {
        assertThat(reporter.getAccounts(ALICE_TOKEN))
                .containsExactly(
                        new ReporterAccount("100001", "Pixel Forge Studio"),
                        new ReporterAccount("100002", "Alice Martin"));
    }

    @Test
    void the_service_apple_id_starts_as_a_member_of_no_account() {
        assertThat(reporter.getAccounts(SERVICE_TOKEN)).isEmpty();
    }

    @Test
    void vendors_are_listed_per_account() {
        assertThat(reporter.getVendors(ALICE_TOKEN, "100001")).containsExactly("85000001");
        assertThat(reporter.getVendors(ALICE_TOKEN, "100002")).containsExactly("85000002");
    }

    @Test
    void a_daily_summary_round_trips_through_gzip_and_tsv() {
        SalesReport report = firstDayWithSales(ALICE_TOKEN, "100001", "85000001");

        assertThat(report.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.beginDate()).isEqualTo(report.date());
            assertThat(row.endDate()).isEqualTo(report.date());
            assertThat(row.title()).isNotBlank();
            assertThat(row.appleIdentifier()).isNotBlank();
            assertThat(row.currencyOfProceeds()).hasSize(3);
            assertThat(row.units()).isNotZero();
        });
    }

    @Test
    void a_day_without_sales_is_an_empty_report() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (int daysAgo = 3; daysAgo <= 200; daysAgo++) {
            SalesReport report =
                    reporter.getDailySalesSummary(ALICE_TOKEN, "100001", "85000001", today.minusDays(daysAgo));
            if (report.isEmpty()) {
                assertThat(report.vendorNumber()).isEqualTo("85000001");
                return;
            }
        }
        throw new AssertionError("no quiet day in 200 days: the sandbox promises one in about eleven");
    }

    @Test
    void a_report_older_than_a_year_is_an_unexpected_answer_quoting_apple() {
        LocalDate longAgo = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(380);

        assertFailure(
                () -> reporter.getDailySalesSummary(ALICE_TOKEN, "100001", "85000001", longAgo),
                Kind.UNEXPECTED_ANSWER,
                "Reports are not available for the date specified.");
    }

    @Test
    void an_expired_token_is_unauthorized() {
        assertFailure(
                () -> reporter.getAccounts(DANA_EXPIRED_TOKEN),
                Kind.UNAUTHORIZED,
                "Apple did not accept the access token: it has expired, was replaced by a newer one, was revoked");
    }

    @Test
    void a_revoked_token_is_unauthorized() {
        assertFailure(() -> reporter.getAccounts(ERIN_REVOKED_TOKEN), Kind.UNAUTHORIZED, "was revoked");
    }

    @Test
    void a_token_revoked_by_its_owner_is_unauthorized_from_then_on() throws Exception {
        assertThat(reporter.getAccounts(BOB_TOKEN)).hasSize(1);

        sandbox.revokeToken(BOB_TOKEN);

        assertFailure(() -> reporter.getAccounts(BOB_TOKEN), Kind.UNAUTHORIZED, "Generate a new one");
    }

    @Test
    void a_token_expires_when_the_sandbox_clock_passes_its_180_days() throws Exception {
        assertThat(reporter.getAccounts(ALICE_TOKEN)).hasSize(2);

        sandbox.advanceClock("P151D");

        assertFailure(() -> reporter.getAccounts(ALICE_TOKEN), Kind.UNAUTHORIZED, "has expired");
    }

    @Test
    void an_unknown_token_is_unauthorized_and_never_echoed() {
        String unknown = "00000000-0000-4000-8000-00000000dead";

        AppleFailure failure =
                assertFailure(() -> reporter.getAccounts(unknown), Kind.UNAUTHORIZED, "App Store Connect");

        assertThat(failure.getMessage() + failure.userMessage()).doesNotContain(unknown);
    }

    @Test
    void an_account_the_apple_id_is_not_a_member_of_is_forbidden() {
        assertFailure(() -> reporter.getVendors(BOB_TOKEN, "100002"), Kind.FORBIDDEN, "account 100002");
    }

    @Test
    void a_member_without_a_reporting_role_is_refused_the_reports_for_lack_of_role() {
        sandbox.acceptInvitation(
                sandbox.invite("100001", SERVICE_APPLE_ID).path("id").asText());
        sandbox.changeRoles("100001", SERVICE_APPLE_ID, "MARKETING");
        LocalDate published = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(4);

        AppleFailure sales = assertFailure(
                () -> reporter.dailySales(SERVICE_TOKEN, "100001", "85000001", published),
                Kind.FORBIDDEN,
                "Sales, Finance or Admin role");
        AppleFailure subscriptions = assertFailure(
                () -> reporter.dailySubscriptions(SERVICE_TOKEN, "100001", "85000001", published),
                Kind.FORBIDDEN,
                "Sales, Finance or Admin role");

        assertThat(sales.lacksRole()).isTrue();
        assertThat(subscriptions.lacksRole()).isTrue();
        assertThat(sales.getMessage()).contains("You do not have permission to view reports for this account.");
        assertThat(reporter.getAccounts(SERVICE_TOKEN))
                .as("still a member")
                .extracting(ReporterAccount::number)
                .containsExactly("100001");
    }

    @Test
    void a_403_about_the_accounts_agreements_is_forbidden_but_no_missing_role() {
        LocalDate published = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(4);
        sandbox.fault("AGREEMENTS", 2, null);

        AppleFailure sales = assertFailure(
                () -> reporter.dailySales(ALICE_TOKEN, "100001", "85000001", published),
                Kind.FORBIDDEN,
                "agreements are missing or expired");
        AppleFailure api = assertFailure(
                () -> this.api.listApps(apiKey(NORTHWIND_ADMIN_KEY)), Kind.FORBIDDEN, "agreements are missing");

        assertThat(sales.lacksRole()).isFalse();
        assertThat(api.lacksRole()).isFalse();
        assertThat(reporter.dailySales(ALICE_TOKEN, "100001", "85000001", published)
                        .outcome())
                .as("the fault is spent: Alice may read her reports again")
                .isNotNull();
    }

    @Test
    void a_500_once_is_retried_into_a_success() throws Exception {
        Counted<ReporterClient> counted = countedReporter();
        sandbox.fault("HTTP_500", 2, null);

        assertThat(counted.client().getAccounts(ALICE_TOKEN)).hasSize(2);
        assertThat(counted.sent(AppleProtocol.REPORTER)).isEqualTo(3);
    }

    @Test
    void a_500_that_persists_is_unavailable_after_three_attempts() throws Exception {
        Counted<ReporterClient> counted = countedReporter();
        sandbox.fault("HTTP_500", null, null);

        assertFailure(() -> counted.client().getAccounts(ALICE_TOKEN), Kind.UNAVAILABLE, "HTTP 500");
        assertThat(counted.sent(AppleProtocol.REPORTER)).isEqualTo(3);
    }

    @Test
    void a_429_is_rate_limited_with_its_retry_after_and_not_retried() throws Exception {
        Counted<ReporterClient> counted = countedReporter();
        sandbox.fault("HTTP_429", null, null);

        AppleFailure failure = assertFailure(
                () -> counted.client().getAccounts(ALICE_TOKEN), Kind.RATE_LIMITED, "Try again in a minute.");
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(counted.sent(AppleProtocol.REPORTER)).isEqualTo(1);
    }

    @Test
    void garbage_xml_is_an_unexpected_answer_and_not_retried() throws Exception {
        Counted<ReporterClient> counted = countedReporter();
        sandbox.fault("GARBAGE", null, null);

        assertFailure(() -> counted.client().getAccounts(ALICE_TOKEN), Kind.UNEXPECTED_ANSWER, "could not read");
        assertThat(counted.sent(AppleProtocol.REPORTER)).isEqualTo(1);
    }

    @Test
    void garbage_instead_of_a_gzip_report_is_an_unexpected_answer() throws Exception {
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        sandbox.fault("GARBAGE", null, null);

        assertFailure(
                () -> reporter.getDailySalesSummary(ALICE_TOKEN, "100001", "85000001", yesterday),
                Kind.UNEXPECTED_ANSWER,
                "could not read");
    }

    @Test
    void when_apple_names_another_latest_report_version_the_report_is_asked_again_in_it_and_from_then_on()
            throws Exception {
        Counted<ReporterClient> counted = countedReporter();
        LocalDate day = firstDayWithSales(ALICE_TOKEN, "100001", "85000001").date();
        sandbox.requireSalesReportVersion("1_1");

        DailySales first = counted.client().dailySales(ALICE_TOKEN, "100001", "85000001", day);
        assertThat(first.outcome()).isEqualTo(DailySales.Outcome.DATA);
        assertThat(counted.sent(AppleProtocol.REPORTER))
                .as("refused once, then asked in 1_1")
                .isEqualTo(2);

        counted.client().dailySales(ALICE_TOKEN, "100001", "85000001", day.minusDays(1));
        assertThat(counted.sent(AppleProtocol.REPORTER))
                .as("1_1 from then on: one request")
                .isEqualTo(3);

        // Apple went back to its usual version: learned again the same way.
        sandbox.requireSalesReportVersion(null);
        assertThat(counted.client()
                        .dailySales(ALICE_TOKEN, "100001", "85000001", day)
                        .outcome())
                .isEqualTo(DailySales.Outcome.DATA);
        assertThat(counted.sent(AppleProtocol.REPORTER)).isEqualTo(5);
    }

    @Test
    void a_dropped_connection_is_unavailable() throws Exception {
        sandbox.fault("DROP_CONNECTION", null, null);

        AppleFailure failure =
                assertFailure(() -> reporter.getAccounts(ALICE_TOKEN), Kind.UNAVAILABLE, "could not be reached");
        assertThat(failure.getMessage()).contains("connection dropped");
    }

    @Test
    void latency_beyond_the_read_timeout_is_unavailable() throws Exception {
        Counted<ReporterClient> impatient = countedReporter(
                properties.withReadTimeout(Duration.ofMillis(500)).withMaxAttempts(1));
        sandbox.fault("LATENCY", 1, 3_000);

        long started = System.nanoTime();
        AppleFailure failure = assertFailure(
                () -> impatient.client().getAccounts(ALICE_TOKEN), Kind.UNAVAILABLE, "could not be reached");
        assertThat(failure.getMessage()).contains("no answer within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void latency_within_the_read_timeout_is_only_slow() throws Exception {
        sandbox.fault("LATENCY", 1, 300);

        assertThat(reporter.getAccounts(ALICE_TOKEN)).hasSize(2);
    }

    @Test
    void the_service_apple_id_sees_an_account_once_it_accepted_the_invitation() throws Exception {
        String invitationId =
                sandbox.invite("100001", SERVICE_APPLE_ID).path("id").asText();
        assertThat(reporter.getAccounts(SERVICE_TOKEN)).isEmpty();

        sandbox.acceptInvitation(invitationId);

        assertThat(reporter.getAccounts(SERVICE_TOKEN))
                .extracting(ReporterAccount::number)
                .containsExactly("100001");
        assertThat(reporter.getVendors(SERVICE_TOKEN, "100001")).containsExactly("85000001");

        sandbox.removeUser("100001", SERVICE_APPLE_ID);

        assertThat(reporter.getAccounts(SERVICE_TOKEN)).isEmpty();
    }

    @Test
    void every_request_is_counted_for_the_support_console() {
        int before = accounting.requestsInLastHour(AppleProtocol.REPORTER);

        reporter.getAccounts(ALICE_TOKEN);
        reporter.getVendors(ALICE_TOKEN, "100001");

        assertThat(accounting.requestsInLastHour(AppleProtocol.REPORTER)).isGreaterThanOrEqualTo(before + 2);
    }

    private SalesReport firstDayWithSales(String token, String account, String vendor) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (int daysAgo = 3; daysAgo <= 30; daysAgo++) {
            SalesReport report = reporter.getDailySalesSummary(token, account, vendor, today.minusDays(daysAgo));
            if (!report.isEmpty()) {
                return report;
            }
        }
        throw new AssertionError("no sales in 30 days for vendor " + vendor);
    }
}
