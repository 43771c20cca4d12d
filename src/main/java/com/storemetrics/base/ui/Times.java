package com.storemetrics.base.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How every screen writes a moment: in UTC, and saying so; to the minute for customers, the second for support. */
public final class Times {

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private Times() {}

    public static String minute(Instant instant) {
        return MINUTE.format(instant);
    }

    public static String minute(Instant instant, String whenNull) {
        return instant == null ? whenNull : MINUTE.format(instant);
    }

    public static String second(Instant instant, String whenNull) {
        return instant == null ? whenNull : SECOND.format(instant);
    }
}
