package com.storemetrics.subscriptions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apple's Standard Subscription Duration ("7 Days", "1 Week", "1 Month", "2 Months", "3 Months",
 * "6 Months", "1 Year") as what one period is worth per month, for proceeds-based MRR: a period of
 * d days is worth 30.4375 / d of a month (365.25 days / 12), so a week counts 4.348 times, a year
 * 1/12. An unknown wording has no factor: such a subscription is left out of MRR, and the view says so.
 */
final class Durations {

    private static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.4375");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(day|week|month|year)s?");

    private Durations() {}

    static Optional<BigDecimal> monthlyFactor(String duration) {
        Matcher matcher =
                DURATION.matcher(duration == null ? "" : duration.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int count = Integer.parseInt(matcher.group(1));
        if (count <= 0) {
            return Optional.empty();
        }
        return Optional.of(
                switch (matcher.group(2)) {
                    case "month" -> BigDecimal.ONE.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
                    case "year" -> BigDecimal.ONE.divide(BigDecimal.valueOf(12L * count), MathContext.DECIMAL64);
                    case "week" -> DAYS_PER_MONTH.divide(BigDecimal.valueOf(7L * count), MathContext.DECIMAL64);
                    default -> DAYS_PER_MONTH.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
                });
    }
}
