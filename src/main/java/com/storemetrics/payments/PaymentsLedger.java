package com.storemetrics.payments;

import com.storemetrics.appstore.FinanceAccess;
import com.storemetrics.appstore.VendorRegions;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Financial report import's state and results ({@code payments_account}, {@code payments_region},
 * {@code payments_month}): the one write path of each. Every write is idempotent per key, so a retry,
 * a restart or a second node writing the same month leaves one row with the last answer.
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

    /**
     * Whether our Apple ID may read the account's Financial reports, as Apple last said ({@code null}:
     * unknown, asking failed), and when to ask again; {@code refusedSince}: since when it may not
     * (the "role missing" occurrence), null while it may or nobody knows.
     */
    record Access(
            Boolean permitted,
            Instant checkedAt,
            Instant nextCheckAt,
            int failures,
            String appleSays,
            Instant refusedSince) {

        boolean isPermitted() {
            return Boolean.TRUE.equals(permitted);
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

    Optional<Access> access(long accountId) {
        return jdbc.sql("SELECT finance_permitted, checked_at, next_check_at, failures, apple_says, refused_since"
                        + " FROM payments_account"
                        + " WHERE account_id = :id")
                .param("id", accountId)
                .query((rs, i) -> {
                    boolean permitted = rs.getBoolean(1);
                    return new Access(
                            rs.wasNull() ? null : permitted,
                            instant(rs, 2),
                            instant(rs, 3),
                            rs.getInt(4),
                            rs.getString(5),
                            instant(rs, 6));
                })
                .optional();
    }

    /** Told, inside the transaction that records it, that our Apple ID newly lost the Finance role. */
    @FunctionalInterface
    interface NewRefusal {
        /** {@code since}: when the refusal was first seen, the occurrence it names. */
        void seen(Instant since);
    }

    /**
     * Records Apple's answer to Finance.getVendorsAndRegions (or a 403 on a report: the same answer),
     * asked again at {@code next}. Permitted: its regions replace the stored ones in one transaction,
     * and a refusal recorded before is over. Refused: one transaction holds the account's row, records
     * the refusal and, when it was not already refused ({@code refused_since} empty), keeps {@code at}
     * as the refusal's start and calls {@code newRefusal} in that same transaction (its notices commit
     * or roll back with the refusal). A refusal already recorded keeps its start and calls nothing.
     */
    void recordAccess(long accountId, FinanceAccess access, Instant at, Instant next, NewRefusal newRefusal) {
        if (access.permitted()) {
            upsertAccess(accountId, true, at, next, 0, access.appleSays(), false);
            transaction.executeWithoutResult(tx -> replaceRegions(accountId, access));
            return;
        }
        try {
            transaction.executeWithoutResult(tx -> recordRefusal(accountId, access, at, next, newRefusal));
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // Both inserted the account's first row; the other won, so this time the row is there to hold.
            transaction.executeWithoutResult(tx -> recordRefusal(accountId, access, at, next, newRefusal));
        }
    }

    private void recordRefusal(long accountId, FinanceAccess access, Instant at, Instant next, NewRefusal newRefusal) {
        Instant since = at.truncatedTo(ChronoUnit.MICROS);
        // The row lock, held to commit: a second writer waits, then sees this refusal's start.
        int held = jdbc.sql("UPDATE payments_account SET account_id = account_id WHERE account_id = :id")
                .param("id", accountId)
                .update();
        Instant known = held == 0
                ? null
                : jdbc.sql("SELECT refused_since FROM payments_account WHERE account_id = :id")
                        .param("id", accountId)
                        .query((rs, i) -> instant(rs, 1))
                        .optional()
                        .orElse(null);
        if (held == 0) {
            jdbc.sql("INSERT INTO payments_account (account_id, finance_permitted, checked_at, next_check_at,"
                            + " failures, apple_says, refused_since) VALUES (:id, FALSE, :at, :next, 0, :says, :since)")
                    .param("id", accountId)
                    .param("at", at(at))
                    .param("next", at(next))
                    .param("says", clip(access.appleSays()))
                    .param("since", at(since))
                    .update();
        } else {
            jdbc.sql(
                            "UPDATE payments_account SET finance_permitted = FALSE, failures = 0, checked_at = :at,"
                                    + " next_check_at = :next, apple_says = :says, refused_since = :since WHERE account_id = :id")
                    .param("at", at(at))
                    .param("next", at(next))
                    .param("says", clip(access.appleSays()))
                    .param("since", at(known != null ? known : since))
                    .param("id", accountId)
                    .update();
        }
        if (known == null) {
            newRefusal.seen(since);
        }
    }

    /** Asking failed: what was known stays, and it is asked again at {@code next}. */
    void recordAccessFailure(long accountId, Instant at, Instant next, String message) {
        upsertAccess(accountId, null, at, next, 1, message, true);
    }

    private void upsertAccess(
            long accountId, Boolean permitted, Instant at, Instant next, int failures, String says, boolean failed) {
        int updated = jdbc.sql("UPDATE payments_account SET "
                        + (failed
                                ? "failures = failures + 1"
                                : "finance_permitted = :permitted, failures = 0, refused_since = NULL")
                        + ", checked_at = :at, next_check_at = :next, apple_says = :says WHERE account_id = :id")
                .param("permitted", permitted)
                .param("at", at(at))
                .param("next", at(next))
                .param("says", clip(says))
                .param("id", accountId)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO payments_account (account_id, finance_permitted, checked_at, next_check_at,"
                                + " failures, apple_says) VALUES (:id, :permitted, :at, :next, :failures, :says)")
                        .param("id", accountId)
                        .param("permitted", permitted)
                        .param("at", at(at))
                        .param("next", at(next))
                        .param("failures", failures)
                        .param("says", clip(says))
                        .update();
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                upsertAccess(accountId, permitted, at, next, failures, says, failed);
            }
        }
    }

    private void replaceRegions(long accountId, FinanceAccess access) {
        jdbc.sql("DELETE FROM payments_region WHERE account_id = :id")
                .param("id", accountId)
                .update();
        for (VendorRegions vendor : access.vendors()) {
            for (VendorRegions.Region region : vendor.regions()) {
                if (region.hasFinancialReport()) {
                    jdbc.sql("INSERT INTO payments_region (account_id, vendor_number, region)"
                                    + " VALUES (:id, :vendor, :region)")
                            .param("id", accountId)
                            .param("vendor", vendor.vendor())
                            .param("region", region.code())
                            .update();
                }
            }
        }
    }

    /** The regions per vendor the account's Financial reports exist in. */
    Map<String, List<String>> regions(long accountId) {
        Map<String, List<String>> regions = new HashMap<>();
        jdbc.sql("SELECT vendor_number, region FROM payments_region WHERE account_id = :id"
                        + " ORDER BY vendor_number, region")
                .param("id", accountId)
                .query(rs -> {
                    regions.computeIfAbsent(rs.getString(1), v -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return regions;
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

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }
}
