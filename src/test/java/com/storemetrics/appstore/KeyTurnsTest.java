package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.appstore.AppleFailure.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyTurnsTest {

    @Test
    void one_request_per_key_is_in_flight_at_a_time() throws Exception {
        KeyTurns turns = new KeyTurns(Duration.ofSeconds(10));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                done.add(pool.submit(() -> turns.inTurn("NWG7ADMIN1", () -> {
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    sleep(2);
                    inFlight.decrementAndGet();
                    return null;
                })));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mostInFlight).hasValue(1);
    }

    @Test
    void different_keys_do_not_wait_for_each_other() throws Exception {
        KeyTurns turns = new KeyTurns(Duration.ofSeconds(10));
        CountDownLatch bothInside = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = pool.submit(() -> turns.inTurn("KEYAAAAAA1", () -> await(bothInside)));
            Future<Boolean> second = pool.submit(() -> turns.inTurn("KEYBBBBBB2", () -> await(bothInside)));
            assertThat(first.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_caller_that_waits_too_long_is_rate_limited_instead_of_piling_up() throws Exception {
        KeyTurns turns = new KeyTurns(Duration.ofMillis(100));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> turns.inTurn("NWG7ADMIN1", () -> {
                holding.countDown();
                return waitFor(release);
            }));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

            Throwable thrown =
                    org.assertj.core.api.Assertions.catchThrowable(() -> turns.inTurn("NWG7ADMIN1", () -> "never"));

            assertThat(thrown).isInstanceOfSatisfying(AppleFailure.class, failure -> {
                assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
                assertThat(failure.retryAfter()).isPresent();
            });
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        // The turn is given back after the holder finishes.
        assertThat(turns.inTurn("NWG7ADMIN1", () -> "next")).isEqualTo("next");
    }

    /** Arrives at the latch, then waits for the others. */
    private static boolean await(CountDownLatch latch) {
        latch.countDown();
        return waitFor(latch);
    }

    private static boolean waitFor(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
