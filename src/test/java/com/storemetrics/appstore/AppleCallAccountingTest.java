package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AppleCallAccountingTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:10Z"));
    private final AppleCallAccounting accounting = new AppleCallAccounting(clock);

    @Test
    void requests_are_counted_per_protocol() {
        accounting.requestSent(AppleProtocol.REPORTER);
        accounting.requestSent(AppleProtocol.REPORTER);
        accounting.requestSent(AppleProtocol.APP_STORE_CONNECT_API);

        assertThat(accounting.requestsInLastHour(AppleProtocol.REPORTER)).isEqualTo(2);
        assertThat(accounting.requestsInLastHour(AppleProtocol.APP_STORE_CONNECT_API))
                .isEqualTo(1);
    }

    @Test
    void requests_older_than_an_hour_drop_out() {
        accounting.requestSent(AppleProtocol.REPORTER);
        clock.advance(Duration.ofMinutes(30));
        accounting.requestSent(AppleProtocol.REPORTER);
        clock.advance(Duration.ofMinutes(29));
        assertThat(accounting.requestsInLastHour(AppleProtocol.REPORTER)).isEqualTo(2);

        clock.advance(Duration.ofMinutes(1));
        assertThat(accounting.requestsInLastHour(AppleProtocol.REPORTER)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(30));
        assertThat(accounting.requestsInLastHour(AppleProtocol.REPORTER)).isZero();
    }

    @Test
    void a_bucket_reused_an_hour_later_starts_from_zero() {
        accounting.requestSent(AppleProtocol.REPORTER);
        accounting.requestSent(AppleProtocol.REPORTER);
        clock.advance(Duration.ofMinutes(60));
        accounting.requestSent(AppleProtocol.REPORTER);

        assertThat(accounting.requestsInLastHour(AppleProtocol.REPORTER)).isEqualTo(1);
    }

    @Test
    void counting_from_many_threads_loses_nothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                done.add(pool.submit(() -> {
                    for (int n = 0; n < 2500; n++) {
                        accounting.requestSent(AppleProtocol.APP_STORE_CONNECT_API);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(accounting.requestsInLastHour(AppleProtocol.APP_STORE_CONNECT_API))
                .isEqualTo(10_000);
    }

    @Test
    void the_last_rate_limit_is_remembered_per_key() {
        accounting.rateLimitSeen("NWG7ADMIN1", "user-hour-lim:3600;user-hour-rem:3599;");
        accounting.rateLimitSeen("BBL5SALES1", "user-hour-lim:3600;user-hour-rem:12;");
        clock.advance(Duration.ofSeconds(1));
        accounting.rateLimitSeen("NWG7ADMIN1", "user-hour-lim:3600;user-hour-rem:3598;");

        assertThat(accounting.lastRateLimit("NWG7ADMIN1"))
                .contains(new AppleRateLimit(3600, 3598, Instant.parse("2026-11-28T09:00:11Z")));
        assertThat(accounting.lastRateLimit("BBL5SALES1").orElseThrow().remaining())
                .isEqualTo(12);
        assertThat(accounting.lastRateLimit("UNKNOWN123")).isEmpty();
    }

    @Test
    void an_unreadable_rate_limit_header_keeps_the_last_good_one() {
        accounting.rateLimitSeen("NWG7ADMIN1", "user-hour-lim:3600;user-hour-rem:5;");
        accounting.rateLimitSeen("NWG7ADMIN1", "garbage");
        accounting.rateLimitSeen("NWG7ADMIN1", null);

        assertThat(accounting.lastRateLimit("NWG7ADMIN1").orElseThrow().remaining())
                .isEqualTo(5);
    }

    @Test
    void the_rate_limit_header_is_read_leniently() {
        Instant at = Instant.EPOCH;
        assertThat(AppleRateLimit.parse("user-hour-rem:7; user-hour-lim:3500", at))
                .contains(new AppleRateLimit(3500, 7, at));
        assertThat(AppleRateLimit.parse("user-hour-lim:3600;user-hour-rem:-1;", at)
                        .orElseThrow()
                        .remaining())
                .isZero();
        assertThat(AppleRateLimit.parse("user-hour-lim:3600;", at)).isEmpty();
    }
}
