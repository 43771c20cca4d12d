package com.storemetrics.appstore;

import com.storemetrics.appstore.AppleFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * What a transport problem means in words: the customer's sentence (never the exception's own
 * words) and the detail for the log. Time-outs, refused and dropped connections are
 * {@link Kind#UNAVAILABLE}; an answer over the size cap or one that cannot be read is
 * {@link Kind#UNEXPECTED_ANSWER}.
 */
final class TransportFailures {

    private final String serviceName;
    private final AppStoreProperties properties;

    TransportFailures(String serviceName, AppStoreProperties properties) {
        this.serviceName = serviceName;
        this.properties = properties;
    }

    /** The overall deadline of an interactive call ran out: say so, not "no answer within 20 s". */
    AppleFailure pastDeadline(String what, Throwable cause) {
        Duration overall = AppleDeadline.limit();
        String within = overall == null ? "the time allowed" : seconds(overall.toMillis());
        return new AppleFailure(
                Kind.UNAVAILABLE,
                serviceName + " did not answer within " + within + ", so we stopped waiting. This is usually "
                        + "temporary: try again in a few minutes.",
                what + ": overall deadline of " + within + " reached",
                null,
                cause);
    }

    /** What a failed exchange means for the caller: the answer too large, no connection, no answer, or unreadable. */
    AppleFailure of(String what, Throwable cause, long limit) {
        Throwable root = cause;
        while (root instanceof CompletionException && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof ResponseTooLarge) {
            return new AppleFailure(
                    Kind.UNEXPECTED_ANSWER,
                    serviceName + " sent an answer far larger than expected, so we stopped reading it. "
                            + "Try again later; if it keeps happening, contact support.",
                    what + ": answer larger than " + limit + " bytes",
                    null,
                    root);
        }
        if (root instanceof HttpConnectTimeoutException) {
            return unavailable(
                    what,
                    "no connection within "
                            + seconds(properties.connectTimeout().toMillis()),
                    root);
        }
        if (root instanceof HttpTimeoutException) {
            return unavailable(
                    what, "no answer within " + seconds(properties.readTimeout().toMillis()), root);
        }
        if (root instanceof ConnectException) {
            return unavailable(what, "connection refused", root);
        }
        if (root instanceof IOException) {
            // The exception's own words are for the log only, never for a customer.
            return new AppleFailure(
                    Kind.UNAVAILABLE,
                    serviceName + " could not be reached (the connection dropped before a complete answer). This "
                            + "is usually temporary: try again in a few minutes.",
                    what + ": connection dropped before a complete answer ("
                            + root.getClass().getSimpleName() + ": " + root.getMessage() + ")",
                    null,
                    root);
        }
        return new AppleFailure(
                Kind.UNEXPECTED_ANSWER,
                serviceName + " answered in a way we could not read. Try again later; if it keeps happening, "
                        + "contact support.",
                what + ": " + root.getClass().getSimpleName() + ": " + root.getMessage(),
                null,
                root);
    }

    AppleFailure unavailable(String what, String reason, Throwable cause) {
        return new AppleFailure(
                Kind.UNAVAILABLE,
                serviceName + " could not be reached (" + reason + "). This is usually temporary: "
                        + "try again in a few minutes.",
                what + ": " + reason,
                null,
                cause);
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
