package com.storemetrics.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * With {@code storemetrics.sandbox.share-clock} (development only) the application runs on this
     * clock too (see {@link SharedDemoClock}), so the sandbox's own base is the system clock.
     */
    SandboxClock(
            ObjectProvider<Clock> applicationClock,
            @Value("${storemetrics.sandbox.share-clock:false}") boolean sharedWithTheApplication) {
        this.clock = sharedWithTheApplication ? Clock.systemUTC() : applicationClock.getObject();
    }

    Instant now() {
        return clock.instant().plus(offset.get());
    }

    /** Apple's report calendar: a report day is a Pacific-time day (docs/metrics.md). */
    static final ZoneId REPORT_ZONE = ZoneId.of("America/Los_Angeles");
    /** Daily reports of the Americas appear by 5 am Pacific the next morning. */
    static final LocalTime PUBLICATION_TIME = LocalTime.of(5, 0);

    /** Today in Apple's report calendar (Pacific time). */
    LocalDate today() {
        return LocalDate.ofInstant(now(), REPORT_ZONE);
    }

    /**
     * Whether Apple has published the daily report of {@code day} by now: from 5 am Pacific the
     * next morning on. Today's report never is; yesterday's is from 5 am on.
     */
    boolean isPublished(LocalDate day) {
        return isPublished(day, 1);
    }

    /**
     * Whether a report that appears {@code daysLater} days after its day, at 5 am Pacific, has by now:
     * the Sales summary the next morning (1), the subscription reports a day later (2).
     */
    boolean isPublished(LocalDate day, int daysLater) {
        return !now().isBefore(day.plusDays(daysLater)
                .atTime(PUBLICATION_TIME)
                .atZone(REPORT_ZONE)
                .toInstant());
    }

    /**
     * The furthest sandbox time may run ahead of the application's clock: two years is room for any
     * demo (invitations lapse in days, Apple keeps a year of reports), while years beyond would put
     * the verifier and the importer past what the database stores (the year 11 million).
     */
    static final Duration MAX_OFFSET = Duration.ofDays(2 * 365 + 1);

    /**
     * Moves sandbox time forward; time never runs backwards, so a negative step is refused, and so is
     * one that would take it more than {@link #MAX_OFFSET} ahead in total (nothing changes then).
     */
    synchronized Instant advance(Duration step) {
        if (step.isNegative()) {
            throw new SandboxRefusal(SandboxRefusal.Reason.INVALID, "The clock only moves forward");
        }
        Duration current = offset.get();
        // Compared before adding: a huge step must not overflow the sum.
        if (step.compareTo(MAX_OFFSET.minus(current)) > 0) {
            throw new SandboxRefusal(
                    SandboxRefusal.Reason.INVALID,
                    "The sandbox clock runs at most 2 years (" + MAX_OFFSET.toDays() + " days) ahead in total; it is "
                            + current.toDays() + " day(s) ahead now, so it can move at most "
                            + MAX_OFFSET.minus(current).toHours() + " hours more. Reset the sandbox to start over.");
        }
        offset.set(current.plus(step));
        return now();
    }

    void reset() {
        offset.set(Duration.ZERO);
    }

    /** How far sandbox time runs ahead of the application's clock (kept across restarts). */
    Duration offset() {
        return offset.get();
    }

    /**
     * Takes up a saved offset; one out of bounds (saved by an older version) is not, and time starts
     * from now. Says whether it was taken up.
     */
    boolean restoreOffset(Duration saved) {
        boolean usable = saved != null && !saved.isNegative() && saved.compareTo(MAX_OFFSET) <= 0;
        offset.set(usable ? saved : Duration.ZERO);
        return usable || saved == null;
    }
}
