package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppleAnswersTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T09:00:00Z"));

    @Test
    void retry_after_is_read_as_seconds_or_as_an_http_date() {
        assertThat(AppleAnswers.retryAfter(Optional.of("120"), clock)).contains(Duration.ofMinutes(2));
        assertThat(AppleAnswers.retryAfter(Optional.of("Sat, 28 Nov 2026 09:05:00 GMT"), clock))
                .contains(Duration.ofMinutes(5));
        assertThat(AppleAnswers.retryAfter(Optional.of("Sat, 28 Nov 2026 08:05:00 GMT"), clock))
                .contains(Duration.ZERO);
    }

    @Test
    void a_missing_or_unreadable_retry_after_is_unknown() {
        assertThat(AppleAnswers.retryAfter(Optional.empty(), clock)).isEmpty();
        assertThat(AppleAnswers.retryAfter(Optional.of("soon"), clock)).isEmpty();
    }

    @Test
    void the_customer_is_told_when_to_retry_rounded_up() {
        assertThat(AppleAnswers.whenToRetry(Optional.of(Duration.ofSeconds(30))))
                .isEqualTo("Try again in a minute.");
        assertThat(AppleAnswers.whenToRetry(Optional.of(Duration.ofSeconds(61))))
                .isEqualTo("Try again in about 2 minutes.");
        assertThat(AppleAnswers.whenToRetry(Optional.empty())).isEqualTo("Try again later.");
    }

    @Test
    void apples_words_are_made_one_short_line() {
        assertThat(AppleAnswers.quote("a\r\nb\tc")).isEqualTo("a b c");
        assertThat(AppleAnswers.quote("x".repeat(300))).hasSize(203);
        assertThat(AppleAnswers.quote(null)).isEmpty();
    }
}
