package com.storemetrics.appstore;

import com.storemetrics.base.NodeLocalState;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * How many requests we sent to Apple in the last hour, per protocol, and the rate limit Apple last
 * reported per API key: what the support console shows against Apple's hourly budget. Every attempt
 * counts, retries included, because each one costs budget at Apple.
 */
@Component
public class AppleCallAccounting implements NodeLocalState {

    private final Clock clock;
    private final Map<AppleProtocol, RollingHourCounter> sent = new EnumMap<>(AppleProtocol.class);
    private final Map<String, AppleRateLimit> lastRateLimitByKeyId = new ConcurrentHashMap<>();
    /** Requests ever sent by each thread, per protocol: a caller's own count, whatever other threads send. */
    private final ThreadLocal<int[]> sentByThread =
            ThreadLocal.withInitial(() -> new int[AppleProtocol.values().length]);

    AppleCallAccounting(Clock clock) {
        this.clock = clock;
        for (AppleProtocol protocol : AppleProtocol.values()) {
            sent.put(protocol, new RollingHourCounter());
        }
    }

    /** Requests sent with this protocol in the last hour (to the minute). */
    public int requestsInLastHour(AppleProtocol protocol) {
        return sent.get(protocol).total(clock.millis());
    }

    /**
     * Requests this thread has sent with this protocol so far, retries included: a background job
     * (the importer) takes the difference around its calls to count exactly what its own calls cost,
     * while other threads (the verifier, customers' dialogs) send at the same time.
     */
    public int sentByThisThread(AppleProtocol protocol) {
        return sentByThread.get()[protocol.ordinal()];
    }

    /** The {@code X-Rate-Limit} Apple last reported for this key id, if any answer carried one. */
    public Optional<AppleRateLimit> lastRateLimit(String keyId) {
        return Optional.ofNullable(lastRateLimitByKeyId.get(keyId));
    }

    @Override
    public void clear() {
        sent.values().forEach(RollingHourCounter::clear);
        lastRateLimitByKeyId.clear();
    }

    void requestSent(AppleProtocol protocol) {
        sent.get(protocol).add(clock.millis());
        sentByThread.get()[protocol.ordinal()]++;
    }

    void rateLimitSeen(String keyId, String header) {
        AppleRateLimit.parse(header, clock.instant()).ifPresent(limit -> lastRateLimitByKeyId.put(keyId, limit));
    }

    /**
     * Sixty one-minute buckets: constant memory whatever the request rate, at the price of counting
     * the oldest minute whole.
     */
    static final class RollingHourCounter {
        private static final int MINUTES = 60;
        private final long[] minuteOfBucket = new long[MINUTES];
        private final int[] countOfBucket = new int[MINUTES];

        RollingHourCounter() {
            clear();
        }

        synchronized void clear() {
            Arrays.fill(minuteOfBucket, Long.MIN_VALUE);
            Arrays.fill(countOfBucket, 0);
        }

        synchronized void add(long nowMillis) {
            long minute = Math.floorDiv(nowMillis, 60_000L);
            int index = (int) Math.floorMod(minute, MINUTES);
            if (minuteOfBucket[index] != minute) {
                minuteOfBucket[index] = minute;
                countOfBucket[index] = 0;
            }
            countOfBucket[index]++;
        }

        synchronized int total(long nowMillis) {
            long minute = Math.floorDiv(nowMillis, 60_000L);
            int total = 0;
            for (int i = 0; i < MINUTES; i++) {
                if (minuteOfBucket[i] > minute - MINUTES && minuteOfBucket[i] <= minute) {
                    total += countOfBucket[i];
                }
            }
            return total;
        }
    }
}
