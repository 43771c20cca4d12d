package com.storemetrics.myintegrations;

import java.time.Duration;

/** What "Check again" did: a check is coming ({@code asked}), or the customer asked too recently and may ask again in {@code retryIn}. */
public record CheckAgain(boolean asked, Duration retryIn) {

    /** How often one customer may ask; the verifier's own early checks run regardless. */
    public static final Duration MIN_GAP = Duration.ofSeconds(30);

    /** The scope of its counters in the database (com.storemetrics.attempts). */
    static final String SCOPE = "check-again";

    static CheckAgain checkComing() {
        return new CheckAgain(true, Duration.ZERO);
    }

    static CheckAgain tooSoon(Duration retryIn) {
        return new CheckAgain(false, retryIn);
    }
}
