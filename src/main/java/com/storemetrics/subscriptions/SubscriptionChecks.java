package com.storemetrics.subscriptions;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a stored day's two files were like ({@code subscription_report_day}), and Apple's day-to-day
 * rule checked in the database: for every subscription and country, the day's counts must equal the
 * day before's plus what the day's events did to them (the changes {@code SubscriptionBalance}
 * computed at import). A day is checked when it and the day before are both stored, whichever came
 * first (the back-fill goes newest first): storing a day checks it and the day after. A day that
 * disagrees is kept as Apple sent it and flagged MISMATCH with how many keys differ.
 */
@Component
class SubscriptionChecks {

    /** What was odd about the day's files: null where nothing was. */
    record Findings(
            int subscriptionRows,
            int eventRows,
            String versions,
            String unknownEvents,
            String unknownColumns,
            String unknownApps) {}

    private final JdbcClient jdbc;

    SubscriptionChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Map<String, Object> day, Findings findings) {
        jdbc.sql("MERGE INTO subscription_report_day t USING (VALUES (CAST(:account AS BIGINT), CAST(:day AS DATE),"
                        + " CAST(:vendor AS VARCHAR(20)))) AS s (account_id, report_date, vendor_number)"
                        + " ON t.account_id = s.account_id AND t.report_date = s.report_date"
                        + " AND t.vendor_number = s.vendor_number WHEN MATCHED THEN UPDATE SET"
                        + " subscription_rows = :subscriptionRows, event_rows = :eventRows, report_versions = :versions,"
                        + " balance = 'UNCHECKED', mismatched_pairs = 0, unknown_events = :events,"
                        + " unknown_columns = :columns, unknown_apps = :apps"
                        + " WHEN NOT MATCHED THEN INSERT (account_id, report_date, vendor_number, subscription_rows,"
                        + " event_rows, report_versions, balance, mismatched_pairs, unknown_events, unknown_columns,"
                        + " unknown_apps) VALUES (s.account_id, s.report_date, s.vendor_number, :subscriptionRows,"
                        + " :eventRows, :versions, 'UNCHECKED', 0, :events, :columns, :apps)")
                .params(day)
                .param("subscriptionRows", findings.subscriptionRows())
                .param("eventRows", findings.eventRows())
                .param("versions", Texts.clip(findings.versions(), 20))
                .param("events", clipOrNull(findings.unknownEvents()))
                .param("columns", clipOrNull(findings.unknownColumns()))
                .param("apps", clipOrNull(findings.unknownApps()))
                .update();
        LocalDate date = (LocalDate) day.get("day");
        check(day, date);
        check(day, date.plusDays(1));
    }

    /** Checks {@code date} of the day's account and vendor against the day before, if both are stored. */
    private void check(Map<String, Object> day, LocalDate date) {
        Map<String, Object> args = new HashMap<>(day);
        args.put("day", date);
        args.put("before", date.minusDays(1));
        int stored = jdbc.sql("SELECT COUNT(*) FROM subscription_report_day WHERE account_id = :account"
                        + " AND vendor_number = :vendor AND report_date IN (:day, :before)")
                .params(args)
                .query(Integer.class)
                .single();
        if (stored < 2) {
            return;
        }
        int mismatched = jdbc.sql("SELECT COUNT(*) FROM ("
                        + "SELECT c.country FROM subscription_balance c LEFT JOIN subscription_balance p"
                        + " ON p.account_id = c.account_id AND p.report_date = :before AND p.vendor_number = c.vendor_number"
                        + " AND p.subscription_id = c.subscription_id AND p.country = c.country"
                        + " WHERE c.account_id = :account AND c.report_date = :day AND c.vendor_number = :vendor"
                        + " AND (COALESCE(p.active_paid, 0) + c.paid_change <> c.active_paid"
                        + " OR COALESCE(p.free_trials, 0) + c.trials_change <> c.free_trials"
                        + " OR COALESCE(p.at_risk, 0) + c.at_risk_change <> c.at_risk)"
                        + " UNION ALL SELECT p.country FROM subscription_balance p"
                        + " WHERE p.account_id = :account AND p.report_date = :before AND p.vendor_number = :vendor"
                        + " AND (p.active_paid <> 0 OR p.free_trials <> 0 OR p.at_risk <> 0) AND NOT EXISTS ("
                        + "SELECT 1 FROM subscription_balance c WHERE c.account_id = p.account_id"
                        + " AND c.report_date = :day AND c.vendor_number = p.vendor_number"
                        + " AND c.subscription_id = p.subscription_id AND c.country = p.country)) m")
                .params(args)
                .query(Integer.class)
                .single();
        jdbc.sql("UPDATE subscription_report_day SET balance = :balance, mismatched_pairs = :mismatched"
                        + " WHERE account_id = :account AND report_date = :day AND vendor_number = :vendor")
                .params(args)
                .param("balance", mismatched == 0 ? "BALANCED" : "MISMATCH")
                .param("mismatched", mismatched)
                .update();
    }

    private static String clipOrNull(String text) {
        return text == null || text.isBlank() ? null : Texts.clip(text, 500);
    }
}
