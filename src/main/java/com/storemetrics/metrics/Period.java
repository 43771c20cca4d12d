package com.storemetrics.metrics;

import java.time.LocalDate;

/** The ranges the view offers; each ends with yesterday's report day (Pacific time). */
public enum Period {
    LAST_7_DAYS("Last 7 days", 7),
    LAST_30_DAYS("Last 30 days", 30),
    LAST_90_DAYS("Last 90 days", 90),
    LAST_12_MONTHS("Last 12 months", 365),
    CUSTOM("Custom", 0);

    private final String label;
    private final int days;

    Period(String label, int days) {
        this.label = label;
        this.days = days;
    }

    public String label() {
        return label;
    }

    /** The first day of this period when it ends on {@code lastDay} (not for {@link #CUSTOM}). */
    public LocalDate firstDay(LocalDate lastDay) {
        if (this == CUSTOM) {
            throw new IllegalStateException("a custom period has no fixed length");
        }
        return lastDay.minusDays(days - 1L);
    }
}
