package com.storemetrics.support.ui;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Coalesces refresh requests that arrive from any thread (the verifier's, a customer's request) so
 * that the action runs at most once per {@code gap}: the first request of a quiet period runs at
 * once, requests inside the gap collapse into one trailing run at its end. A run always happens after
 * the last request, so nothing is missed, and a burst of a hundred changes costs two refreshes.
 */
final class RefreshThrottle {

    private final long gapNanos;
    private final Runnable action;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong lastRun = new AtomicLong(System.nanoTime() - Duration.ofDays(1).toNanos());
    private volatile boolean stopped;

    RefreshThrottle(Duration gap, Runnable action) {
        this.gapNanos = gap.toNanos();
        this.action = action;
    }

    void request() {
        if (stopped || !scheduled.compareAndSet(false, true)) {
            return; // a run is coming; it reads the newest data
        }
        long wait = lastRun.get() + gapNanos - System.nanoTime();
        if (wait <= 0) {
            run();
        } else {
            CompletableFuture.runAsync(this::run, CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS));
        }
    }

    /** No more runs: the view is gone. */
    void stop() {
        stopped = true;
    }

    private void run() {
        // Cleared before running: a request that arrives meanwhile gets its own (later) run.
        scheduled.set(false);
        lastRun.set(System.nanoTime());
        if (!stopped) {
            action.run();
        }
    }
}
