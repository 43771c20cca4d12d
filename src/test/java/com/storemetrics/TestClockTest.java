package com.storemetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class TestClockTest {

    @Test
    void five_minutes_before_the_hour_a_test_needing_ten_is_moved_into_the_next_hour() {
        TestClock clock = atMinuteOfTheHour(55);
        Instant nextHour = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);

        clock.keepWithinOneClockHourFor(Duration.ofMinutes(10));

        assertThat(clock.instant()).isAfter(nextHour).isBefore(nextHour.plus(1, ChronoUnit.MINUTES));
    }

    @Test
    void with_room_left_in_the_hour_the_clock_is_not_moved() {
        TestClock clock = atMinuteOfTheHour(15);
        Instant before = clock.instant();

        clock.keepWithinOneClockHourFor(Duration.ofMinutes(10));

        assertThat(Duration.between(before, clock.instant())).isLessThan(Duration.ofSeconds(5));
    }

    /** A test clock moved forward to the next {@code minute} past a full hour. */
    private static TestClock atMinuteOfTheHour(int minute) {
        TestClock clock = new TestClock();
        Instant now = clock.instant();
        Instant then = now.truncatedTo(ChronoUnit.HOURS).plus(minute, ChronoUnit.MINUTES);
        clock.advance(Duration.between(now, then.isAfter(now) ? then : then.plus(1, ChronoUnit.HOURS)));
        return clock;
    }
}
