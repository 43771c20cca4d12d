package com.storemetrics.metrics;

import com.storemetrics.rates.RatesUsed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Store Metrics view shows for one account, app selection and period: a read-only
 * snapshot. Money is kept per currency of proceeds; {@code estimated} is the sum of the currencies
 * the rates know, converted to {@code displayCurrency} by date (docs/metrics.md, "Money");
 * {@code unconverted} names the others; {@code rates} says which rates were used.
 * {@code settled}: what Apple settled for the whole fiscal months within the period, when it has
 * settled them all (all apps only: Apple's totals are the account's), or null.
 */
public record Dashboard(
        long accountId,
        String appKey,
        LocalDate from,
        LocalDate to,
        Totals current,
        Totals previous,
        List<Point> series,
        boolean weekly,
        List<Line> byApp,
        List<Line> byCountry,
        LocalDate publishedUpTo,
        int unreportedDays,
        Progress progress,
        String displayCurrency,
        RatesUsed rates,
        SettledByApple.Settled settled) {

    /** Sums over a period. {@code units} per bucket counts sold units; refunds are counted apart. */
    public record Totals(
            Map<Bucket, Long> units,
            long refunds,
            Map<String, BigDecimal> proceeds,
            BigDecimal estimated,
            Set<String> unconverted) {

        public long units(Bucket bucket) {
            return units.getOrDefault(bucket, 0L);
        }

        public long inAppAndSubscriptions() {
            return units(Bucket.IN_APP_PURCHASES) + units(Bucket.SUBSCRIPTIONS);
        }
    }

    /** One day (or week from {@code start}) of the chart; not reported when Apple has not published it all. */
    public record Point(LocalDate start, long downloads, BigDecimal estimated, boolean reported) {}

    /** One row of the by-app or by-country table; {@code key} is the app's SKU or the country code. */
    public record Line(String key, String label, Totals totals) {}

    /**
     * The back-fill: days of the history window Apple has answered for every vendor; {@code active}
     * is whether the account is imported (it is for every account a customer may see).
     */
    public record Progress(int daysDone, int daysTotal, boolean active, String lastFailure) {

        public boolean complete() {
            return daysDone >= daysTotal;
        }
    }
}
