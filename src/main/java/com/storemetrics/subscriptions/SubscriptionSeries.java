package com.storemetrics.subscriptions;

import com.storemetrics.subscriptions.SubscriptionDashboard.Point;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The chart's points: per day up to 90 days, per week (its last published day's counts) beyond;
 * a point Apple has not published is "not reported", never zero.
 */
final class SubscriptionSeries {

    private SubscriptionSeries() {}

    static List<Point> points(long[][] days, Set<LocalDate> reported, LocalDate from, LocalDate to, boolean weekly) {
        int step = weekly ? 7 : 1;
        List<Point> points = new ArrayList<>();
        for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(step)) {
            LocalDate last = null;
            for (LocalDate day = start; day.isBefore(start.plusDays(step)) && !day.isAfter(to); day = day.plusDays(1)) {
                if (reported.contains(day)) {
                    last = day;
                }
            }
            if (last == null) {
                points.add(new Point(start, null, 0, 0, false));
            } else {
                long[] counts = days[(int) ChronoUnit.DAYS.between(from, last)];
                points.add(new Point(start, last, counts[0], counts[1], true));
            }
        }
        return points;
    }

    /** Days of the period Apple has not published (yet). */
    static int unreported(Set<LocalDate> reported, LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!reported.contains(day)) {
                count++;
            }
        }
        return count;
    }
}
