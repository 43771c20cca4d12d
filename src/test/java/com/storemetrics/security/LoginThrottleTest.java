package com.storemetrics.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.appstore.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final LoginProperties properties = new LoginProperties(
            5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1), 100, 128, 1000);
    private final LoginThrottle throttle = new LoginThrottle(properties, clock);

    @Test
    void one_address_trying_many_accounts_is_locked_after_its_own_limit() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }
        assertThat(throttle.lockedUntil("someone-else", "203.0.113.7")).isEmpty();

        throttle.failed("user19", "203.0.113.7");

        assertThat(throttle.lockedUntil("someone-else", "203.0.113.7")).isPresent();
        assertThat(throttle.lockedUntil("someone-else", "198.51.100.1"))
                .as("other addresses are not")
                .isEmpty();
    }

    @Test
    void each_failure_after_a_lock_doubles_the_lock_up_to_the_maximum() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("alice", "192.0.2.1");
        }
        assertThat(throttle.lockedUntil("alice", "192.0.2.2"))
                .contains(clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(2));
        throttle.failed("alice", "192.0.2.1");
        assertThat(throttle.lockedUntil("alice", "192.0.2.2"))
                .contains(clock.instant().plus(Duration.ofMinutes(2)));

        for (int i = 0; i < 10; i++) {
            throttle.failed("alice", "192.0.2.1");
        }
        assertThat(throttle.lockedUntil("alice", "192.0.2.2"))
                .contains(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void a_success_or_a_quiet_hour_forgets_the_failures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("bob", "192.0.2.1");
        }
        throttle.succeeded("bob");
        throttle.failed("bob", "192.0.2.1");
        assertThat(throttle.lockedUntil("bob", "192.0.2.9")).isEmpty();

        for (int i = 0; i < 4; i++) {
            throttle.failed("carol", "192.0.2.1");
        }
        clock.advance(Duration.ofMinutes(61));
        throttle.failed("carol", "192.0.2.1");
        assertThat(throttle.lockedUntil("carol", "192.0.2.9")).isEmpty();
    }
}
