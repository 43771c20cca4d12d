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
 * ({@link MetricsService}); every query is scoped by account id. All apps read the roll-ups (per
 * account and day for the chart and totals, per app, per country); one app reads its own rows
 * through the (account, app, day) index.
 */
@Component
class MetricsQueries {

    /** One grouped row: a key (day, app or country), bucket, currency and sums. */
    record Row(String key, Bucket bucket, String currency, long units, long refunds, BigDecimal proceeds) {
    }

    private final JdbcTemplate jdbc;

    MetricsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> byDay(long accountId, String appKey, LocalDate from, LocalDate to) {
        return grouped("report_date", appKey == null ? "metrics_account_day" : "metrics_app_day", accountId, appKey,
                from, to);
    }

    List<Row> byApp(long accountId, String appKey, LocalDate from, LocalDate to) {
        return grouped("app_sku", "metrics_app_day", accountId, appKey, from, to);
    }

    List<Row> byCountry(long accountId, String appKey, LocalDate from, LocalDate to) {
        return appKey == null ? grouped("country", "metrics_country_day", accountId, null, from, to)
                : grouped("country", "metrics_daily", accountId, appKey, from, to);
    }

    List<Row> totals(long accountId, String appKey, LocalDate from, LocalDate to) {
        return grouped("'all'", appKey == null ? "metrics_account_day" : "metrics_app_day", accountId, appKey, from,
                to);
    }

    private List<Row> grouped(String keyColumn, String table, long accountId, String appKey, LocalDate from,
            LocalDate to) {
        String sql = "SELECT " + keyColumn + ", bucket, currency, SUM(units), SUM(refund_units), SUM(proceeds) FROM "
                + table + " WHERE account_id = ? AND report_date BETWEEN ? AND ?"
                + (appKey == null ? "" : " AND app_sku = ?")
                + " GROUP BY " + keyColumn + ", bucket, currency";
        Object[] args = appKey == null ? new Object[] {accountId, from, to} : new Object[] {accountId, from, to, appKey};
        return jdbc.query(sql, (rs, i) -> new Row(rs.getString(1), Bucket.valueOf(rs.getString(2)), rs.getString(3),
                rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6)), args);
    }

    /** Apps of the account by SKU, with the newest title the reports gave them. */
    Map<String, String> appTitles(long accountId) {
        Map<String, String> titles = new LinkedHashMap<>();
        jdbc.query("SELECT app_sku, title FROM metrics_app WHERE account_id = ? ORDER BY title, app_sku",
                rs -> {
                    titles.put(rs.getString(1), rs.getString(2));
                }, accountId);
        return titles;
    }

    /** Days in the range that every one of {@code vendorCount} vendors has a published answer for. */
    List<LocalDate> reportedDays(long accountId, int vendorCount, LocalDate from, LocalDate to) {
        return jdbc.queryForList("SELECT report_date FROM metrics_day_import WHERE account_id = ?"
                + " AND status IN ('DATA', 'NO_SALES') AND report_date BETWEEN ? AND ?"
                + " GROUP BY report_date HAVING COUNT(*) >= ? ORDER BY report_date", LocalDate.class,
                accountId, from, to, vendorCount);
    }

    /** The newest day every vendor has a published answer for. */
    Optional<LocalDate> publishedUpTo(long accountId, int vendorCount) {
        List<LocalDate> days = jdbc.queryForList("SELECT report_date FROM metrics_day_import WHERE account_id = ?"
                + " AND status IN ('DATA', 'NO_SALES') GROUP BY report_date HAVING COUNT(*) >= ?"
                + " ORDER BY report_date DESC FETCH FIRST 1 ROWS ONLY", LocalDate.class, accountId, vendorCount);
        return days.stream().findFirst();
    }

    /** Whether the account imports now, and what last went wrong. */
    record ImportState(boolean active, String lastFailure) {
    }

    ImportState importState(long accountId) {
        List<ImportState> states = jdbc.query("SELECT active, last_failure_kind, last_failure_message, consecutive_failures"
                + " FROM metrics_account_import WHERE account_id = ?", (rs, i) -> new ImportState(rs.getBoolean(1),
                rs.getInt(4) > 0 && rs.getString(2) != null ? rs.getString(2) + ": " + rs.getString(3) : null), accountId);
        return states.isEmpty() ? new ImportState(false, null) : states.get(0);
    }

    static List<Row> copy(List<Row> rows) {
        return new ArrayList<>(rows);
    }
}
