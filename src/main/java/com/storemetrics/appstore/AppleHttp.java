package com.storemetrics.appstore;

import com.storemetrics.appstore.AppleFailure.Kind;
import com.storemetrics.base.Backoff;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport both clients share: JDK {@link HttpClient} with a connect time-out, a deadline
 * for the whole answer, a size cap enforced while streaming, and bounded retries with jittered
 * exponential back-off. Transport problems become {@link Kind#UNAVAILABLE}; an answer over the cap
 * becomes {@link Kind#UNEXPECTED_ANSWER}. What a status code means is up to each client.
 */
final class AppleHttp {

    private static final Logger log = LoggerFactory.getLogger(AppleHttp.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final HttpClient client;
    private final AppStoreProperties properties;
    private final AppleProtocol protocol;
    private final String serviceName;
    private final AppleCallAccounting accounting;
    private final TransportFailures failures;

    AppleHttp(
            AppStoreProperties properties, AppleProtocol protocol, String serviceName, AppleCallAccounting accounting) {
        this.properties = properties;
        this.protocol = protocol;
        this.serviceName = serviceName;
        this.accounting = accounting;
        this.failures = new TransportFailures(serviceName, properties);
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                // HTTP/1.1: no h2c upgrade dance against the plain-HTTP sandbox; Apple serves it too.
                .version(HttpClient.Version.HTTP_1_1)
                // A redirect could carry our bearer token elsewhere; Apple does not redirect these calls.
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** An answer read completely (and within the size cap). */
    record Answer(int status, HttpHeaders headers, byte[] body) {

        /** The media type, lower case, without parameters; empty when absent. */
        String mediaType() {
            return headers.firstValue("Content-Type")
                    .map(value -> value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                    .orElse("");
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    /**
     * Runs {@code attempt} up to max-attempts times while it fails with {@link Kind#UNAVAILABLE};
     * only for requests that are safe to repeat. Every other failure is thrown at once.
     */
    <T> T withRetries(String what, boolean repeatable, Supplier<T> attempt) {
        int attempts = repeatable ? properties.maxAttempts() : 1;
        for (int attemptNumber = 1; ; attemptNumber++) {
            try {
                return attempt.get();
            } catch (AppleFailure failure) {
                if (failure.kind() != Kind.UNAVAILABLE || attemptNumber >= attempts) {
                    if (failure.kind() == Kind.UNAVAILABLE) {
                        log.warn(
                                "{}: {} unavailable after {} attempt(s): {}",
                                serviceName,
                                what,
                                attemptNumber,
                                failure.getMessage());
                    }
                    throw failure;
                }
                Duration pause = backoff(attemptNumber);
                if (AppleDeadline.remainingMillis() <= pause.toMillis()) {
                    // Someone is waiting: no attempt that the overall deadline would cut short anyway.
                    log.warn(
                            "{}: {} unavailable after {} attempt(s), no time left for another: {}",
                            serviceName,
                            what,
                            attemptNumber,
                            failure.getMessage());
                    throw failure;
                }
                log.debug(
                        "{}: {} attempt {} of {} failed ({}); next in {} ms",
                        serviceName,
                        what,
                        attemptNumber,
                        attempts,
                        failure.getMessage(),
                        pause.toMillis());
                pause(pause, what);
            }
        }
    }

    /** Sends one request and reads the whole answer, or fails with UNAVAILABLE / UNEXPECTED_ANSWER. */
    Answer send(HttpRequest.Builder request, String what) {
        long remaining = AppleDeadline.remainingMillis();
        if (remaining <= 0) {
            throw failures.pastDeadline(what, null);
        }
        boolean deadlineLimits = remaining < properties.readTimeout().toMillis();
        HttpRequest built = request.timeout(deadlineLimits ? Duration.ofMillis(remaining) : properties.readTimeout())
                .build();
        long limit = properties.maxResponseBytes().toBytes();
        // The JDK's request time-out ends when the headers arrive; this deadline also covers the body.
        long deadlineMillis = Math.min(
                remaining,
                properties.connectTimeout().plus(properties.readTimeout()).toMillis());
        boolean overallDeadlineLimits = remaining
                <= properties.connectTimeout().plus(properties.readTimeout()).toMillis();
        accounting.requestSent(protocol);
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(built, info -> new CappedBodySubscriber(limit, declaredLength(info)));
        try {
            HttpResponse<byte[]> response = pending.get(deadlineMillis, TimeUnit.MILLISECONDS);
            log.debug(
                    "{}: {} {} -> HTTP {} ({} bytes, {} ms)",
                    serviceName,
                    built.method(),
                    what,
                    response.statusCode(),
                    response.body().length,
                    elapsedMillis(started));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            if (overallDeadlineLimits) {
                throw failures.pastDeadline(what, e);
            }
            throw failures.unavailable(
                    what, "no complete answer within " + TransportFailures.seconds(deadlineMillis), e);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw failures.unavailable(what, "interrupted while waiting for the answer", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (deadlineLimits
                    && cause instanceof HttpTimeoutException
                    && !(cause instanceof HttpConnectTimeoutException)) {
                throw failures.pastDeadline(what, cause);
            }
            throw failures.of(what, cause, limit);
        }
    }

    Duration backoff(int failedAttempts) {
        long exponential = new Backoff(properties.retryBackoff(), MAX_BACKOFF)
                .after(failedAttempts)
                .toMillis();
        // "Equal jitter": at least half the exponential step, so callers never retry in lock-step.
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private static void pause(Duration pause, String what) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppleFailure(
                    Kind.UNAVAILABLE,
                    "The request to Apple was cancelled.",
                    what + ": interrupted during back-off",
                    null,
                    e);
        }
    }

    private static long declaredLength(HttpResponse.ResponseInfo info) {
        return info.headers().firstValueAsLong("Content-Length").orElse(-1L);
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
