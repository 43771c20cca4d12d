package com.storemetrics.payments;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Financial report import's results ({@code payments_month}): its one write path. Whether we may
 * read an account's reports, and its regions, are {@link FinanceAccessLedger}'s. Every write is
 * idempotent per key, so a retry, a restart or a second node writing the same month leaves one row
 * with the last answer.
 */
@Component
class PaymentsLedger {

    /** Apple's answer for one region's month, as stored. */
    enum Status {
        DATA,
        NO_SALES,
        NOT_YET,
        REFUSED,
        FAILED;

        boolean isFinal() {
            return this == DATA || this == NO_SALES || this == REFUSED;
        }
    }

    /** One region's month: Apple's answer and, for DATA, what it settled (amount in {@code currency}). */
    record Month(
            long accountId,
            String vendor,
            String region,
            int fiscalYear,
            int period,
            Status status,
            String currency,
            BigDecimal settledAmount,
            Long settledUnits,
            Integer rows,
            Instant fetchedAt,
            Instant nextAttemptAt,
            int failures,
            String note) {

        Key key() {
            return new Key(vendor, region, fiscalYear, period);
        }
    }

    /** A month of a vendor's region within an account. */
    record Key(String vendor, String region, int fiscalYear, int period) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    PaymentsLedger(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    Map<Key, Month> months(long accountId) {
        Map<Key, Month> months = new HashMap<>();
        for (Month month : jdbc.sql("SELECT account_id, vendor_number, region, fiscal_year, fiscal_period, status,"
                        + " currency, settled_amount, settled_units, row_count, fetched_at, next_attempt_at, failures,"
                        + " note FROM payments_month WHERE account_id = :id")
                .param("id", accountId)
                .query(PaymentsLedger::month)
                .list()) {
            months.put(month.key(), month);
        }
        return months;
    }

    /** Stores one region's month as Apple answered it now, replacing what was stored. */
    void store(Month month) {
        int updated = jdbc.sql("UPDATE payments_month SET status = :status, currency = :currency,"
                        + " settled_amount = :amount, settled_units = :units, row_count = :rows, fetched_at = :at,"
                        + " next_attempt_at = :next, failures = :failures, note = :note WHERE account_id = :id"
                        + " AND vendor_number = :vendor AND region = :region AND fiscal_year = :year"
                        + " AND fiscal_period = :period")
                .paramSource(params(month))
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO payments_month (account_id, vendor_number, region, fiscal_year, fiscal_period,"
                                + " status, currency, settled_amount, settled_units, row_count, fetched_at,"
                                + " next_attempt_at, failures, note) VALUES (:id, :vendor, :region, :year, :period,"
                                + " :status, :currency, :amount, :units, :rows, :at, :next, :failures, :note)")
                        .paramSource(params(month))
                        .update();
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                store(month);
            }
        }
    }

    /** Every stored month of the account's Financial reports (for tests and, later, the Payments view). */
    List<Month> all(long accountId) {
        return List.copyOf(months(accountId).values());
    }

    private static Map<String, Object> params(Month month) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", month.accountId());
        params.put("vendor", month.vendor());
        params.put("region", month.region());
        params.put("year", month.fiscalYear());
        params.put("period", month.period());
        params.put("status", month.status().name());
        params.put("currency", month.currency());
        params.put("amount", month.settledAmount());
        params.put("units", month.settledUnits());
        params.put("rows", month.rows());
        params.put("at", at(month.fetchedAt()));
        params.put("next", at(month.nextAttemptAt()));
        params.put("failures", month.failures());
        params.put("note", clip(month.note()));
        return params;
    }

    private static Month month(ResultSet rs, int row) throws SQLException {
        long units = rs.getLong(9);
        Long settledUnits = rs.wasNull() ? null : units;
        int rows = rs.getInt(10);
        Integer rowCount = rs.wasNull() ? null : rows;
        return new Month(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getInt(5),
                Status.valueOf(rs.getString(6)),
                rs.getString(7),
                rs.getBigDecimal(8),
                settledUnits,
                rowCount,
                instant(rs, 11),
                instant(rs, 12),
                rs.getInt(13),
                rs.getString(14));
    }

    static final Set<Status> RETRIED = Set.of(Status.NOT_YET, Status.FAILED);

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
