package com.storemetrics.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.attempts.AttemptCounters;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The throttle's policy on the real counters (the database) with limits of its own: the address
 * limit, the doubling waits, forgetting, IPv6 networks. Over HTTP: {@link LoginProtectionTest}.
 */
class LoginThrottleTest extends SpringTest {

    @Autowired
    AttemptCounters counters;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private final LoginProperties properties =
            new LoginProperties(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofHours(1), 100, 128);
    private LoginThrottle throttle;

    @BeforeEach
    void startFromNoFailures() {
        throttle = new LoginThrottle(counters, properties, clock);
    }

    @Test
    void one_address_trying_many_accounts_waits_after_its_own_limit_and_other_addresses_do_not() {
        for (int i = 0; i < 19; i++) {
            fail("user" + i, "203.0.113.7");
        }
        assertThat(throttle.standing("someone-else", "203.0.113.7").mustWait()).isFalse();

        fail("user19", "203.0.113.7");

        assertWaits("someone-else", "203.0.113.7", Duration.ofMinutes(1));
        assertThat(throttle.standing("someone-else", "198.51.100.1").mustWait())
                .as("other addresses do not wait")
                .isFalse();
    }

    @Test
    void the_wait_doubles_with_each_failure_up_to_the_maximum_and_binds_only_that_pair() {
        for (int i = 0; i < 5; i++) {
            fail("alice", "192.0.2.1");
        }
        assertWaits("alice", "192.0.2.1", Duration.ofMinutes(1));
        assertThat(throttle.standing("alice", "192.0.2.2").mustWait())
                .as("the account from another address")
                .isFalse();
        assertThat(throttle.standing("bob", "192.0.2.1").mustWait())
                .as("another account from the address")
                .isFalse();

        clock.advance(Duration.ofMinutes(2));
        fail("alice", "192.0.2.1");
        assertWaits("alice", "192.0.2.1", Duration.ofMinutes(2));

        for (int i = 0; i < 10; i++) {
            fail("alice", "192.0.2.1");
        }
        assertWaits("alice", "192.0.2.1", Duration.ofMinutes(15));
    }

    @Test
    void a_success_forgets_its_pair_but_not_its_address() {
        for (int i = 0; i < 4; i++) {
            fail("bob", "192.0.2.1");
        }
        throttle.succeeded(throttle.standing("bob", "192.0.2.1"));
        fail("bob", "192.0.2.1");

        LoginThrottle.Standing standing = throttle.standing("bob", "192.0.2.1");
        assertThat(standing.pairFailures()).isEqualTo(1);
        assertThat(standing.addressFailures()).isEqualTo(5);
    }

    @Test
    void failures_are_forgotten_an_hour_after_the_first_but_never_during_a_wait() {
        for (int i = 0; i < 4; i++) {
            fail("carol", "192.0.2.1");
        }
        clock.advance(Duration.ofMinutes(61));
        fail("carol", "192.0.2.1");
        assertThat(throttle.standing("carol", "192.0.2.1").pairFailures()).isEqualTo(1);

        for (int i = 0; i < 15; i++) {
            fail("carol", "192.0.2.1");
        }
        clock.advance(Duration.ofMinutes(59));
        fail("carol", "192.0.2.1");
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.standing("carol", "192.0.2.1").mustWait())
                .as("past the hour, but the last failure's 15 minutes are not over")
                .isTrue();
    }

    @Test
    void an_ipv6_client_counts_by_its_64_network() {
        for (int i = 0; i < 5; i++) {
            fail("alice", "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }

        assertThat(throttle.standing("alice", "2001:db8:1:2:ffff::9").mustWait())
                .isTrue();
        assertThat(throttle.standing("alice", "2001:db8:1:3::1").mustWait()).isFalse();
        assertThat(LoginThrottle.network("::ffff:198.51.100.4")).isEqualTo("198.51.100.4");
    }

    @Test
    void names_differing_only_in_case_or_spaces_are_one_account() {
        for (int i = 0; i < 5; i++) {
            fail(i % 2 == 0 ? "Alice " : "alice", "192.0.2.1");
        }

        assertThat(throttle.standing("ALICE", "192.0.2.1").mustWait()).isTrue();
    }

    private void fail(String username, String address) {
        throttle.failed(username, address, throttle.standing(username, address));
    }

    private void assertWaits(String username, String address, Duration wait) {
        assertThat(Duration.between(
                        clock.instant(), throttle.standing(username, address).waitUntil()))
                .isBetween(wait.minusSeconds(2), wait);
    }
}
