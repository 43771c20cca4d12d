package com.storemetrics.appstore;

import static com.storemetrics.appstore.ReporterClientTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.storemetrics.appstore.AppleFailure.Kind;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The App Store Connect API client against the embedded sandbox over HTTP: every success and failure kind. */
class AppStoreConnectClientContractTest extends SandboxContract {

    private static final InvitationRequest INVITE_SERVICE_USER =
            new InvitationRequest(SERVICE_APPLE_ID, "Storemetrics", "Integration", List.of("SALES"), true, List.of());

    // ---------------------------------------------------------------- apps and paging

    @Test
    void paging_past_200_apps_reads_all_230_of_northwind_in_two_requests() throws Exception {
        Counted<AppStoreConnectClient> counted = countedApi();

        List<AppleApp> apps = counted.client().listApps(apiKey(NORTHWIND_ADMIN_KEY));

        assertThat(apps).hasSize(230);
        assertThat(new HashSet<>(apps.stream().map(AppleApp::id).toList())).hasSize(230);
        assertThat(apps).allSatisfy(app -> {
            assertThat(app.name()).isNotBlank();
            assertThat(app.bundleId()).isNotBlank();
        });
        assertThat(counted.sent(AppleProtocol.APP_STORE_CONNECT_API)).isEqualTo(2);
        assertThat(counted.client().rateLimitRemaining(NORTHWIND_ADMIN_KEY)).hasValue(3598);
    }

    @Test
    void a_sales_key_lists_the_apps_of_its_own_team() throws Exception {
        assertThat(api.listApps(apiKey(BLUEBIRD_SALES_KEY))).hasSize(4);
    }

    // ---------------------------------------------------------------- sales reports

    @Test
    void a_daily_summary_round_trips_through_gzip_and_tsv() throws Exception {
        ApiCredential.ApiKey key = apiKey(BLUEBIRD_SALES_KEY);
        List<String> appNames = api.listApps(key).stream().map(AppleApp::name).toList();

        SalesReport report = firstDayWithSales(key, "85000005");

        assertThat(report.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(row.beginDate()).isEqualTo(report.date());
            assertThat(appNames).anySatisfy(name -> assertThat(row.title()).startsWith(name));
        });
    }

    @Test
    void a_day_without_sales_is_an_empty_report() throws Exception {
        ApiCredential.ApiKey key = apiKey(BLUEBIRD_SALES_KEY);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (int daysAgo = 3; daysAgo <= 200; daysAgo++) {
            if (api.getDailySalesSummary(key, "85000005", today.minusDays(daysAgo))
                    .isEmpty()) {
                return;
            }
        }
        throw new AssertionError("no quiet day in 200 days: the sandbox promises one in about eleven");
    }

    @Test
    void a_vendor_of_another_team_is_forbidden() throws Exception {
        ApiCredential.ApiKey key = apiKey(BLUEBIRD_SALES_KEY);
        LocalDate yesterday = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);

        assertFailure(
                () -> api.getDailySalesSummary(key, "85000001", yesterday),
                Kind.FORBIDDEN,
                "the vendor number must belong to the key's team");
    }

    @Test
    void both_protocols_deliver_the_same_report_once_the_service_apple_id_is_a_member() throws Exception {
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);
        InvitationOutcome sent = api.createInvitation(admin, INVITE_SERVICE_USER);
        sandbox.acceptInvitation(sent.invitation().id());

        assertThat(reporter.getAccounts(SERVICE_TOKEN))
                .extracting(ReporterAccount::number)
                .containsExactly("100003");
        assertThat(reporter.getVendors(SERVICE_TOKEN, "100003")).containsExactly("85000003", "85000004");
        SalesReport viaApi = firstDayWithSales(admin, "85000003");
        SalesReport viaReporter = reporter.getDailySalesSummary(SERVICE_TOKEN, "100003", "85000003", viaApi.date());
        assertThat(viaReporter).isEqualTo(viaApi);
    }

    // ---------------------------------------------------------------- users and invitations

    @Test
    void an_invitation_is_sent_found_refused_twice_and_withdrawn() throws Exception {
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);

        InvitationOutcome sent = api.createInvitation(admin, INVITE_SERVICE_USER);
        assertThat(sent.result()).isEqualTo(InvitationOutcome.Result.SENT);
        assertThat(sent.invitation().email()).isEqualTo(SERVICE_APPLE_ID);
        assertThat(sent.invitation().roles()).containsExactly("SALES");
        assertThat(sent.invitation().expirationDate()).isAfter(Instant.now().plus(Duration.ofDays(2)));

        assertThat(api.findInvitations(admin, SERVICE_APPLE_ID))
                .extracting(UserInvitation::id)
                .containsExactly(sent.invitation().id());
        InvitationOutcome again = api.createInvitation(admin, INVITE_SERVICE_USER);
        assertThat(again.result()).isEqualTo(InvitationOutcome.Result.ALREADY_INVITED);
        assertThat(again.detail()).contains("already been invited");

        api.deleteInvitation(admin, sent.invitation().id());
        assertThat(api.findInvitations(admin, SERVICE_APPLE_ID)).isEmpty();
        api.deleteInvitation(admin, sent.invitation().id());
    }

    @Test
    void a_member_is_found_by_username_and_cannot_be_invited_again() throws Exception {
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);
        assertThat(api.findUsers(admin, SERVICE_APPLE_ID)).isEmpty();
        InvitationOutcome sent = api.createInvitation(admin, INVITE_SERVICE_USER);
        sandbox.acceptInvitation(sent.invitation().id());

        assertThat(api.findUsers(admin, SERVICE_APPLE_ID)).singleElement().satisfies(user -> {
            assertThat(user.username()).isEqualTo(SERVICE_APPLE_ID);
            assertThat(user.roles()).containsExactly("SALES");
        });
        assertThat(api.findInvitations(admin, SERVICE_APPLE_ID)).isEmpty();
        assertThat(api.createInvitation(admin, INVITE_SERVICE_USER).result())
                .isEqualTo(InvitationOutcome.Result.ALREADY_MEMBER);
    }

    @Test
    void an_invitation_limited_to_no_apps_is_refused_with_apples_detail() throws Exception {
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);

        assertFailure(
                () -> api.createInvitation(
                        admin,
                        new InvitationRequest(
                                SERVICE_APPLE_ID, "Storemetrics", "Integration", List.of("SALES"), false, List.of())),
                Kind.UNEXPECTED_ANSWER,
                "visibleApps");
    }

    @Test
    void an_invitation_limited_to_chosen_apps_is_sent() throws Exception {
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);
        List<String> twoApps =
                api.listApps(admin).stream().limit(2).map(AppleApp::id).toList();

        InvitationOutcome sent = api.createInvitation(
                admin,
                new InvitationRequest(
                        SERVICE_APPLE_ID, "Storemetrics", "Integration", List.of("SALES"), false, twoApps));

        assertThat(sent.result()).isEqualTo(InvitationOutcome.Result.SENT);
        assertThat(sent.invitation().allAppsVisible()).isFalse();
    }

    @Test
    void a_sales_key_may_not_invite_and_is_told_the_admin_role_is_needed() throws Exception {
        ApiCredential.ApiKey sales = apiKey(BLUEBIRD_SALES_KEY);

        assertFailure(() -> api.createInvitation(sales, INVITE_SERVICE_USER), Kind.FORBIDDEN, "Admin role");
    }

    // ---------------------------------------------------------------- rate limit and pacing

    @Test
    void the_hourly_budget_exhausted_is_rate_limited_with_when_to_retry() throws Exception {
        Counted<AppStoreConnectClient> counted = countedApi();
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);
        sandbox.hourlyBudget(3);
        counted.client().listApps(admin);
        counted.client().findUsers(admin, SERVICE_APPLE_ID);
        assertThat(counted.client().rateLimitRemaining(NORTHWIND_ADMIN_KEY)).hasValue(0);

        AppleFailure failure =
                assertFailure(() -> counted.client().listApps(admin), Kind.RATE_LIMITED, "Try again in about");

        assertThat(failure.retryAfter())
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
        assertThat(counted.sent(AppleProtocol.APP_STORE_CONNECT_API)).isEqualTo(4);
        // Another key has its own budget.
        assertThat(counted.client().listApps(apiKey(BLUEBIRD_SALES_KEY))).hasSize(4);
    }

    @Test
    void requests_of_one_key_never_overlap() throws Exception {
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);
        sandbox.fault("LATENCY", 4, 300);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<TeamUser>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> api.findUsers(admin, SERVICE_APPLE_ID));
            }
            long started = System.nanoTime();
            for (Future<List<TeamUser>> result : callers.invokeAll(calls)) {
                assertThat(result.get()).isEmpty();
            }
            // Four delayed answers one after another take at least four delays.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1_200));
        } finally {
            callers.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void a_token_expired_by_the_sandbox_clock_is_retried_once_fresh_then_unauthorized() throws Exception {
        Counted<AppStoreConnectClient> counted = countedApi();
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);
        counted.client().findUsers(admin, SERVICE_APPLE_ID);

        sandbox.advanceClock("PT16M");

        assertFailure(
                () -> counted.client().findUsers(admin, SERVICE_APPLE_ID),
                Kind.UNAUTHORIZED,
                "Apple rejected the API key");
        assertThat(counted.sent(AppleProtocol.APP_STORE_CONNECT_API)).isEqualTo(3);
    }

    @Test
    void a_jwt_signed_by_another_key_is_unauthorized() throws Exception {
        Counted<AppStoreConnectClient> counted = countedApi();
        ApiCredential.ApiKey impostor =
                tokens.parseKey(NORTHWIND_ISSUER, NORTHWIND_ADMIN_KEY, TestKeys.pem(TestKeys.p256()));

        assertFailure(() -> counted.client().listApps(impostor), Kind.UNAUTHORIZED, "do not belong together");
        assertThat(counted.sent(AppleProtocol.APP_STORE_CONNECT_API)).isEqualTo(2);
    }

    @Test
    void a_ready_made_jwt_of_20_minutes_is_accepted() throws Exception {
        String jwt = sign(apiKey(NORTHWIND_ADMIN_KEY).privateKeyPem(), NORTHWIND_ISSUER, Duration.ofMinutes(20));

        assertThat(api.listApps(tokens.checkReadyMade(jwt))).hasSize(230);
    }

    @Test
    void a_ready_made_jwt_signed_by_another_key_is_unauthorized_without_a_retry() {
        Counted<AppStoreConnectClient> counted = countedApi();
        String jwt = sign(TestKeys.pem(TestKeys.p256()), NORTHWIND_ISSUER, Duration.ofMinutes(10));

        assertFailure(
                () -> counted.client().listApps(tokens.checkReadyMade(jwt)),
                Kind.UNAUTHORIZED,
                "Apple rejected the JWT");
        assertThat(counted.sent(AppleProtocol.APP_STORE_CONNECT_API)).isEqualTo(1);
    }

    @Test
    void a_ready_made_jwt_with_the_wrong_issuer_is_unauthorized() throws Exception {
        String jwt = sign(apiKey(NORTHWIND_ADMIN_KEY).privateKeyPem(), BLUEBIRD_ISSUER, Duration.ofMinutes(10));

        assertFailure(() -> api.listApps(tokens.checkReadyMade(jwt)), Kind.UNAUTHORIZED, "\"iss\"");
    }

    @Test
    void unsigned_hmac_and_21_minute_jwts_are_refused_before_any_request() throws Exception {
        Counted<AppStoreConnectClient> counted = countedApi();
        JWTClaimsSet claims = claims(NORTHWIND_ISSUER, Duration.ofMinutes(10));
        String none = new PlainJWT(claims).serialize();
        SignedJWT hs256 = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID(NORTHWIND_ADMIN_KEY)
                        .build(),
                claims);
        hs256.sign(new MACSigner(new byte[32]));
        String tooLong = sign(apiKey(NORTHWIND_ADMIN_KEY).privateKeyPem(), NORTHWIND_ISSUER, Duration.ofMinutes(21));

        assertFailure(
                () -> counted.client().listApps(tokens.checkReadyMade(none)), Kind.MALFORMED_CREDENTIAL, "\"none\"");
        assertFailure(
                () -> counted.client().listApps(tokens.checkReadyMade(hs256.serialize())),
                Kind.MALFORMED_CREDENTIAL,
                "\"HS256\"");
        assertFailure(
                () -> counted.client().listApps(tokens.checkReadyMade(tooLong)),
                Kind.MALFORMED_CREDENTIAL,
                "valid for 21 minutes");
        // A ReadyMadeJwt built without the check is checked again before it could be sent.
        assertFailure(
                () -> counted.client().listApps(new ApiCredential.ReadyMadeJwt(tooLong, NORTHWIND_ADMIN_KEY)),
                Kind.MALFORMED_CREDENTIAL,
                "valid for 21 minutes");
        assertThat(counted.sent(AppleProtocol.APP_STORE_CONNECT_API)).isZero();
    }

    // ---------------------------------------------------------------- faults

    @Test
    void a_500_twice_is_retried_into_a_success() throws Exception {
        Counted<AppStoreConnectClient> counted = countedApi();
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);
        sandbox.fault("HTTP_500", 2, null);

        assertThat(counted.client().findUsers(admin, SERVICE_APPLE_ID)).isEmpty();
        assertThat(counted.sent(AppleProtocol.APP_STORE_CONNECT_API)).isEqualTo(3);
    }

    @Test
    void a_500_that_persists_is_unavailable() throws Exception {
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);
        sandbox.fault("HTTP_500", null, null);

        assertFailure(() -> api.listApps(admin), Kind.UNAVAILABLE, "HTTP 500");
    }

    @Test
    void a_429_fault_is_rate_limited_with_its_retry_after() throws Exception {
        Counted<AppStoreConnectClient> counted = countedApi();
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);
        sandbox.fault("HTTP_429", null, null);

        AppleFailure failure =
                assertFailure(() -> counted.client().listApps(admin), Kind.RATE_LIMITED, "Try again in a minute.");
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(counted.sent(AppleProtocol.APP_STORE_CONNECT_API)).isEqualTo(1);
    }

    @Test
    void garbage_json_is_an_unexpected_answer() throws Exception {
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);
        sandbox.fault("GARBAGE", null, null);

        AppleFailure failure = assertFailure(() -> api.listApps(admin), Kind.UNEXPECTED_ANSWER, "could not read");
        assertThat(failure.getMessage()).contains("not JSON");
    }

    @Test
    void a_dropped_connection_is_unavailable() throws Exception {
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);
        sandbox.fault("DROP_CONNECTION", null, null);

        AppleFailure failure = assertFailure(() -> api.listApps(admin), Kind.UNAVAILABLE, "could not be reached");
        assertThat(failure.getMessage()).contains("connection dropped");
    }

    @Test
    void latency_beyond_the_read_timeout_is_unavailable() throws Exception {
        Counted<AppStoreConnectClient> impatient =
                countedApi(properties.withReadTimeout(Duration.ofMillis(500)).withMaxAttempts(1));
        ApiCredential.ApiKey admin = apiKey(NORTHWIND_ADMIN_KEY);
        sandbox.fault("LATENCY", 1, 3_000);

        AppleFailure failure =
                assertFailure(() -> impatient.client().listApps(admin), Kind.UNAVAILABLE, "could not be reached");
        assertThat(failure.getMessage()).contains("no answer within 500 ms");
    }

    // ---------------------------------------------------------------- helpers

    private SalesReport firstDayWithSales(ApiCredential credential, String vendor) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (int daysAgo = 3; daysAgo <= 30; daysAgo++) {
            SalesReport report = api.getDailySalesSummary(credential, vendor, today.minusDays(daysAgo));
            if (!report.isEmpty()) {
                return report;
            }
        }
        throw new AssertionError("no sales in 30 days for vendor " + vendor);
    }

    private JWTClaimsSet claims(String issuer, Duration lifetime) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .audience("appstoreconnect-v1")
                .build();
    }

    /** A JWT as a customer's own script would mint it. */
    private String sign(String pem, String issuer, Duration lifetime) {
        try {
            String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .keyID(NORTHWIND_ADMIN_KEY)
                            .type(JOSEObjectType.JWT)
                            .build(),
                    claims(issuer, lifetime));
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
