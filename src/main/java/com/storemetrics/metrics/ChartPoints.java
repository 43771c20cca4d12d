package com.storemetrics.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Store Metrics chart's points from the period's day rows, converted as they are added. */
final class ChartPoints {

    private ChartPoints() {}

    /**
     * The chart's points: each day row is added to its day's amount per currency (one map merge per
     * row, as before conversion by date), and each day's currencies are then converted once at the
     * day's rates and added to the day's point (day, or week from {@code from}); the conversion keeps,
     * per currency, the amounts and their converted sum. A year of an account selling in many
     * currencies is some ten thousand rows, against at most 366 x the currencies conversions.
     */
    static List<Dashboard.Point> of(
            List<MetricsQueries.DayFigure> rows,
            Set<LocalDate> reported,
            LocalDate from,
            LocalDate to,
            boolean weekly,
            Conversion conversion) {
        int step = weekly ? 7 : 1;
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        int count = (days - 1) / step + 1;
        long[] downloads = new long[count];
        List<Map<String, BigDecimal>> proceeds = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            proceeds.add(null);
        }
        long first = from.toEpochDay();
        for (MetricsQueries.DayFigure row : rows) {
            int day = (int) (row.day().toEpochDay() - first);
            downloads[day / step] += row.downloads();
            if (row.proceeds().signum() != 0) {
                Map<String, BigDecimal> amounts = proceeds.get(day);
                if (amounts == null) {
                    amounts = new HashMap<>();
                    proceeds.set(day, amounts);
                }
                amounts.merge(row.currency(), row.proceeds(), BigDecimal::add);
            }
        }
        BigDecimal[] estimated = new BigDecimal[count];
        Arrays.fill(estimated, BigDecimal.ZERO);
        for (int day = 0; day < days; day++) {
            if (proceeds.get(day) == null) {
                continue;
            }
            for (Map.Entry<String, BigDecimal> amount : proceeds.get(day).entrySet()) {
                BigDecimal converted = conversion.convert(day, amount.getKey(), amount.getValue());
                if (converted != null) {
                    estimated[day / step] = estimated[day / step].add(converted);
                }
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
