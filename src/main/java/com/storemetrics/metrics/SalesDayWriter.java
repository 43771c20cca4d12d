package com.storemetrics.metrics;

import static com.storemetrics.metrics.ImportLedger.clip;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces one vendor's day of sales in one transaction, the database doing the adding up: the
 * report's lines are merged into the full grain (a {@code MERGE} per line adds up the lines of one
 * key), the day roll-ups are summed from it ({@code INSERT ... SELECT ... GROUP BY}), and each month
 * roll-up changes by (new day - old day) through two {@code MERGE}s (V30, V31, {@link RollUp}). A month found not to be the sum of its days (a day row
 * changed behind this class's back) is summed again from its day table.
 */
@Component
class SalesDayWriter {

    private static final String THE_DAY = "account_id = :account AND vendor_number = :vendor AND report_date = :day";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    SalesDayWriter(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** Replaces everything stored for (account, vendor, day) with these lines; returns the lines merged. */
    @Transactional
    int replaceDay(long accountId, String vendor, LocalDate day, SalesLines sales) {
        Map<String, Object> key =
                Map.of("account", accountId, "vendor", vendor, "day", day, "month", RollUp.month(day));
        // The old day leaves its months, then its rows go.
        Map<RollUp, Integer> oldRows = new HashMap<>();
        Map<RollUp, Integer> oldRowsInMonths = new HashMap<>();
        for (RollUp rollUp : RollUp.values()) {
            oldRowsInMonths.put(
                    rollUp, jdbc.sql(monthMerge(rollUp, false)).params(key).update());
        }
        for (RollUp rollUp : RollUp.values()) {
            oldRows.put(
                    rollUp,
                    jdbc.sql("DELETE FROM " + rollUp.dayTable() + " WHERE " + THE_DAY)
                            .params(key)
                            .update());
        }
        int stored = sales.lines().isEmpty() ? 0 : insertDay(accountId, vendor, day, sales, key);
        // The new day enters its months; emptied month rows go.
        for (RollUp rollUp : RollUp.values()) {
            jdbc.sql(monthMerge(rollUp, true)).params(key).update();
            jdbc.sql("DELETE FROM " + rollUp.monthTable() + " WHERE account_id = :account AND report_month = :month"
                            + " AND vendor_number = :vendor AND day_count = 0")
                    .params(key)
                    .update();
            boolean drifted = !oldRows.get(rollUp).equals(oldRowsInMonths.get(rollUp))
                    || (oldRows.get(rollUp) > 0 && hasNegativeRows(rollUp, key));
            if (drifted) {
                sumMonthAgain(rollUp, accountId, vendor, YearMonth.from(day));
            }
        }
        return stored;
    }

    private int insertDay(long accountId, String vendor, LocalDate day, SalesLines sales, Map<String, Object> key) {
        // Lines of one key (several prices, refunds) are added up by the MERGE itself.
        SqlParameterSource[] lines = sales.lines().stream()
                .map(line -> new MapSqlParameterSource(key)
                        .addValue("app", line.appKey())
                        .addValue("bucket", line.bucket().name())
                        .addValue("country", line.country())
                        .addValue("currency", line.currency())
                        .addValue("sold", Math.max(0, line.units()))
                        .addValue("refunded", Math.max(0, -line.units()))
                        .addValue("proceeds", line.proceeds()))
                .toArray(SqlParameterSource[]::new);
        int stored = 0;
        for (int merged : batches.batchUpdate(
                "MERGE INTO metrics_daily t USING (VALUES (CAST(:account AS BIGINT), CAST(:vendor AS VARCHAR(20)),"
                        + " CAST(:day AS DATE), CAST(:app AS VARCHAR(100)), CAST(:bucket AS VARCHAR(20)),"
                        + " CAST(:country AS VARCHAR(8)), CAST(:currency AS VARCHAR(8)), CAST(:sold AS BIGINT),"
                        + " CAST(:refunded AS BIGINT), CAST(:proceeds AS DECIMAL(22, 4)))) AS s (account_id, vendor_number,"
                        + " report_date, app_sku, bucket, country, currency, units, refund_units, proceeds)"
                        + " ON t.account_id = s.account_id AND t.vendor_number = s.vendor_number"
                        + " AND t.report_date = s.report_date AND t.app_sku = s.app_sku AND t.bucket = s.bucket"
                        + " AND t.country = s.country AND t.currency = s.currency"
                        + " WHEN MATCHED THEN UPDATE SET units = t.units + s.units,"
                        + " refund_units = t.refund_units + s.refund_units, proceeds = t.proceeds + s.proceeds"
                        + " WHEN NOT MATCHED THEN INSERT (account_id, vendor_number, report_date, app_sku, bucket, country,"
                        + " currency, units, refund_units, proceeds) VALUES (s.account_id, s.vendor_number, s.report_date,"
                        + " s.app_sku, s.bucket, s.country, s.currency, s.units, s.refund_units, s.proceeds)",
                lines)) {
            stored += Math.max(0, merged);
        }
        for (RollUp rollUp : List.of(RollUp.APP, RollUp.COUNTRY, RollUp.ACCOUNT)) {
            String columns = String.join(", ", rollUp.rowKey());
            jdbc.sql("INSERT INTO " + rollUp.dayTable() + " (account_id, vendor_number, report_date, " + columns
                            + ", units, refund_units, proceeds) SELECT account_id, vendor_number, report_date, "
                            + columns
                            + ", SUM(units), SUM(refund_units), SUM(proceeds) FROM metrics_daily WHERE " + THE_DAY
                            + " GROUP BY account_id, vendor_number, report_date, " + columns)
                    .params(key)
                    .update();
        }
        SqlParameterSource[] apps = sales.apps().stream()
                .map(app -> new MapSqlParameterSource()
                        .addValue("account", accountId)
                        .addValue("app", app.appKey())
                        .addValue("apple", app.appleIdentifier())
                        .addValue("title", clip(app.title(), 300))
                        .addValue("day", day))
                .toArray(SqlParameterSource[]::new);
        // The newest report names an app: an older day read again does not rename it.
        batches.batchUpdate(
                "MERGE INTO metrics_app t USING (VALUES (CAST(:account AS BIGINT), CAST(:app AS VARCHAR(100)),"
                        + " CAST(:apple AS VARCHAR(40)), CAST(:title AS VARCHAR(300)), CAST(:day AS DATE)))"
                        + " AS s (account_id, app_sku, apple_identifier, title, last_seen_date)"
                        + " ON t.account_id = s.account_id AND t.app_sku = s.app_sku"
                        + " WHEN MATCHED AND t.last_seen_date <= s.last_seen_date THEN UPDATE SET title = s.title,"
                        + " apple_identifier = s.apple_identifier, last_seen_date = s.last_seen_date"
                        + " WHEN NOT MATCHED THEN INSERT (account_id, app_sku, apple_identifier, title, last_seen_date)"
                        + " VALUES (s.account_id, s.app_sku, s.apple_identifier, s.title, s.last_seen_date)",
                apps);
        return stored;
    }

    /**
     * Adds the day's rows of the day table to its month rows ({@code adding}), creating those that
     * are missing, or takes them away: a month row counts its day rows in {@code day_count}.
     */
    private static String monthMerge(RollUp rollUp, boolean adding) {
        List<String> key = rollUp.rowKey();
        String sign = adding ? " + " : " - ";
        String sql = "MERGE INTO " + rollUp.monthTable() + " m USING (SELECT " + String.join(", ", key)
                + ", units, refund_units, proceeds FROM " + rollUp.dayTable() + " WHERE " + THE_DAY + ") d"
                + " ON m.account_id = :account AND m.report_month = :month AND m.vendor_number = :vendor"
                + key.stream()
                        .map(column -> " AND m." + column + " = d." + column)
                        .collect(Collectors.joining())
                + " WHEN MATCHED THEN UPDATE SET units = m.units" + sign + "d.units, refund_units = m.refund_units"
                + sign + "d.refund_units, proceeds = m.proceeds" + sign + "d.proceeds, day_count = m.day_count"
                + sign + "1";
        if (!adding) {
            return sql;
        }
        return sql + " WHEN NOT MATCHED THEN INSERT (account_id, vendor_number, report_month, " + String.join(", ", key)
                + ", units, refund_units, proceeds, day_count) VALUES (:account, :vendor, :month, "
                + key.stream().map(column -> "d." + column).collect(Collectors.joining(", "))
                + ", d.units, d.refund_units, d.proceeds, 1)";
    }

    private boolean hasNegativeRows(RollUp rollUp, Map<String, Object> key) {
        return jdbc.sql("SELECT COUNT(*) FROM " + rollUp.monthTable() + " WHERE account_id = :account"
                                + " AND report_month = :month AND vendor_number = :vendor"
                                + " AND (day_count < 0 OR units < 0 OR refund_units < 0)")
                        .params(key)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Sums the month's day rows again (the slow way, for a month whose roll-up drifted). */
    private void sumMonthAgain(RollUp rollUp, long accountId, String vendor, YearMonth month) {
        String columns = String.join(", ", rollUp.rowKey());
        Map<String, Object> key = Map.of(
                "account",
                accountId,
                "vendor",
                vendor,
                "month",
                RollUp.month(month),
                "first",
                month.atDay(1),
                "last",
                month.atEndOfMonth());
        jdbc.sql("DELETE FROM " + rollUp.monthTable()
                        + " WHERE account_id = :account AND report_month = :month AND vendor_number = :vendor")
                .params(key)
                .update();
        jdbc.sql("INSERT INTO " + rollUp.monthTable() + " (account_id, vendor_number, report_month, " + columns
                        + ", units, refund_units, proceeds, day_count) SELECT account_id, vendor_number, CAST(:month AS INT), "
                        + columns + ", SUM(units), SUM(refund_units), SUM(proceeds), COUNT(*) FROM " + rollUp.dayTable()
                        + " WHERE account_id = :account AND vendor_number = :vendor AND report_date BETWEEN :first AND :last"
                        + " GROUP BY account_id, vendor_number, " + columns)
                .params(key)
                .update();
    }
}
