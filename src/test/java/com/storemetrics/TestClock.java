package com.storemetrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: real time plus an offset that tests move forward (the
 * sandbox reads the same clock, so Apple's side moves too). Tests that move it reset it after.
 */
public class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /**
     * Moves the clock on to just past the next clock hour unless at least {@code room} is left of the
     * current one. For tests that count per clock hour (the importer's share of Apple's budget,
     * {@code ImportPacing}): real time goes on under this clock, so such a test started a few seconds
     * before the hour would count in two hours and see twice the share.
     */
    public void keepWithinOneClockHourFor(Duration room) {
        Instant now = instant();
        Instant nextHour = now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        if (Duration.between(now, nextHour).compareTo(room) < 0) {
            advance(Duration.between(now, nextHour).plusSeconds(1));
        }
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
