package com.storemetrics.base;

import java.time.Duration;

/**
 * Waiting after failures: the first wait after one failure, doubling with each further failure,
 * never longer than the maximum. One formula for every retrying part (the verifier, the importer,
 * Apple's clients, the cross-node listener, the sign-in throttle).
 *
 * @param first the wait after the first failure; zero for none (tests)
 * @param max   the longest wait (below {@code first}, every wait is {@code max})
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first == null || first.isNegative()) {
            throw new IllegalArgumentException("A back-off's first wait must not be negative: " + first);
        }
        if (max == null || max.isNegative()) {
            throw new IllegalArgumentException("A back-off's longest wait must not be negative: " + max);
        }
    }

    /** The wait after {@code failures} consecutive failures: none after none, {@code first} after one, then doubling up to {@code max}. */
    public Duration after(int failures) {
        if (failures <= 0 || first.isZero()) {
            return Duration.ZERO;
        }
        Duration wait = first;
        // Doubles at most until past max (about 60 times for a nanosecond up to centuries): never overflows.
        for (int doubled = 1; doubled < failures && wait.compareTo(max) < 0; doubled++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
