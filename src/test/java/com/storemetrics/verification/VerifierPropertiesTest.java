package com.storemetrics.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifierPropertiesTest {

    private final VerifierProperties properties = new VerifierProperties(
            Duration.ofSeconds(30),
            Duration.ofSeconds(3),
            Duration.ofMinutes(5),
            Duration.ofSeconds(15),
            Duration.ofHours(1),
            Duration.ofDays(1),
            Duration.ofSeconds(10),
            Duration.ofMinutes(10));

    @Test
    void the_check_runs_every_few_seconds_while_a_young_integration_is_pending_then_slows_down() {
        java.time.Instant now = java.time.Instant.parse("2026-01-01T12:00:00Z");
        assertThat(properties.intervalWhile(null, now)).as("nobody waiting").hasSeconds(30);
        assertThat(properties.intervalWhile(now.minusSeconds(10), now)).hasSeconds(3);
        assertThat(properties.intervalWhile(now.minusSeconds(299), now)).hasSeconds(3);
        assertThat(properties.intervalWhile(now.minusSeconds(300), now)).hasSeconds(15);
        assertThat(properties.intervalWhile(now.minusSeconds(3599), now)).hasSeconds(15);
        assertThat(properties.intervalWhile(now.minusSeconds(3600), now)).hasSeconds(30);
    }

    @Test
    void the_pace_is_never_slower_than_the_normal_interval() {
        VerifierProperties everySecond = new VerifierProperties(
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                Duration.ofMinutes(5),
                Duration.ofSeconds(15),
                Duration.ofHours(1),
                Duration.ofDays(1),
                Duration.ofSeconds(10),
                Duration.ofMinutes(10));
        assertThat(everySecond.intervalWhile(java.time.Instant.now(), java.time.Instant.now()))
                .hasSeconds(1);
    }

    @Test
    void the_back_off_doubles_from_the_first_pause_and_stops_at_the_maximum() {
        assertThat(properties.backoffAfter(0)).isZero();
        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(properties.backoffAfter(7)).isEqualTo(Duration.ofMinutes(10));
        assertThat(properties.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void a_pending_integration_may_wait_the_invitation_lifetime_plus_the_grace() {
        assertThat(properties.pendingLifetime()).isEqualTo(Duration.ofDays(4));
    }
}
