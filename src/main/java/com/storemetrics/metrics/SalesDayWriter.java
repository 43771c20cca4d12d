package com.storemetrics.metrics;

import static com.storemetrics.metrics.ImportLedger.clip;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * roll-up changes by (new day - old day) through {@link MonthRollUps} (V30, V31, {@link RollUp}).
 */
@Component
class SalesDayWriter {

    private static final String THE_DAY = "account_id = :account AND vendor_number = :vendor AND report_date = :day";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final MonthRollUps months;

    SalesDayWriter(JdbcClient jdbc, NamedParameterJdbcTemplate batches, MonthRollUps months) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.months = months;
    }

    /** Replaces everything stored for (account, vendor, day) with these lines; returns the lines merged. */
    @Transactional
    int replaceDay(long accountId, String vendor, LocalDate day, SalesLines sales) {
        Map<String, Object> key = MonthRollUps.day(accountId, vendor, day);
        List<MonthRollUps.Replacing> replacing = new ArrayList<>();
        for (RollUp rollUp : RollUp.values()) {
            replacing.add(months.leave(rollUp.tables(), key));
        }
        int stored = sales.lines().isEmpty() ? 0 : insertDay(accountId, day, sales, key);
        replacing.forEach(months::enter);
        return stored;
    }

    private int insertDay(long accountId, LocalDate day, SalesLines sales, Map<String, Object> key) {
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
}
