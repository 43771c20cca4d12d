package com.storemetrics.subscriptions;

import com.storemetrics.rates.RatesUsed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Subscriptions view shows for one account, choice of subscriptions and period: a
 * read-only snapshot (definitions: docs/subscriptions.md). Counts are the report day's ({@code day}
 * of a {@link Snapshot}: the period's last day Apple has published); flows add up the period's
 * events; churn is the period's paid subscriptions that ended over the active paid ones of the day
 * before it (null without such a day); money stays per currency, {@link Mrr#estimated()} is the sum of the currencies the rate
 * rates know, converted to {@code displayCurrency} at the snapshot day's rates ({@code rates} names them).
 */
public record SubscriptionDashboard(
        long accountId,
        LocalDate from,
        LocalDate to,
        Snapshot current,
        Snapshot previous,
        Flows flows,
        Flows previousFlows,
        Double churnRate,
        Double previousChurnRate,
        List<Point> series,
        boolean weekly,
        List<Line> byProduct,
        List<Line> byCountry,
        LocalDate publishedUpTo,
        int unreportedDays,
        List<LocalDate> mismatchedDays,
        Progress progress,
        Set<String> withoutDuration,
        String displayCurrency,
        RatesUsed rates) {

    /**
     * Active subscriptions on one report day, and the proceeds-based MRR they stand for; {@code day}
     * null when no day of the period is published.
     */
    public record Snapshot(LocalDate day, long activePaid, long freeTrials, long atRisk, Mrr mrr) {

        static Snapshot none() {
            return new Snapshot(null, 0, 0, 0, Mrr.NONE);
        }
    }

    /** Monthly proceeds per currency, and their estimate in the display currency without the currencies it lacks. */
    public record Mrr(Map<String, BigDecimal> perCurrency, BigDecimal estimated, Set<String> unconverted) {

        static final Mrr NONE = new Mrr(Map.of(), BigDecimal.ZERO, Set.of());
    }

    /** One day (or the last published day of a week from {@code start}) of the chart; not reported when Apple has not published it. */
    public record Point(LocalDate start, LocalDate day, long activePaid, long freeTrials, boolean reported) {}

    /**
     * One row of the by-subscription or by-country table: the counts on the snapshot day, the
     * period's new subscriptions and cancellations, and the MRR estimate with the per-currency text.
     */
    public record Line(
            String key,
            String label,
            long activePaid,
            long freeTrials,
            long atRisk,
            long activations,
            long cancellations,
            BigDecimal mrrEstimated,
            String mrrPerCurrency) {}

    /** The history import: days of the window Apple has answered for every vendor. */
    public record Progress(int daysDone, int daysTotal, String lastFailure) {

        public boolean complete() {
            return daysDone >= daysTotal;
        }
    }
}
