package com.storemetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Open views hear of a back-fill at most about once a second per account, and always of a batch's last day. */
class ImportNoticesTest {

    private final MovableClock clock = new MovableClock();
    private final List<Long> told = new ArrayList<>();
    private final ImportNotices notices = new ImportNotices(told::add, clock);

    @Test
    void a_day_stored_every_50_ms_is_told_once_a_second_and_what_was_held_back_at_the_end_of_the_batch() {
        for (int day = 0; day < 60; day++) {
            notices.imported(7);
            clock.advance(Duration.ofMillis(50));
        }
        assertThat(told).as("3 s of storing").hasSize(3).containsOnly(7L);

        notices.batchEnded();

        assertThat(told).hasSize(4);
        notices.batchEnded();
        assertThat(told).as("nothing held back any more").hasSize(4);
    }

    @Test
    void each_account_has_its_own_second() {
        notices.imported(1);
        notices.imported(2);
        notices.imported(1);
        clock.advance(Duration.ofMillis(999));
        notices.imported(2);

        assertThat(told).containsExactly(1L, 2L);
        clock.advance(Duration.ofMillis(1));
        notices.imported(1);
        assertThat(told).containsExactly(1L, 2L, 1L);
        notices.batchEnded();
        assertThat(told).containsExactly(1L, 2L, 1L, 2L);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
