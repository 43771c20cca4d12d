package com.storemetrics.appstore;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/** Small readings of Apple's answers that both clients share. */
final class AppleAnswers {

    private static final int MAX_QUOTED_CHARS = 200;

    private AppleAnswers() {}

    /**
     * {@code Retry-After} as delay-seconds or an HTTP date; empty when absent or unreadable (it is
     * optional at Apple). Never negative.
     */
    static Optional<Duration> retryAfter(Optional<String> header, Clock clock) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration delay = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    /** "in about N minutes" for a customer; rounds up so we never promise too early. */
    static String whenToRetry(Optional<Duration> retryAfter) {
        if (retryAfter.isEmpty()) {
            return "Try again later.";
        }
        long seconds = retryAfter.get().toSeconds();
        if (seconds <= 60) {
            return "Try again in a minute.";
        }
        long minutes = (seconds + 59) / 60;
        return "Try again in about " + minutes + " minutes.";
    }

    /** Apple's own words, made safe to show and log: one line, no control characters, clipped. */
    static String quote(String text) {
        if (text == null) {
            return "";
        }
        String oneLine =
                text.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").trim();
        return oneLine.length() > MAX_QUOTED_CHARS ? oneLine.substring(0, MAX_QUOTED_CHARS) + "..." : oneLine;
    }

    /** An answer we cannot read, worded for the customer with the service's name. */
    static AppleFailure unexpected(String service, String what, String reason) {
        return new AppleFailure(
                AppleFailure.Kind.UNEXPECTED_ANSWER,
                service + " answered with something we could not read. "
                        + "Try again later; if it keeps happening, contact support.",
                what + ": " + reason);
    }

    /** Runs a parser; what it cannot read becomes {@link #unexpected}. */
    static <T> T read(String service, String what, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (UnreadableAnswer e) {
            throw unexpected(service, what, e.getMessage());
        }
    }
}
