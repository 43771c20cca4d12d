package com.storemetrics.appstore;

import com.storemetrics.appstore.AppleFailure.Kind;
import com.storemetrics.appstore.AppleHttp.Answer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The App Store Connect API over HTTP (see docs/apple-wire-contract.md, section 2). Every method
 * makes real HTTP calls to {@code storemetrics.apple.api-url} with a bearer JWT and throws
 * {@link AppleFailure} for every failure.
 *
 * <p>One request in flight per key id; reads are retried on {@link Kind#UNAVAILABLE}; a 401 with a
 * key we mint for is retried once with a freshly minted JWT; a 429 is never retried here.
 */
@Component
public class AppStoreConnectClient {

    static final String SERVICE = "The App Store Connect API";

    private static final Logger log = LoggerFactory.getLogger(AppStoreConnectClient.class);
    private static final int PAGE_SIZE = 200;
    /** Sales summaries compress about tenfold; more than this unpacked is not a daily summary. */
    private static final int MAX_UNPACK_RATIO = 16;

    private final AppleEndpoints endpoints;
    private final AppleCallAccounting accounting;
    private final AppStoreProperties properties;
    private final ApiExchange api;

    AppStoreConnectClient(
            AppStoreProperties properties,
            AppleEndpoints endpoints,
            ApiTokens tokens,
            AppleCallAccounting accounting,
            Clock clock) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.accounting = accounting;
        this.api = new ApiExchange(properties, endpoints, tokens, accounting, clock);
    }

    /** {@code GET /v1/apps}, following {@code links.next} through every page. */
    public List<AppleApp> listApps(ApiCredential credential) {
        return api.listAll(credential, uri("/v1/apps?limit=" + PAGE_SIZE), "GET /v1/apps", ApiJson::apps);
    }

    /** {@code GET /v1/users?filter[username]=}. */
    public List<TeamUser> findUsers(ApiCredential credential, String username) {
        URI uri = uri("/v1/users?" + filter("username", required(username, "username")) + "&limit=" + PAGE_SIZE);
        return api.listAll(credential, uri, "GET /v1/users", ApiJson::users);
    }

    /** {@code GET /v1/userInvitations?filter[email]=}. */
    public List<UserInvitation> findInvitations(ApiCredential credential, String email) {
        URI uri = uri("/v1/userInvitations?" + filter("email", required(email, "email")) + "&limit=" + PAGE_SIZE);
        return api.listAll(credential, uri, "GET /v1/userInvitations", ApiJson::invitations);
    }

    /** {@code POST /v1/userInvitations}; a 409 becomes ALREADY_INVITED or ALREADY_MEMBER, not a failure. */
    public InvitationOutcome createInvitation(ApiCredential credential, InvitationRequest request) {
        Objects.requireNonNull(request, "request");
        required(request.email(), "email");
        required(request.firstName(), "firstName");
        required(request.lastName(), "lastName");
        if (request.roles() == null || request.roles().isEmpty()) {
            throw new IllegalArgumentException("an invitation needs at least one role");
        }
        String what = "POST /v1/userInvitations";
        // Not repeatable: a retry after a lost answer could report our own invitation as a duplicate.
        Answer answer = api.exchange(
                credential,
                "POST",
                uri("/v1/userInvitations"),
                ApiJson.invitationBody(request),
                what,
                false,
                ApiExchange.Access.ADMIN,
                status -> status == 409);
        if (answer.status() == 409) {
            Optional<ApiJson.ApiError> error = ApiJson.firstError(answer.body());
            if (!isDuplicate(error)) {
                // Apple also answers 409 ENTITY_ERROR for an invalid invitation (e.g. no visible apps).
                throw api.failure(answer, credential, what, ApiExchange.Access.ADMIN);
            }
            String detail = error.map(e -> AppleAnswers.quote(e.detail())).orElse("");
            return new InvitationOutcome(duplicateKind(detail), null, detail);
        }
        ApiExchange.requireJson(answer, what);
        return new InvitationOutcome(
                InvitationOutcome.Result.SENT, read(what, () -> ApiJson.createdInvitation(answer.body())), "");
    }

    /**
     * {@code DELETE /v1/userInvitations/{id}}. An invitation that is already gone (404: accepted,
     * expired or deleted) counts as deleted, which also makes the call safe to retry.
     */
    public void deleteInvitation(ApiCredential credential, String invitationId) {
        String id = URLEncoder.encode(required(invitationId, "invitationId"), StandardCharsets.UTF_8);
        String what = "DELETE /v1/userInvitations/" + id;
        Answer answer = api.exchange(
                credential,
                "DELETE",
                uri("/v1/userInvitations/" + id),
                null,
                what,
                true,
                ApiExchange.Access.ADMIN,
                status -> status == 404);
        if (answer.status() == 404) {
            log.debug("{}: already gone", what);
        }
    }

    /** {@code GET /v1/salesReports} daily summary; a day without sales is an empty report. */
    public SalesReport getDailySalesSummary(ApiCredential credential, String vendorNumber, LocalDate date) {
        String vendor = required(vendorNumber, "vendorNumber");
        if (!AppleFacts.isVendorNumber(vendor)) {
            throw new IllegalArgumentException("the vendor number must be letters and digits");
        }
        Objects.requireNonNull(date, "date");
        URI uri = uri("/v1/salesReports?" + filter("frequency", "DAILY") + "&" + filter("reportType", "SALES")
                + "&" + filter("reportSubType", "SUMMARY") + "&" + filter("vendorNumber", vendor)
                + "&" + filter("reportDate", date.toString()) + "&" + filter("version", "1_0"));
        String what = "GET /v1/salesReports vendor " + vendor + " " + date;
        Answer answer = api.exchange(
                credential, "GET", uri, null, what, true, ApiExchange.Access.SALES_REPORTS, status -> status == 404);
        if (answer.status() == 404) {
            Optional<ApiJson.ApiError> error = ApiJson.firstError(answer.body());
            if (error.map(e -> e.detail().toLowerCase(Locale.ROOT).contains("no sales"))
                    .orElse(false)) {
                return new SalesReport(vendor, date, List.of());
            }
            throw api.failure(answer, credential, what, ApiExchange.Access.SALES_REPORTS);
        }
        String type = answer.mediaType();
        if (!type.isEmpty() && !type.contains("gzip") && !type.equals("application/octet-stream")) {
            throw unexpected(what, "content type " + type + " where a gzip report was expected");
        }
        long maxUnpacked = properties.maxResponseBytes().toBytes() * MAX_UNPACK_RATIO;
        return new SalesReport(vendor, date, read(what, () -> SalesSummaryTsv.parseGzip(answer.body(), maxUnpacked)));
    }

    /**
     * Requests Apple said this key has left in its rolling hour ({@code X-Rate-Limit}), as of the
     * last answer for that key; empty before the first answer.
     */
    public OptionalInt rateLimitRemaining(String keyId) {
        return accounting
                .lastRateLimit(keyId)
                .map(limit -> OptionalInt.of(limit.remaining()))
                .orElse(OptionalInt.empty());
    }

    /**
     * Whether a 409 says the invitation or membership already exists: a DUPLICATE code or "already"
     * in the detail; a 409 that says nothing at all is read as a duplicate too, as the contract has it.
     */
    static boolean isDuplicate(Optional<ApiJson.ApiError> error) {
        if (error.isEmpty()) {
            return true;
        }
        String code = error.get().code().toUpperCase(Locale.ROOT);
        String detail = error.get().detail().toLowerCase(Locale.ROOT);
        return code.contains("DUPLICATE") || detail.contains("already") || (code.isEmpty() && detail.isEmpty());
    }

    /** Apple's 409 detail says which duplicate it is; read it leniently, "invited" when unsure. */
    static InvitationOutcome.Result duplicateKind(String detail) {
        String text = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        if (text.contains("member") || (text.contains("user") && !text.contains("invit"))) {
            return InvitationOutcome.Result.ALREADY_MEMBER;
        }
        return InvitationOutcome.Result.ALREADY_INVITED;
    }

    private URI uri(String pathAndQuery) {
        return URI.create(endpoints.apiBase() + pathAndQuery);
    }

    private static String filter(String field, String value) {
        return "filter%5B" + field + "%5D=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.trim();
    }

    private static <T> T read(String what, Supplier<T> parser) {
        return AppleAnswers.read(SERVICE, what, parser);
    }

    private static AppleFailure unexpected(String what, String reason) {
        return AppleAnswers.unexpected(SERVICE, what, reason);
    }
}
