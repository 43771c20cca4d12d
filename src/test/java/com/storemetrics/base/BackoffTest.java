package com.storemetrics.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10));

    @Test
    void no_failure_means_no_wait_and_the_first_failure_waits_the_first_wait() {
        assertThat(backoff.after(0)).isZero();
        assertThat(backoff.after(-3)).isZero();
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void each_further_failure_doubles_the_wait_up_to_the_longest() {
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(320));
        assertThat(backoff.after(7)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void any_number_of_failures_stays_at_the_longest_without_overflowing() {
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(10));
        assertThat(new Backoff(Duration.ofNanos(1), Duration.ofDays(365_000)).after(Integer.MAX_VALUE))
                .isEqualTo(Duration.ofDays(365_000));
    }

    @Test
    void a_longest_wait_below_the_first_caps_every_wait_and_a_zero_first_never_waits() {
        assertThat(new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(3)).after(1))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(new Backoff(Duration.ZERO, Duration.ofSeconds(3)).after(Integer.MAX_VALUE))
                .isZero();
    }

    @Test
    void negative_or_missing_waits_are_refused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first wait");
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longest wait");
    }
}
