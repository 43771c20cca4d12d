package com.storemetrics.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public read of the daily Sales reports' proceeds for the Payments view's estimate: per
 * currency, the sum of the stored daily proceeds (units x Developer Proceeds, refunds negative) of
 * some days, never converted, and how many of those days every vendor's Sales report is in. Callers
 * have checked that the signed-in customer may see the account.
 */
@Component
@Transactional(readOnly = true)
public class SalesProceeds {

    /**
     * The days' proceeds per currency, and how many of the {@code days} Apple's Sales reports of
     * every vendor are stored for ({@code reportedDays}; a day Apple said "no sales" counts, a real zero).
     */
    public record Days(LocalDate from, LocalDate to, int days, int reportedDays, Map<String, BigDecimal> proceeds) {

        public boolean complete() {
            return reportedDays == days;
        }
    }

    private final JdbcClient jdbc;

    SalesProceeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's Sales proceeds of {@code from} to {@code to} (inclusive), with {@code vendors} vendors. */
    public Days of(long accountId, int vendors, LocalDate from, LocalDate to) {
        Map<String, BigDecimal> proceeds = new TreeMap<>();
        jdbc.sql("SELECT currency, SUM(proceeds) FROM metrics_account_day WHERE account_id = :account"
                        + " AND report_date BETWEEN :from AND :to GROUP BY currency")
                .param("account", accountId)
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    proceeds.put(rs.getString(1), rs.getBigDecimal(2));
                });
        int reported = jdbc.sql("SELECT COUNT(*) FROM (SELECT report_date FROM metrics_day_import"
                        + " WHERE account_id = :account AND report = 'SALES' AND status IN ('DATA', 'NO_SALES')"
                        + " AND report_date BETWEEN :from AND :to GROUP BY report_date HAVING COUNT(*) >= :vendors) d")
                .param("account", accountId)
                .param("from", from)
                .param("to", to)
                .param("vendors", Math.max(1, vendors))
                .query(Integer.class)
                .single();
        return new Days(from, to, (int) ChronoUnit.DAYS.between(from, to) + 1, reported, proceeds);
    }
}
