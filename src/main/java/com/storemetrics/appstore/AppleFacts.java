package com.storemetrics.appstore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Apple's facts that our rules depend on, in one place (docs/apple-wire-contract.md). The embedded
 * sandbox keeps its own copies on purpose: it plays Apple.
 */
public final class AppleFacts {

    /** An App Store Connect invitation lapses this long after it was sent. */
    public static final Duration INVITATION_LIFETIME = Duration.ofDays(3);

    /** Apple refuses an API token whose {@code exp - iat} is longer. */
    public static final Duration MAX_API_TOKEN_LIFETIME = Duration.ofMinutes(20);

    /** Requests per credential and rolling hour ({@code X-Rate-Limit: user-hour-lim:3600}). */
    public static final int HOURLY_REQUEST_BUDGET = 3600;

    /** Apple's report days are Pacific-time days (Sales and Trends, Subscription reports). */
    public static final ZoneId REPORT_ZONE = ZoneId.of("America/Los_Angeles");

    /** A vendor number: digits, as App Store Connect shows it under Payments and Financial Reports. */
    public static final Pattern VENDOR_NUMBER = Pattern.compile("\\d{6,12}");

    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private AppleFacts() {}

    /** Three base64url parts separated by dots (header.payload.signature): the shape of a JWT. */
    public static boolean looksLikeJwt(String value) {
        return value != null && JWT.matcher(value).matches();
    }

    /** The report day (Pacific time) that {@code instant} falls on. */
    public static LocalDate reportDay(Instant instant) {
        return LocalDate.ofInstant(instant, REPORT_ZONE);
    }

    /** Today in Apple's report calendar: the report day of {@code clock}'s now. */
    public static LocalDate reportToday(Clock clock) {
        return reportDay(clock.instant());
    }

    public static boolean isVendorNumber(String value) {
        return value != null && VENDOR_NUMBER.matcher(value).matches();
    }
}
