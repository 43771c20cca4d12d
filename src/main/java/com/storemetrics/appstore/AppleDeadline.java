package com.storemetrics.appstore;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One overall deadline for the Apple calls a person is waiting for (step 1's Validate, "Send
 * invitations for me"). Inside {@link #within}, every request on this thread waits at most for
 * what is left of the deadline, and no retry starts that could not finish in time; when time runs
 * out the failure says so ("did not answer within 15 s"). Background calls (the verifier) run
 * without one and keep their usual time-outs and retries.
 */
public final class AppleDeadline {

    private record Active(long endNanos, Duration limit) {}

    private static final ThreadLocal<Active> ACTIVE = new ThreadLocal<>();

    private AppleDeadline() {}

    /** Runs {@code work} with a deadline of {@code limit} from now (an outer, earlier deadline wins). */
    public static <T> T within(Duration limit, Supplier<T> work) {
        Active outer = ACTIVE.get();
        Active mine = new Active(System.nanoTime() + limit.toNanos(), limit);
        if (outer == null || outer.endNanos() - mine.endNanos() > 0) {
            ACTIVE.set(mine);
        }
        try {
            return work.get();
        } finally {
            if (outer == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(outer);
            }
        }
    }

    /** Milliseconds left, or {@link Long#MAX_VALUE} without a deadline; never negative. */
    static long remainingMillis() {
        Active active = ACTIVE.get();
        if (active == null) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, (active.endNanos() - System.nanoTime()) / 1_000_000);
    }

    /** The whole deadline as set, for messages; null without one. */
    static Duration limit() {
        Active active = ACTIVE.get();
        return active == null ? null : active.limit();
    }
}
