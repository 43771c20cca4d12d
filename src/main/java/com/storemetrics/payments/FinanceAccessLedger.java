package com.storemetrics.payments;

import static com.storemetrics.payments.PaymentsLedger.at;
import static com.storemetrics.payments.PaymentsLedger.clip;
import static com.storemetrics.payments.PaymentsLedger.instant;

import com.storemetrics.appstore.FinanceAccess;
import com.storemetrics.appstore.VendorRegions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether our service Apple ID may read each account's Financial reports, and the report regions of
 * its vendors ({@code payments_account}, {@code payments_region}), as Finance.getVendorsAndRegions or
 * a report's 403 answered: the one write path of both. A newly recorded refusal of the Finance role
 * is told, in its own transaction, to whoever writes its notices (docs/payments.md, "Finance role
 * missing").
 */
@Component
class FinanceAccessLedger {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    FinanceAccessLedger(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
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
}
