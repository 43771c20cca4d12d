package com.storemetrics.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The sandbox's notion of now: the application's clock plus an offset that the control API can
 * advance, so tests let invitations and tokens expire without waiting days.
 */
@Component
@ConditionalOnSandbox
class SandboxClock {

    private final Clock clock;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    SandboxClock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().plus(offset.get());
    }

    /** Apple's report calendar; the sandbox keeps it in UTC. */
    LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }

    /** Moves sandbox time forward; time never runs backwards, so a negative step is refused. */
    Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new SandboxRefusal(SandboxRefusal.Reason.INVALID, "The clock only moves forward");
        }
        offset.accumulateAndGet(step, Duration::plus);
        return now();
    }

    void reset() {
        offset.set(Duration.ZERO);
    }

    /** How far sandbox time runs ahead of the application's clock (kept across restarts). */
    Duration offset() {
        return offset.get();
    }

    void restoreOffset(Duration saved) {
        offset.set(saved == null || saved.isNegative() ? Duration.ZERO : saved);
    }
}
