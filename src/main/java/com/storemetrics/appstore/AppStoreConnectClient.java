package com.storemetrics.appstore;

import com.storemetrics.appstore.AppleFailure.Kind;
import com.storemetrics.appstore.AppleHttp.Answer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
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
    private static final String AGREEMENTS_CODE = "FORBIDDEN.REQUIRED_AGREEMENTS";
    private static final int PAGE_SIZE = 200;
    /** Sales summaries compress about tenfold; more than this unpacked is not a daily summary. */
    private static final int MAX_UNPACK_RATIO = 16;

    /** What the call needs from the key, so a 403 can say which role is missing. */
    enum Access {
        ANY_ROLE("Any active team key may do this, so the key may have been revoked: check it in App Store "
                + "Connect > Users and Access > Integrations."),
        ADMIN("Sending or withdrawing invitations needs a team key with the Admin role: create one in App Store "
                + "Connect > Users and Access > Integrations."),
        SALES_REPORTS("Reading sales reports needs a team key with the Sales, Finance or Admin role (create one in "
                + "App Store Connect > Users and Access > Integrations), and the vendor number must belong to "
                + "the key's team.");

        final String advice;

        Access(String advice) {
            this.advice = advice;
        }
    }

    private final AppleEndpoints endpoints;
    private final ApiTokens tokens;
    private final AppleCallAccounting accounting;
    private final AppStoreProperties properties;
    private final Clock clock;
    private final AppleHttp http;
    private final KeyTurns turns;

    AppStoreConnectClient(
            AppStoreProperties properties,
            AppleEndpoints endpoints,
            ApiTokens tokens,
            AppleCallAccounting accounting,
            Clock clock) {
        this.properties = properties;
        this.endpoints = endpoints;
        this.tokens = tokens;
        this.accounting = accounting;
        this.clock = clock;
        this.http = new AppleHttp(properties, AppleProtocol.APP_STORE_CONNECT_API, SERVICE, accounting);
        // Waiting for one other request of the same key is normal; waiting for several is not.
        this.turns = new KeyTurns(
                properties.connectTimeout().plus(properties.readTimeout()).multipliedBy(2));
    }

    /** {@code GET /v1/apps}, following {@code links.next} through every page. */
    public List<AppleApp> listApps(ApiCredential credential) {
        return listAll(credential, api("/v1/apps?limit=" + PAGE_SIZE), "GET /v1/apps", ApiJson::apps);
    }

    /** {@code GET /v1/users?filter[username]=}. */
    public List<TeamUser> findUsers(ApiCredential credential, String username) {
        URI uri = api("/v1/users?" + filter("username", required(username, "username")) + "&limit=" + PAGE_SIZE);
        return listAll(credential, uri, "GET /v1/users", ApiJson::users);
    }

    /** {@code GET /v1/userInvitations?filter[email]=}. */
    public List<UserInvitation> findInvitations(ApiCredential credential, String email) {
        URI uri = api("/v1/userInvitations?" + filter("email", required(email, "email")) + "&limit=" + PAGE_SIZE);
        return listAll(credential, uri, "GET /v1/userInvitations", ApiJson::invitations);
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
        Answer answer = exchange(
                credential,
                "POST",
                api("/v1/userInvitations"),
                ApiJson.invitationBody(request),
                what,
                false,
                Access.ADMIN,
                status -> status == 409);
        if (answer.status() == 409) {
            Optional<ApiJson.ApiError> error = ApiJson.firstError(answer.body());
            if (!isDuplicate(error)) {
                // Apple also answers 409 ENTITY_ERROR for an invalid invitation (e.g. no visible apps).
                throw failure(answer, credential, what, Access.ADMIN);
            }
            String detail = error.map(e -> AppleAnswers.quote(e.detail())).orElse("");
            return new InvitationOutcome(duplicateKind(detail), null, detail);
        }
        requireJson(answer, what);
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
        Answer answer = exchange(
                credential,
                "DELETE",
                api("/v1/userInvitations/" + id),
                null,
                what,
                true,
                Access.ADMIN,
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
        URI uri = api("/v1/salesReports?" + filter("frequency", "DAILY") + "&" + filter("reportType", "SALES")
                + "&" + filter("reportSubType", "SUMMARY") + "&" + filter("vendorNumber", vendor)
                + "&" + filter("reportDate", date.toString()) + "&" + filter("version", "1_0"));
        String what = "GET /v1/salesReports vendor " + vendor + " " + date;
        Answer answer =
                exchange(credential, "GET", uri, null, what, true, Access.SALES_REPORTS, status -> status == 404);
        if (answer.status() == 404) {
            Optional<ApiJson.ApiError> error = ApiJson.firstError(answer.body());
            if (error.map(e -> e.detail().toLowerCase(Locale.ROOT).contains("no sales"))
                    .orElse(false)) {
                return new SalesReport(vendor, date, List.of());
            }
            throw failure(answer, credential, what, Access.SALES_REPORTS);
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

    private <T> List<T> listAll(
            ApiCredential credential, URI first, String what, Function<byte[], ApiJson.Page<T>> parser) {
        List<T> items = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI page = first;
        for (int pageNumber = 1; page != null; pageNumber++) {
            if (pageNumber > properties.maxPages()) {
                throw unexpected(what, "more than " + properties.maxPages() + " pages");
            }
            seen.add(page);
            String pageWhat = what + " page " + pageNumber;
            Answer answer = exchange(credential, "GET", page, null, pageWhat, true, Access.ANY_ROLE, status -> false);
            requireJson(answer, pageWhat);
            ApiJson.Page<T> parsed = read(pageWhat, () -> parser.apply(answer.body()));
            items.addAll(parsed.items());
            URI next = parsed.next().isPresent() ? nextPage(page, parsed.next().get(), pageWhat) : null;
            if (next != null && seen.contains(next)) {
                throw unexpected(what, "links.next leads back to a page already read");
            }
            page = next;
        }
        return List.copyOf(items);
    }

    /** {@code links.next} as given (never a cursor we build), but only on Apple's own host: it gets our JWT. */
    private URI nextPage(URI current, String next, String what) {
        URI uri;
        try {
            uri = current.resolve(next);
        } catch (IllegalArgumentException e) {
            throw unexpected(what, "links.next is not a URL");
        }
        URI base = endpoints.apiBase();
        if (!Objects.equals(uri.getScheme(), base.getScheme())
                || !Objects.equals(uri.getHost(), base.getHost())
                || uri.getPort() != base.getPort()) {
            throw unexpected(what, "links.next points to another host: " + uri.getHost());
        }
        return uri;
    }

    /**
     * One call, retried on UNAVAILABLE when {@code repeatable}. Returns a 2xx answer or one whose status
     * {@code accepted} lets through; throws for everything else.
     */
    private Answer exchange(
            ApiCredential credential,
            String method,
            URI uri,
            byte[] body,
            String what,
            boolean repeatable,
            Access access,
            IntPredicate accepted) {
        Objects.requireNonNull(credential, "credential");
        return http.withRetries(what, repeatable, () -> {
            Answer answer = sendInTurn(credential, tokens.bearerFor(credential), method, uri, body, what);
            if (answer.status() == 401 && credential instanceof ApiCredential.ApiKey key) {
                // Apple's 401s are occasionally transient; one fresh token is the documented remedy.
                log.debug("{}: HTTP 401, trying once more with a freshly minted token", what);
                answer = sendInTurn(credential, tokens.freshBearerFor(key), method, uri, body, what);
            }
            if (answer.isSuccess() || accepted.test(answer.status())) {
                return answer;
            }
            throw failure(answer, credential, what, access);
        });
    }

    private Answer sendInTurn(
            ApiCredential credential, String bearer, String method, URI uri, byte[] body, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json, application/a-gzip");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return turns.inTurn(credential.keyId(), () -> {
            Answer answer = http.send(request, what);
            accounting.rateLimitSeen(
                    credential.keyId(), answer.header("X-Rate-Limit").orElse(null));
            return answer;
        });
    }

    private AppleFailure failure(Answer answer, ApiCredential credential, String what, Access access) {
        int status = answer.status();
        Optional<ApiJson.ApiError> error = ApiJson.firstError(answer.body());
        String code = error.map(ApiJson.ApiError::code).orElse("");
        String appleSays = error.map(e -> AppleAnswers.quote(e.detail().isBlank() ? e.title() : e.detail()))
                .orElse("");
        String detail = what + ": HTTP " + status + (code.isEmpty() ? "" : " " + AppleAnswers.quote(code))
                + (appleSays.isEmpty() ? "" : " \"" + appleSays + "\"");
        if (status == 401) {
            return new AppleFailure(Kind.UNAUTHORIZED, unauthorizedMessage(credential), detail);
        }
        if (status == 403) {
            String message = code.startsWith(AGREEMENTS_CODE)
                    ? "Apple refuses because the account's agreements are missing or expired. The Account Holder "
                            + "must accept the latest agreements in App Store Connect > Business."
                    : "Apple says this API key may not do this. " + access.advice;
            return new AppleFailure(Kind.FORBIDDEN, message, detail);
        }
        if (status == 429) {
            Optional<Duration> retryAfter = AppleAnswers.retryAfter(answer.header("Retry-After"), clock);
            String budget = accounting
                    .lastRateLimit(credential.keyId())
                    .map(limit -> " (" + limit.hourlyLimit() + " requests an hour)")
                    .orElse("");
            return new AppleFailure(
                    Kind.RATE_LIMITED,
                    "Apple's request limit for this API key is used up for now" + budget + ". "
                            + AppleAnswers.whenToRetry(retryAfter),
                    detail,
                    retryAfter.orElse(null),
                    null);
        }
        if (status >= 500) {
            return new AppleFailure(
                    Kind.UNAVAILABLE,
                    SERVICE + " is having problems (HTTP " + status + "). This is "
                            + "usually temporary: try again in a few minutes.",
                    detail);
        }
        String quoted = appleSays.isEmpty() ? "" : " Apple says: \"" + appleSays + "\"";
        return new AppleFailure(
                Kind.UNEXPECTED_ANSWER,
                SERVICE + " could not answer this request (HTTP " + status + ")." + quoted
                        + " If it keeps happening, contact support.",
                detail);
    }

    private static String unauthorizedMessage(ApiCredential credential) {
        if (credential instanceof ApiCredential.ReadyMadeJwt) {
            return "Apple rejected the JWT: it is not signed by an active key of this team (the key may be revoked, "
                    + "or \"kid\" and \"iss\" do not match the key that signed it), or Apple considers it expired. "
                    + "Mint a new JWT with an active key, or enter the API key itself so we mint tokens for you.";
        }
        return "Apple rejected the API key: it was revoked, or the Issuer ID, Key ID and .p8 file do not belong "
                + "together. Check them in App Store Connect > Users and Access > Integrations, or generate a new "
                + "key there.";
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

    private URI api(String pathAndQuery) {
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

    private static void requireJson(Answer answer, String what) {
        String type = answer.mediaType();
        if (!type.isEmpty() && !type.equals("application/json") && !type.endsWith("+json")) {
            throw unexpected(what, "content type " + type + " where JSON was expected");
        }
    }

    private static <T> T read(String what, Supplier<T> parser) {
        return AppleAnswers.read(SERVICE, what, parser);
    }

    private static AppleFailure unexpected(String what, String reason) {
        return AppleAnswers.unexpected(SERVICE, what, reason);
    }
}
