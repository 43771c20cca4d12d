package com.storemetrics.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The counters on the real database (HSQLDB, and PostgreSQL in the second run): exact under
 * concurrency, forgotten on time, bounded by pruning.
 */
class AttemptCountersTest extends SpringTest {

    static final String SCOPE = "test-counter";

    @Autowired
    AttemptCounters counters;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcClient jdbcClient;

    @Test
    void forty_attempts_added_at_once_from_eight_threads_count_forty() throws Exception {
        String key = AttemptCounters.key(SCOPE, "crowd");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> adds = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                adds.add(() -> {
                    counters.add(List.of(key), Duration.ofHours(1), Duration.ZERO);
                    return null;
                });
            }
            for (Future<Void> done : threads.invokeAll(adds, 60, TimeUnit.SECONDS)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(counters.read(List.of(key)).get(key).attempts()).isEqualTo(40);
    }

    @Test
    void of_twenty_threads_racing_for_one_attempt_per_window_exactly_one_gets_it() throws Exception {
        String key = AttemptCounters.key(SCOPE, "race");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Optional<java.time.Instant>> outcomes = new ArrayList<>();
        try {
            List<Callable<Optional<java.time.Instant>>> takes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                takes.add(() -> counters.tryTake(key, 1, Duration.ofSeconds(30)));
            }
            for (Future<Optional<java.time.Instant>> done : threads.invokeAll(takes, 60, TimeUnit.SECONDS)) {
                outcomes.add(done.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(outcomes.stream().filter(Optional::isEmpty)).hasSize(1);
        assertThat(outcomes.stream().filter(Optional::isPresent))
                .hasSize(19)
                .allSatisfy(
                        busy -> assertThat(busy.get()).isAfter(clock.instant().plusSeconds(25)));
    }

    @Test
    void a_window_frees_its_attempts_when_it_ends() {
        String key = AttemptCounters.key(SCOPE, "window");
        assertThat(counters.tryTake(key, 2, Duration.ofSeconds(30))).isEmpty();
        assertThat(counters.tryTake(key, 2, Duration.ofSeconds(30))).isEmpty();
        assertThat(counters.tryTake(key, 2, Duration.ofSeconds(30))).isPresent();

        clock.advance(Duration.ofSeconds(31));

        assertThat(counters.tryTake(key, 2, Duration.ofSeconds(30))).isEmpty();
        assertThat(counters.read(List.of(key)).get(key).attempts()).isEqualTo(1);
    }

    @Test
    void a_count_starts_again_after_its_window_unless_it_must_be_kept_longer() {
        String key = AttemptCounters.key(SCOPE, "kept");
        counters.add(List.of(key), Duration.ofMinutes(10), Duration.ofMinutes(3));
        clock.advance(Duration.ofMinutes(9));
        counters.add(List.of(key), Duration.ofMinutes(10), Duration.ofMinutes(3));
        clock.advance(Duration.ofMinutes(2));

        assertThat(counters.read(List.of(key)).get(key).attempts())
                .as("the window is over, but the last attempt is kept 3 minutes")
                .isEqualTo(2);

        clock.advance(Duration.ofMinutes(2));
        assertThat(counters.read(List.of(key))).isEmpty();
        counters.add(List.of(key), Duration.ofMinutes(10), Duration.ofMinutes(3));
        assertThat(counters.read(List.of(key)).get(key).attempts()).isEqualTo(1);
    }

    @Test
    void a_counter_written_before_the_clock_went_back_is_forgotten_not_kept_for_days() {
        String key = AttemptCounters.key(SCOPE, "clock");
        clock.advance(Duration.ofDays(4));
        assertThat(counters.tryTake(key, 1, Duration.ofSeconds(30))).isEmpty();
        counters.add(List.of(AttemptCounters.key(SCOPE, "clock-add")), Duration.ofHours(1), Duration.ZERO);

        clock.reset();

        assertThat(counters.tryTake(key, 1, Duration.ofSeconds(30))).isEmpty();
        assertThat(counters.read(List.of(AttemptCounters.key(SCOPE, "clock-add"))))
                .isEmpty();
    }

    @Test
    void pruning_deletes_forgotten_counters_and_the_soonest_forgotten_beyond_the_maximum() {
        AttemptCounters smallTable = new AttemptCounters(
                jdbcClient, jdbc.getDataSource(), clock, new AttemptProperties(3, Duration.ofMinutes(1)));
        jdbc.update("DELETE FROM attempt_counter");
        for (int i = 1; i <= 6; i++) {
            smallTable.add(List.of(AttemptCounters.key(SCOPE, "name-" + i)), Duration.ofMinutes(i), Duration.ZERO);
        }
        clock.advance(Duration.ofSeconds(90));

        int deleted = smallTable.prune();

        assertThat(deleted).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT counter_id FROM attempt_counter", String.class))
                .containsExactlyInAnyOrder(
                        AttemptCounters.key(SCOPE, "name-4"),
                        AttemptCounters.key(SCOPE, "name-5"),
                        AttemptCounters.key(SCOPE, "name-6"));
    }

    @Test
    void keys_are_a_scope_and_a_hash_never_the_text() {
        String key = AttemptCounters.key("login-pair", "alice\n203.0.113.7");

        assertThat(key).startsWith("login-pair:").doesNotContain("alice").hasSizeLessThanOrEqualTo(64);
        assertThat(AttemptCounters.key("login-pair", "x".repeat(10_000))).hasSizeLessThanOrEqualTo(64);
        assertThat(key).isNotEqualTo(AttemptCounters.key("login-pair", "alice\n203.0.113.8"));
    }
}
