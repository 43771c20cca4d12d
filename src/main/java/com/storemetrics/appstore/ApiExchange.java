package com.storemetrics.appstore;

import com.storemetrics.appstore.AppleFailure.Kind;
import com.storemetrics.appstore.AppleHttp.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One App Store Connect API call over HTTP (docs/apple-wire-contract.md, section 2): the bearer JWT
 * (minted afresh once after a 401 for a key we mint for), one request in flight per key id, retries
 * while Apple is unavailable for repeatable calls, {@code links.next} paging on Apple's own host
 * only, and Apple's error answers turned into {@link AppleFailure}s that say what to do.
 */
final class ApiExchange {

    private static final Logger log = LoggerFactory.getLogger(AppStoreConnectClient.class);
    private static final String SERVICE = AppStoreConnectClient.SERVICE;
    private static final String AGREEMENTS_CODE = "FORBIDDEN.REQUIRED_AGREEMENTS";

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

    private final AppStoreProperties properties;
    private final AppleEndpoints endpoints;
    private final ApiTokens tokens;
    private final AppleCallAccounting accounting;
    private final Clock clock;
    private final AppleHttp http;
    private final KeyTurns turns;

    ApiExchange(
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

    <T> List<T> listAll(ApiCredential credential, URI first, String what, Function<byte[], ApiJson.Page<T>> parser) {
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
    Answer exchange(
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

    AppleFailure failure(Answer answer, ApiCredential credential, String what, Access access) {
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

    static void requireJson(Answer answer, String what) {
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
