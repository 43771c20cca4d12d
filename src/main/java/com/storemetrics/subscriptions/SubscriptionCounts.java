package com.storemetrics.subscriptions;

import com.storemetrics.appstore.SubscriptionBalance;
import com.storemetrics.appstore.SubscriptionRow;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a vendor's day of active subscriptions (V37) inside the day's transaction, the database
 * adding up: the Subscription report's rows MERGEd per (subscription, country, proceeds), the
 * per-(subscription, country) counts summed from them with what the day's events did to them (the
 * day-to-day rule's changes), and per subscription for the chart.
 */
@Component
class SubscriptionCounts {

    static final String THE_DAY = "account_id = :account AND vendor_number = :vendor AND report_date = :day";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    SubscriptionCounts(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    void replace(
            Map<String, Object> day,
            List<SubscriptionRow> rows,
            Map<SubscriptionBalance.Key, SubscriptionBalance.Totals> changes) {
        for (String table : List.of("subscription_active", "subscription_balance", "subscription_product_day")) {
            jdbc.sql("DELETE FROM " + table + " WHERE " + THE_DAY).params(day).update();
        }
        batches.batchUpdate(
                "MERGE INTO subscription_active t USING (VALUES (CAST(:account AS BIGINT), CAST(:day AS DATE),"
                        + " CAST(:vendor AS VARCHAR(20)), CAST(:subscription AS VARCHAR(40)), CAST(:country AS VARCHAR(8)),"
                        + " CAST(:currency AS VARCHAR(8)), CAST(:proceeds AS DECIMAL(22, 4)), CAST(:paid AS BIGINT),"
                        + " CAST(:trials AS BIGINT), CAST(:retry AS BIGINT), CAST(:grace AS BIGINT))) AS s (account_id,"
                        + " report_date, vendor_number, subscription_id, country, currency, proceeds, active_paid,"
                        + " free_trials, billing_retry, grace_period) ON t.account_id = s.account_id"
                        + " AND t.report_date = s.report_date AND t.vendor_number = s.vendor_number"
                        + " AND t.subscription_id = s.subscription_id AND t.country = s.country"
                        + " AND t.currency = s.currency AND t.proceeds = s.proceeds"
                        + " WHEN MATCHED THEN UPDATE SET active_paid = t.active_paid + s.active_paid,"
                        + " free_trials = t.free_trials + s.free_trials, billing_retry = t.billing_retry + s.billing_retry,"
                        + " grace_period = t.grace_period + s.grace_period"
                        + " WHEN NOT MATCHED THEN INSERT (account_id, report_date, vendor_number, subscription_id, country,"
                        + " currency, proceeds, active_paid, free_trials, billing_retry, grace_period) VALUES"
                        + " (s.account_id, s.report_date, s.vendor_number, s.subscription_id, s.country, s.currency,"
                        + " s.proceeds, s.active_paid, s.free_trials, s.billing_retry, s.grace_period)",
                rows.stream()
                        .map(row -> new MapSqlParameterSource(day)
                                .addValue("subscription", Texts.clip(row.subscriptionAppleId(), 40))
                                .addValue("country", Texts.clip(row.country(), 8))
                                .addValue(
                                        "currency",
                                        Texts.clip(row.developerProceeds().currency(), 8))
                                .addValue("proceeds", row.developerProceeds().amount())
                                .addValue("paid", row.counts().activePaid())
                                .addValue("trials", row.counts().activeFreeTrials())
                                .addValue("retry", row.counts().billingRetry())
                                .addValue("grace", row.counts().gracePeriod()))
                        .toArray(SqlParameterSource[]::new));
        jdbc.sql("INSERT INTO subscription_balance (account_id, report_date, vendor_number, subscription_id, country,"
                        + " active_paid, free_trials, at_risk, paid_change, trials_change, at_risk_change)"
                        + " SELECT account_id, report_date, vendor_number, subscription_id, country, SUM(active_paid),"
                        + " SUM(free_trials), SUM(billing_retry + grace_period), 0, 0, 0 FROM subscription_active WHERE "
                        + THE_DAY + " GROUP BY account_id, report_date, vendor_number, subscription_id, country")
                .params(day)
                .update();
        batches.batchUpdate(
                "MERGE INTO subscription_balance t USING (VALUES (CAST(:account AS BIGINT), CAST(:day AS DATE),"
                        + " CAST(:vendor AS VARCHAR(20)), CAST(:subscription AS VARCHAR(40)), CAST(:country AS VARCHAR(8)),"
                        + " CAST(:paid AS BIGINT), CAST(:trials AS BIGINT), CAST(:risk AS BIGINT))) AS s (account_id,"
                        + " report_date, vendor_number, subscription_id, country, paid_change, trials_change,"
                        + " at_risk_change) ON t.account_id = s.account_id AND t.report_date = s.report_date"
                        + " AND t.vendor_number = s.vendor_number AND t.subscription_id = s.subscription_id"
                        + " AND t.country = s.country WHEN MATCHED THEN UPDATE SET paid_change = s.paid_change,"
                        + " trials_change = s.trials_change, at_risk_change = s.at_risk_change"
                        + " WHEN NOT MATCHED THEN INSERT (account_id, report_date, vendor_number, subscription_id, country,"
                        + " active_paid, free_trials, at_risk, paid_change, trials_change, at_risk_change) VALUES"
                        + " (s.account_id, s.report_date, s.vendor_number, s.subscription_id, s.country, 0, 0, 0,"
                        + " s.paid_change, s.trials_change, s.at_risk_change)",
                changes.entrySet().stream()
                        .map(change -> new MapSqlParameterSource(day)
                                .addValue(
                                        "subscription",
                                        Texts.clip(change.getKey().subscriptionAppleId(), 40))
                                .addValue("country", Texts.clip(change.getKey().country(), 8))
                                .addValue("paid", change.getValue().activePaid())
                                .addValue("trials", change.getValue().activeFreeTrials())
                                .addValue("risk", change.getValue().atRisk()))
                        .toArray(SqlParameterSource[]::new));
        jdbc.sql("INSERT INTO subscription_product_day (account_id, report_date, vendor_number, subscription_id,"
                        + " active_paid, free_trials, at_risk) SELECT account_id, report_date, vendor_number,"
                        + " subscription_id, SUM(active_paid), SUM(free_trials), SUM(at_risk) FROM subscription_balance"
                        + " WHERE " + THE_DAY + " GROUP BY account_id, report_date, vendor_number, subscription_id")
                .params(day)
                .update();
    }
}
