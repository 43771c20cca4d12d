package com.storemetrics.integration;

import com.storemetrics.appstore.AppleFailure;

/**
 * Step 1's answer when a credential cannot be used: a message for the customer that says exactly
 * what is wrong and what to do. Never carries the credential.
 */
public class CredentialRejected extends RuntimeException {

    public enum Reason {
        EMPTY, TOO_LONG, WRONG_KIND, UNRECOGNISED, MALFORMED, UNAUTHORIZED, FORBIDDEN, RATE_LIMITED,
        UNAVAILABLE, UNEXPECTED_ANSWER, NO_ACCOUNTS, INVALID_VENDOR_NUMBER
    }

    private final Reason reason;

    public CredentialRejected(Reason reason, String userMessage) {
        super(userMessage);
        this.reason = reason;
    }

    static CredentialRejected from(AppleFailure failure) {
        Reason reason = switch (failure.kind()) {
            case MALFORMED_CREDENTIAL -> Reason.MALFORMED;
            case UNAUTHORIZED -> Reason.UNAUTHORIZED;
            case FORBIDDEN -> Reason.FORBIDDEN;
            case RATE_LIMITED -> Reason.RATE_LIMITED;
            case UNAVAILABLE -> Reason.UNAVAILABLE;
            case UNEXPECTED_ANSWER -> Reason.UNEXPECTED_ANSWER;
        };
        return new CredentialRejected(reason, failure.userMessage());
    }

    public Reason reason() {
        return reason;
    }

    public String userMessage() {
        return getMessage();
    }
}
