package com.storemetrics.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierPropertiesTest {

    private final VerifierProperties properties = new VerifierProperties(Duration.ofSeconds(30),
            List.of(Duration.ofSeconds(2)), Duration.ofDays(1), Duration.ofSeconds(10), Duration.ofMinutes(10));

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
