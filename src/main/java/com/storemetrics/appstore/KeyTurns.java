package com.storemetrics.appstore;

import com.storemetrics.appstore.AppleFailure.Kind;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One request in flight per API key: Apple answers parallel bursts of one key with 429 long before
 * the hourly budget is spent. Callers queue fairly; one that waits too long gets RATE_LIMITED
 * instead of piling up behind a slow key.
 */
final class KeyTurns {

    private final Map<String, Semaphore> turnByKeyId = new ConcurrentHashMap<>();
    private final Duration maxWait;

    KeyTurns(Duration maxWait) {
        this.maxWait = maxWait;
    }

    <T> T inTurn(String keyId, Supplier<T> request) {
        Semaphore turn = turnByKeyId.computeIfAbsent(keyId, id -> new Semaphore(1, true));
        boolean acquired;
        try {
            acquired = turn.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppleFailure(
                    Kind.UNAVAILABLE,
                    "The request to Apple was cancelled.",
                    "interrupted while waiting for key " + keyId + "'s turn",
                    null,
                    e);
        }
        if (!acquired) {
            throw new AppleFailure(
                    Kind.RATE_LIMITED,
                    "Too many requests with this API key are waiting for Apple " + "right now. Try again in a minute.",
                    "key " + keyId + " busy for more than " + maxWait,
                    Duration.ofMinutes(1),
                    null);
        }
        try {
            return request.get();
        } finally {
            turn.release();
        }
    }

    /** How many callers are queued for a key right now (for tests and diagnostics). */
    int waiting(String keyId) {
        Semaphore turn = turnByKeyId.get(keyId);
        return turn == null ? 0 : turn.getQueueLength();
    }
}
