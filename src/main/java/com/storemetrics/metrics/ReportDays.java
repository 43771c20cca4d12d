package com.storemetrics.metrics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Apple's report days are Pacific-time dates, published at 5 am Pacific after the lag of each report. */
public final class ReportDays {

    /** The time zone of Apple's report days. */
    public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private ReportDays() {}

    /** Today's report day (Pacific time) by the application's clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZONE);
    }

    /** When the report day after {@code now}'s begins: a new day enters every history window then. */
    public static Instant nextMidnight(Instant now) {
        return today(now).plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}
