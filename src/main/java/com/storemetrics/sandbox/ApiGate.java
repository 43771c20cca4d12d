package com.storemetrics.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The App Store Connect API's gate, as Apple keeps it: a valid ES256 bearer JWT first, then the key's
 * rolling-hour budget; every answer, errors included, carries the budget in {@code X-Rate-Limit}.
 */
@Component
@ConditionalOnSandbox
class ApiGate {

    static final String RATE_LIMIT_HEADER = "X-Rate-Limit";
    private static final String REQUEST_VERDICT = ApiGate.class.getName() + ".verdict";

    private final ApiKeyJwtVerifier verifier;
    private final HourlyRateLimiter rateLimiter;

    ApiGate(ApiKeyJwtVerifier verifier, HourlyRateLimiter rateLimiter) {
        this.verifier = verifier;
        this.rateLimiter = rateLimiter;
    }

    /** The key a request was accepted for. */
    record Caller(SandboxApiKeys.ApiKey key) {
        String account() {
            return key.accountNumber();
        }

        boolean hasRole(String... roles) {
            return Arrays.asList(roles).contains(key.role());
        }
    }

    /** Apple's checks: a valid JWT first, then the key's hourly budget. */
    Caller authenticate(HttpServletRequest request) {
        ApiKeyJwtVerifier.Outcome outcome = verifier.verify(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (!outcome.accepted()) {
            // A refused token costs no budget; the header shows the key's remainder when the kid was known.
            request.setAttribute(
                    REQUEST_VERDICT,
                    rateLimiter.peek(
                            outcome.key() == null ? null : outcome.key().keyId()));
            throw ApiError.notAuthorized();
        }
        HourlyRateLimiter.Verdict verdict = rateLimiter.acquire(outcome.key().keyId());
        request.setAttribute(REQUEST_VERDICT, verdict);
        if (!verdict.allowed()) {
            throw ApiError.rateLimited();
        }
        return new Caller(outcome.key());
    }

    HourlyRateLimiter.Verdict verdictOf(HttpServletRequest request) {
        Object verdict = request.getAttribute(REQUEST_VERDICT);
        return verdict instanceof HourlyRateLimiter.Verdict v ? v : rateLimiter.peek(null);
    }

    ResponseEntity<Object> error(ApiError error, HttpServletRequest request) {
        HourlyRateLimiter.Verdict verdict = verdictOf(request);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(error.status)
                .contentType(MediaType.APPLICATION_JSON)
                .header(RATE_LIMIT_HEADER, verdict.header());
        if (error.status == HttpStatus.TOO_MANY_REQUESTS) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
        }
        return answer.body(error.body());
    }

    ResponseEntity<Object> ok(HttpServletRequest request, Object body) {
        return respond(request, HttpStatus.OK, body);
    }

    ResponseEntity<Object> respond(HttpServletRequest request, HttpStatus status, Object body) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status)
                .header(RATE_LIMIT_HEADER, verdictOf(request).header());
        return body == null
                ? answer.build()
                : answer.contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
