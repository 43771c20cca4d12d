package com.storemetrics.rates;

/** The feed's answer is not the ECB's reference-rate XML (garbage, hostile XML, a missing attribute, ...). */
public class UnreadableFeed extends RuntimeException {

    public UnreadableFeed(String message) {
        super(message);
    }

    public UnreadableFeed(String message, Throwable cause) {
        super(message, cause);
    }
}
