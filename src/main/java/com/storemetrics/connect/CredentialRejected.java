package com.storemetrics.connect;

import com.storemetrics.appstore.AppleFailure;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 1's answer when a credential cannot be used: a message for the customer that says exactly
 * what is wrong and what to do. Never carries the credential.
 */
public class CredentialRejected extends RuntimeException {

    private static final Logger log = LoggerFactory.getLogger(CredentialRejected.class);

    public enum Reason {
        EMPTY,
        TOO_LONG,
        WRONG_KIND,
        UNRECOGNISED,
        MALFORMED,
        UNAUTHORIZED,
        FORBIDDEN,
        RATE_LIMITED,
        UNAVAILABLE,
        UNEXPECTED_ANSWER,
        NO_ACCOUNTS,
        INVALID_VENDOR_NUMBER
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
        return new CredentialRejected(reason, customerMessage(failure));
    }

    /**
     * What a customer sees of an Apple failure: its user message, never exception text. When the
     * trouble is on the way or on Apple's side, the detail goes to the log under a short reference
     * that the message quotes, so support can find it.
     */
    public static String customerMessage(AppleFailure failure) {
        if (failure.kind() != AppleFailure.Kind.UNAVAILABLE && failure.kind() != AppleFailure.Kind.UNEXPECTED_ANSWER) {
            return failure.userMessage();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.warn(
                "Apple call for a customer failed (reference {}): {}: {}",
                reference,
                failure.kind(),
                failure.getMessage());
        return failure.userMessage() + " Reference: " + reference + ".";
    }

    public Reason reason() {
        return reason;
    }

    public String userMessage() {
        return getMessage();
    }
}
