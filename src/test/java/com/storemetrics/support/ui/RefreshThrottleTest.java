package com.storemetrics.support.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RefreshThrottleTest {

    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void the_first_request_of_a_quiet_period_runs_at_once() {
        new RefreshThrottle(Duration.ofSeconds(10), runs::incrementAndGet).request();

        assertThat(runs).hasValue(1);
    }

    @Test
    void a_burst_of_a_hundred_changes_refreshes_twice_once_at_once_and_once_after_the_gap() throws Exception {
        RefreshThrottle throttle = new RefreshThrottle(Duration.ofMillis(300), runs::incrementAndGet);

        for (int i = 0; i < 100; i++) {
            throttle.request();
        }

        assertThat(runs).as("at once").hasValue(1);
        Thread.sleep(150);
        assertThat(runs).as("not before the gap has passed").hasValue(1);
        awaitRuns(2);
        Thread.sleep(600);
        assertThat(runs).as("the burst is over").hasValue(2);
    }

    @Test
    void requests_spread_over_a_second_refresh_at_most_a_few_times() throws Exception {
        RefreshThrottle throttle = new RefreshThrottle(Duration.ofMillis(500), runs::incrementAndGet);
        long end = System.nanoTime() + Duration.ofMillis(1000).toNanos();
        while (System.nanoTime() < end) {
            throttle.request();
            Thread.sleep(5);
        }
        Thread.sleep(700);

        assertThat(runs.get()).isBetween(2, 4);
    }

    @Test
    void a_stopped_throttle_runs_nothing_more() throws Exception {
        RefreshThrottle throttle = new RefreshThrottle(Duration.ofMillis(200), runs::incrementAndGet);
        throttle.request();
        throttle.request();

        throttle.stop();
        throttle.request();
        Thread.sleep(400);

        assertThat(runs).hasValue(1);
    }

    private void awaitRuns(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (runs.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(runs).hasValue(expected);
    }
}
