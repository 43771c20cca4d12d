package com.storemetrics.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The Store Metrics chart's points from the period's day rows, converted as they are added. */
final class ChartPoints {

    private ChartPoints() {}

    /**
     * The chart's points: each day row is converted at its day's rates (one map lookup) and added
     * straight to its point (day, or week from {@code from}); the conversion keeps, per currency, the
     * amounts and their converted sum. A year of an account selling in many currencies is some ten
     * thousand rows, and grouping them per day first cost more than reading them.
     */
    static List<Dashboard.Point> of(
            List<MetricsQueries.DayFigure> rows,
            Set<LocalDate> reported,
            LocalDate from,
            LocalDate to,
            boolean weekly,
            Conversion conversion) {
        int step = weekly ? 7 : 1;
        int count = (int) (ChronoUnit.DAYS.between(from, to) / step) + 1;
        long[] downloads = new long[count];
        BigDecimal[] estimated = new BigDecimal[count];
        Arrays.fill(estimated, BigDecimal.ZERO);
        long first = from.toEpochDay();
        for (MetricsQueries.DayFigure row : rows) {
            int day = (int) (row.day().toEpochDay() - first);
            int point = day / step;
            downloads[point] += row.downloads();
            BigDecimal converted = conversion.convert(day, row.currency(), row.proceeds());
            if (converted != null) {
                estimated[point] = estimated[point].add(converted);
            }
        }
        List<Dashboard.Point> points = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate start = from.plusDays((long) i * step);
            boolean allReported = true;
            for (LocalDate day = start; day.isBefore(start.plusDays(step)) && !day.isAfter(to); day = day.plusDays(1)) {
                allReported &= reported.contains(day);
            }
            points.add(new Dashboard.Point(start, downloads[i], estimated[i], allReported));
        }
        return points;
    }
}
