package com.storemetrics.appstore;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apple's {@code X-Rate-Limit} header as last seen for one key: {@code user-hour-lim:3600;user-hour-rem:N;}.
 *
 * @param hourlyLimit requests the key may make in a rolling hour
 * @param remaining   requests left in the current rolling hour
 * @param seenAt      when the answer carrying it arrived
 */
public record AppleRateLimit(int hourlyLimit, int remaining, Instant seenAt) {

    private static final Pattern LIMIT = Pattern.compile("user-hour-lim\\s*:\\s*(\\d{1,9})");
    private static final Pattern REMAINING = Pattern.compile("user-hour-rem\\s*:\\s*(-?\\d{1,9})");

    /** Reads the header leniently: both parts must be there, in any order; anything else is ignored. */
    static Optional<AppleRateLimit> parse(String header, Instant seenAt) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher limit = LIMIT.matcher(header);
        Matcher remaining = REMAINING.matcher(header);
        if (!limit.find() || !remaining.find()) {
            return Optional.empty();
        }
        return Optional.of(new AppleRateLimit(
                Integer.parseInt(limit.group(1)), Math.max(0, Integer.parseInt(remaining.group(1))), seenAt));
    }
}
