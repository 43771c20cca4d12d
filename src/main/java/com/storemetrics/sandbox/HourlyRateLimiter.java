package com.storemetrics.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Apple's per-key rolling-hour request budget ({@code X-Rate-Limit: user-hour-lim:N;user-hour-rem:M;}).
 * Counts accepted requests per key id on the sandbox clock; the budget is adjustable at run time
 * so tests can exhaust it in a few requests.
 */
@Component
@ConditionalOnSandbox
class HourlyRateLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);

    /** The answer for one request: allowed or not, and what the rate-limit headers say. */
    record Verdict(boolean allowed, int limit, int remaining, long retryAfterSeconds) {
        String header() {
            return "user-hour-lim:" + limit + ";user-hour-rem:" + remaining + ";";
        }
    }

    private final SandboxClock clock;
    private final int configuredBudget;
    private final Map<String, Deque<Instant>> requestsByKey = new HashMap<>();
    private int budget;

    HourlyRateLimiter(SandboxClock clock, SandboxProperties properties) {
        this.clock = clock;
        this.configuredBudget = properties.hourlyRequestBudget();
        this.budget = configuredBudget;
    }

    /** Counts one request of this key if the budget allows it. */
    synchronized Verdict acquire(String keyId) {
        Instant now = clock.now();
        Deque<Instant> requests = window(keyId, now);
        if (requests.size() >= budget) {
            Instant freedAt = requests.peekFirst().plus(WINDOW);
            long seconds = Math.max(1, (Duration.between(now, freedAt).toMillis() + 999) / 1000);
            return new Verdict(false, budget, 0, seconds);
        }
        requests.addLast(now);
        return new Verdict(true, budget, budget - requests.size(), 0);
    }

    /** What the headers say for a request that was not counted (e.g. refused before authentication). */
    synchronized Verdict peek(String keyId) {
        int used = keyId == null ? 0 : window(keyId, clock.now()).size();
        return new Verdict(true, budget, Math.max(0, budget - used), 0);
    }

    synchronized void setBudget(int hourlyBudget) {
        if (hourlyBudget < 1) {
            throw new SandboxRefusal(SandboxRefusal.Reason.INVALID, "hourlyBudget must be at least 1");
        }
        budget = hourlyBudget;
    }

    synchronized int budget() {
        return budget;
    }

    synchronized void reset() {
        requestsByKey.clear();
        budget = configuredBudget;
    }

    private Deque<Instant> window(String keyId, Instant now) {
        Deque<Instant> requests = requestsByKey.computeIfAbsent(keyId, k -> new ArrayDeque<>());
        Instant start = now.minus(WINDOW);
        while (!requests.isEmpty() && !requests.peekFirst().isAfter(start)) {
            requests.pollFirst();
        }
        return requests;
    }
}
