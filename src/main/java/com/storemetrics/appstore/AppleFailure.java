package com.storemetrics.appstore;

import java.time.Duration;
import java.util.Optional;

/**
 * The one failure vocabulary of both Apple clients. {@link #userMessage()} is safe to show a
 * customer and says what to do next; {@link #getMessage()} is the detail for logs. Neither ever
 * contains a token, key or JWT.
 */
public class AppleFailure extends RuntimeException {

    public enum Kind {
        /** The credential is not usable before any call: empty, wrong shape, bad JWT header or claims, bad .p8. */
        MALFORMED_CREDENTIAL,
        /** Apple says 401: invalid, expired or revoked token or key. */
        UNAUTHORIZED,
        /**
         * Apple says 403: the role lacks the right ({@link #lacksRole()}), or agreements are missing
         * (or, for the API, the key was revoked).
         */
        FORBIDDEN,
        /** Apple says 429, or our own pacing refuses to send. */
        RATE_LIMITED,
        /** Time-out, refused connection, dropped connection, 5xx. */
        UNAVAILABLE,
        /** An answer we cannot parse: garbage, wrong content type, too large. */
        UNEXPECTED_ANSWER
    }

    private final Kind kind;
    private final String userMessage;
    private final transient Duration retryAfter;
    private final boolean lacksRole;

    public AppleFailure(Kind kind, String userMessage, String detail) {
        this(kind, userMessage, detail, null, null);
    }

    public AppleFailure(Kind kind, String userMessage, String detail, Duration retryAfter, Throwable cause) {
        this(kind, userMessage, detail, retryAfter, cause, false);
    }

    private AppleFailure(
            Kind kind, String userMessage, String detail, Duration retryAfter, Throwable cause, boolean lacksRole) {
        super(detail, cause);
        this.kind = kind;
        this.userMessage = userMessage;
        this.retryAfter = retryAfter;
        this.lacksRole = lacksRole;
    }

    /**
     * A {@link Kind#FORBIDDEN} whose cause Apple gave as the Apple ID's missing permission (its role
     * there lacks what the report needs), told apart from the account's missing agreements: the first
     * is fixed in Users and Access, the second by the Account Holder in Business.
     */
    public static AppleFailure roleRefused(String userMessage, String detail) {
        return new AppleFailure(Kind.FORBIDDEN, userMessage, detail, null, null, true);
    }

    /**
     * Whether Apple refused for lack of a role (a {@link Kind#FORBIDDEN} not about agreements): our
     * Apple ID's role in the account does not allow the report. Never true for another kind.
     */
    public boolean lacksRole() {
        return lacksRole;
    }

    public Kind kind() {
        return kind;
    }

    public String userMessage() {
        return userMessage;
    }

    /** For {@link Kind#RATE_LIMITED}: when it is sensible to try again, when known. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Transient failures never change an integration's status and may be retried later. */
    public boolean isTransient() {
        return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE || kind == Kind.UNEXPECTED_ANSWER;
    }
}
