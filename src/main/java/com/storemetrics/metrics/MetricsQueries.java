package com.storemetrics.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The view's reads. Callers have already checked that the signed-in customer may see the account
 * ({@link MetricsService}); every query is scoped by account id. Sums over a period read the month
 * roll-ups plus the edge days ({@link PeriodSums}); the chart reads the day roll-ups (per account, or
 * one app's through the (account, app, day) index).
 */
@Component
class MetricsQueries {

    /** One grouped row: a key (day, app or country), bucket, currency and sums. */
    record Row(String key, Bucket bucket, String currency, long units, long refunds, BigDecimal proceeds) {}

    private final JdbcTemplate jdbc;
    private final PeriodSums periods;

    MetricsQueries(JdbcTemplate jdbc, PeriodSums periods) {
        this.jdbc = jdbc;
        this.periods = periods;
    }

    /** One day's downloads and proceeds in one currency, of one vendor (or one vendor's app). */
    record DayFigure(LocalDate day, String currency, long downloads, BigDecimal proceeds) {}

    /**
     * Per day: the chart (up to 400 days of the account's or one app's day roll-up). Only what the
     * chart draws: downloads, and the rows that carry proceeds (re-downloads and updates carry
     * none). The rows come ungrouped (per vendor, day, bucket and currency, and per app for one
     * app): the caller adds them up per day or week, which is cheaper than HSQLDB grouping them.
     */
    List<DayFigure> byDay(long accountId, String appKey, LocalDate from, LocalDate to) {
        String sql =
                "SELECT report_date, currency, CASE WHEN bucket = 'DOWNLOADS' THEN units ELSE 0 END, proceeds FROM "
                        + (appKey == null ? "metrics_account_day" : "metrics_app_day")
                        + " WHERE account_id = ? AND report_date BETWEEN ? AND ?"
                        + (appKey == null ? "" : " AND app_sku = ?")
                        + " AND (bucket = 'DOWNLOADS' OR proceeds <> 0)";
        Object[] args =
                appKey == null ? new Object[] {accountId, from, to} : new Object[] {accountId, from, to, appKey};
        return jdbc.query(
                sql,
                (rs, i) -> new DayFigure(
                        rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)),
                args);
    }

    List<Row> byApp(long accountId, String appKey, LocalDate from, LocalDate to) {
        return ranged("app_sku", RollUp.APP, accountId, appKey, from, to);
    }

    List<Row> byCountry(long accountId, String appKey, LocalDate from, LocalDate to) {
        return appKey == null
                ? ranged("country", RollUp.COUNTRY, accountId, null, from, to)
                : ranged("country", RollUp.FULL, accountId, appKey, from, to);
    }

    List<Row> totals(long accountId, String appKey, LocalDate from, LocalDate to) {
        return appKey == null
                ? ranged("'all'", RollUp.ACCOUNT, accountId, null, from, to)
                : ranged("'all'", RollUp.APP, accountId, appKey, from, to);
    }

    /** Sums over [from, to] per {@code keyColumn}, bucket and currency (months plus edge days: {@link PeriodSums}). */
    private List<Row> ranged(
            String keyColumn, RollUp rollUp, long accountId, String appKey, LocalDate from, LocalDate to) {
        Map<List<String>, PeriodSums.Sums> sums = periods.sum(
                rollUp.tables(),
                List.of(keyColumn, "bucket", "currency"),
                accountId,
                appKey == null ? "" : "app_sku = :app",
                appKey == null ? Map.of() : Map.of("app", appKey),
                from,
                to);
        List<Row> rows = new ArrayList<>(sums.size());
        sums.forEach((key, sum) -> rows.add(new Row(
                key.get(0),
                Bucket.valueOf(key.get(1)),
                key.get(2),
                sum.counts()[0],
                sum.counts()[1],
                sum.amounts()[0])));
        return rows;
    }

    /** Apps of the account by SKU, with the newest title the reports gave them. */
    Map<String, String> appTitles(long accountId) {
        Map<String, String> titles = new LinkedHashMap<>();
        jdbc.query(
                "SELECT app_sku, title FROM metrics_app WHERE account_id = ? ORDER BY title, app_sku",
                rs -> {
                    titles.put(rs.getString(1), rs.getString(2));
                },
                accountId);
        return titles;
    }

    /** Days in the range that every one of {@code vendorCount} vendors has a published answer for. */
    List<LocalDate> reportedDays(long accountId, int vendorCount, LocalDate from, LocalDate to) {
        return jdbc.queryForList(
                "SELECT report_date FROM metrics_day_import WHERE account_id = ? AND report = 'SALES'"
                        + " AND status IN ('DATA', 'NO_SALES') AND report_date BETWEEN ? AND ?"
                        + " GROUP BY report_date HAVING COUNT(*) >= ? ORDER BY report_date",
                LocalDate.class,
                accountId,
                from,
                to,
                vendorCount);
    }

    /** The newest day every vendor has a published answer for. */
    Optional<LocalDate> publishedUpTo(long accountId, int vendorCount) {
        List<LocalDate> days = jdbc.queryForList(
                "SELECT report_date FROM metrics_day_import WHERE account_id = ? AND report = 'SALES'"
                        + " AND status IN ('DATA', 'NO_SALES') GROUP BY report_date HAVING COUNT(*) >= ?"
                        + " ORDER BY report_date DESC FETCH FIRST 1 ROWS ONLY",
                LocalDate.class,
                accountId,
                vendorCount);
        return days.stream().findFirst();
    }

    /** One vendor's published days in the history window: the newest, and how many. */
    record VendorProgress(long accountId, String vendorNumber, LocalDate newestDay, int days) {}

    /** Per (account, vendor) of these accounts, its published days since {@code from} (the primary key's order). */
    List<VendorProgress> vendorProgress(List<Long> accountIds, LocalDate from) {
        String ids = String.join(", ", java.util.Collections.nCopies(accountIds.size(), "?"));
        List<Object> args = new ArrayList<>(accountIds);
        args.add(from);
        return jdbc.query(
                "SELECT account_id, vendor_number, MAX(report_date), COUNT(*) FROM metrics_day_import"
                        + " WHERE account_id IN (" + ids + ") AND report = 'SALES' AND status IN ('DATA', 'NO_SALES')"
                        + " AND report_date >= ?"
                        + " GROUP BY account_id, vendor_number",
                (rs, i) -> new VendorProgress(
                        rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4)),
                args.toArray());
    }

    static List<Row> copy(List<Row> rows) {
        return new ArrayList<>(rows);
    }
}
