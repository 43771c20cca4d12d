package com.storemetrics.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The view's reads. Callers have already checked that the signed-in customer may see the account
 * ({@link MetricsService}); every query is scoped by account id. Sums over a period read the month
 * roll-ups plus the edge days ({@link RollUp}); the chart reads the day roll-ups (per account, or
 * one app's through the (account, app, day) index).
 */
@Component
class MetricsQueries {

    /** One grouped row: a key (day, app or country), bucket, currency and sums. */
    record Row(String key, Bucket bucket, String currency, long units, long refunds, BigDecimal proceeds) {}

    private final JdbcTemplate jdbc;

    MetricsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    /**
     * Sums over [from, to] grouped by {@code keyColumn}, bucket and currency: the months the period
     * touches from the month table, corrected by days from the day table. A month the period covers
     * in part is either left out and its days inside added, or taken whole and its days outside
     * subtracted, whichever reads fewer days; so a year reads about 12 months plus at most half a
     * month of days at each end. A key whose day count sums to zero was not in the period.
     */
    private List<Row> ranged(
            String keyColumn, RollUp rollUp, long accountId, String appKey, LocalDate from, LocalDate to) {
        String app = appKey == null ? "" : " AND app_sku = ?";
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        YearMonth firstMonth = null;
        YearMonth lastMonth = null;
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate start = month.atDay(1);
            LocalDate end = month.atEndOfMonth();
            LocalDate inFrom = start.isBefore(from) ? from : start;
            LocalDate inTo = end.isAfter(to) ? to : end;
            long inside = ChronoUnit.DAYS.between(inFrom, inTo) + 1;
            if (inside * 2 <= month.lengthOfMonth() && inside < month.lengthOfMonth()) {
                dayPart(parts, args, keyColumn, rollUp, app, accountId, appKey, inFrom, inTo, false);
                continue;
            }
            firstMonth = firstMonth == null ? month : firstMonth;
            lastMonth = month;
            if (start.isBefore(inFrom)) {
                dayPart(parts, args, keyColumn, rollUp, app, accountId, appKey, start, inFrom.minusDays(1), true);
            }
            if (end.isAfter(inTo)) {
                dayPart(parts, args, keyColumn, rollUp, app, accountId, appKey, inTo.plusDays(1), end, true);
            }
        }
        if (firstMonth != null) {
            // Months taken whole are consecutive: only the first and the last can be partial.
            parts.add("SELECT " + keyColumn + " AS k, bucket, currency, units AS u, refund_units AS r, proceeds AS p,"
                    + " day_count AS n FROM " + rollUp.monthTable()
                    + " WHERE account_id = ? AND report_month BETWEEN ? AND ?" + app);
            args.addAll(List.of(accountId, RollUp.month(firstMonth), RollUp.month(lastMonth)));
            if (appKey != null) {
                args.add(appKey);
            }
        }
        // Added up here rather than by the database: HSQLDB groups through string comparisons, and
        // these are at most some tens of thousands of rows.
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        Map<List<String>, BigDecimal> proceeds = new HashMap<>();
        jdbc.query(
                String.join(" UNION ALL ", parts),
                rs -> {
                    List<String> key = List.of(rs.getString(1), rs.getString(2), rs.getString(3));
                    long[] sums = counts.computeIfAbsent(key, k -> new long[3]);
                    sums[0] += rs.getLong(4);
                    sums[1] += rs.getLong(5);
                    sums[2] += rs.getLong(7);
                    proceeds.merge(key, rs.getBigDecimal(6), BigDecimal::add);
                },
                args.toArray());
        List<Row> rows = new ArrayList<>(counts.size());
        counts.forEach((key, sums) -> {
            if (sums[2] > 0) {
                rows.add(new Row(
                        key.get(0), Bucket.valueOf(key.get(1)), key.get(2), sums[0], sums[1], proceeds.get(key)));
            }
        });
        return rows;
    }

    private static void dayPart(
            List<String> parts,
            List<Object> args,
            String keyColumn,
            RollUp rollUp,
            String app,
            long accountId,
            String appKey,
            LocalDate from,
            LocalDate to,
            boolean subtract) {
        String sign = subtract ? "-" : "";
        parts.add("SELECT " + keyColumn + " AS k, bucket, currency, " + sign + "units AS u, " + sign
                + "refund_units AS r, " + sign + "proceeds AS p, CAST(" + sign + "1 AS BIGINT) AS n FROM "
                + rollUp.dayTable() + " WHERE account_id = ? AND report_date BETWEEN ? AND ?" + app);
        args.addAll(List.of(accountId, from, to));
        if (appKey != null) {
            args.add(appKey);
        }
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
