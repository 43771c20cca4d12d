package com.storemetrics.metrics;

import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The importer's own records (V30, V36): which accounts it imports, when each report of each is
 * next due, what happened to every (account, report, vendor, day), and failures per account. The
 * database is the truth, so a restart or another node resumes where the last batch stopped.
 */
@Component
class ImportLedger {

    /** An account the importer has worked for, with when each report is next due (absent: due now). */
    record AccountImport(
            long accountId,
            String accountNumber,
            String vendorNumbers,
            boolean active,
            Instant lastServedAt,
            Instant pausedUntil,
            int consecutiveFailures,
            Map<String, Instant> nextDue) {

        boolean isDue(String report, Instant now) {
            Instant due = nextDue.get(report);
            return due == null || !due.isAfter(now);
        }

        boolean isPaused(Instant now) {
            return pausedUntil != null && pausedUntil.isAfter(now);
        }
    }

    /** The imports after a reconciliation, and which started and stopped in it. */
    record Reconciled(List<AccountImport> imports, List<Long> started, List<Long> stopped) {}

    private final JdbcClient jdbc;

    ImportLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the active imports equal the accounts with an Approved integration (that we can name to
     * Apple): new ones start, vanished ones stop, and an account whose vendor numbers changed is due
     * at once. Stored figures stay either way. Writes nothing when nothing changed.
     */
    @Transactional
    public Reconciled reconcile(List<ApprovedAccount> approved, Instant now) {
        Map<Long, AccountImport> known = new LinkedHashMap<>();
        imports().forEach(account -> known.put(account.accountId(), account));
        List<Long> started = new ArrayList<>();
        List<Long> stopped = new ArrayList<>();
        for (ApprovedAccount account : approved) {
            String vendors = String.join(",", account.vendorNumbers());
            AccountImport existing = known.get(account.accountId());
            if (existing == null) {
                jdbc.sql("INSERT INTO metrics_account_import (account_id, account_number, vendor_numbers, active,"
                                + " started_at, consecutive_failures) VALUES (:id, :number, :vendors, TRUE, :now, 0)")
                        .param("id", account.accountId())
                        .param("number", account.accountNumber())
                        .param("vendors", vendors)
                        .param("now", at(now))
                        .update();
                started.add(account.accountId());
            } else if (!existing.active()
                    || !existing.accountNumber().equals(account.accountNumber())
                    || !vendors.equals(existing.vendorNumbers())) {
                jdbc.sql("UPDATE metrics_account_import SET active = TRUE, account_number = :number,"
                                + " vendor_numbers = :vendors, stopped_at = NULL,"
                                + " started_at = CASE WHEN active THEN started_at ELSE :now END WHERE account_id = :id")
                        .param("number", account.accountNumber())
                        .param("vendors", vendors)
                        .param("now", at(now))
                        .param("id", account.accountId())
                        .update();
                jdbc.sql("DELETE FROM metrics_report_due WHERE account_id = :id")
                        .param("id", account.accountId())
                        .update();
                if (!existing.active()) {
                    started.add(account.accountId());
                }
            }
        }
        Set<Long> wanted = approved.stream().map(ApprovedAccount::accountId).collect(Collectors.toSet());
        for (AccountImport existing : known.values()) {
            if (existing.active() && !wanted.contains(existing.accountId())) {
                jdbc.sql("UPDATE metrics_account_import SET active = FALSE, stopped_at = :now WHERE account_id = :id")
                        .param("now", at(now))
                        .param("id", existing.accountId())
                        .update();
                stopped.add(existing.accountId());
            }
        }
        return new Reconciled(
                started.isEmpty() && stopped.isEmpty() ? List.copyOf(known.values()) : imports(), started, stopped);
    }

    /** Every account the importer has worked for, with its due times: one query. */
    List<AccountImport> imports() {
        Map<Long, AccountImport> imports = new LinkedHashMap<>();
        jdbc.sql("SELECT i.account_id, i.account_number, i.vendor_numbers, i.active, i.last_served_at, i.paused_until,"
                        + " i.consecutive_failures, d.report, d.next_due_at FROM metrics_account_import i"
                        + " LEFT JOIN metrics_report_due d ON d.account_id = i.account_id ORDER BY i.account_id")
                .query((RowCallbackHandler) rs -> {
                    AccountImport account = imports.get(rs.getLong(1));
                    if (account == null) {
                        account = new AccountImport(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getBoolean(4),
                                instant(rs, 5),
                                instant(rs, 6),
                                rs.getInt(7),
                                new HashMap<>());
                        imports.put(account.accountId(), account);
                    }
                    if (rs.getString(8) != null) {
                        account.nextDue().put(rs.getString(8), instant(rs, 9));
                    }
                });
        return List.copyOf(imports.values());
    }

    /**
     * Holds the account's import row until the caller's transaction ends, so that the importer's
     * writes of one account's rows run one after another on every node (see {@link #HOLD_ACCOUNT}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void holdAccount(long accountId) {
        jdbc.sql(HOLD_ACCOUNT).param("account", accountId).update();
    }

    /**
     * One writer per account at a time. The recurring batch runs on one node, but a batch "soon" after
     * an approval may run on another node meanwhile, and tests run importers side by side: two writers
     * of the same account can meet. The day tables and roll-ups are written with {@code DELETE} +
     * {@code MERGE ... SET n = n + s.n}; on PostgreSQL (read committed) a second writer of the same day
     * would add its rows to the first one's (a doubled day), and two first writers of a month or a
     * status row would race to insert it (a duplicate key). Every transaction that writes an account's
     * day, month or status rows therefore starts by updating the account's import row, a row lock held
     * to commit: the second writer waits, then sees the first one's rows. HSQLDB locks whole tables
     * anyway. The row exists for every account the importer works for ({@link #reconcile}).
     */
    static final String HOLD_ACCOUNT = "UPDATE metrics_account_import SET active = active WHERE account_id = :account";

    /** Nothing of the report is due for the account before {@code at}. */
    @Transactional
    void nextDue(long accountId, String report, Instant at) {
        holdAccount(accountId);
        jdbc.sql(
                        "MERGE INTO metrics_report_due t USING (VALUES (CAST(:account AS BIGINT), CAST(:report AS VARCHAR(20))))"
                                + " AS s (account_id, report) ON t.account_id = s.account_id AND t.report = s.report"
                                + " WHEN MATCHED THEN UPDATE SET next_due_at = :at"
                                + " WHEN NOT MATCHED THEN INSERT (account_id, report, next_due_at) VALUES (s.account_id, s.report, :at)")
                .param("account", accountId)
                .param("report", report)
                .param("at", at(at))
                .update();
    }

    /** The batch asked Apple for the account's days; when its last answer was fine, its failures are over. */
    void served(long accountId, Instant at, boolean lastSucceeded) {
        jdbc.sql(
                        lastSucceeded
                                ? "UPDATE metrics_account_import SET last_served_at = :at, last_success_at = :at,"
                                        + " consecutive_failures = 0, paused_until = NULL WHERE account_id = :id"
                                : "UPDATE metrics_account_import SET last_served_at = :at WHERE account_id = :id")
                .param("at", at(at))
                .param("id", accountId)
                .update();
    }

    /** Records a failure against the account; {@code pauseUntil} non-null keeps the account waiting. */
    void accountFailed(long accountId, Instant at, String kind, String message, Instant pauseUntil) {
        jdbc.sql("UPDATE metrics_account_import SET last_failure_at = :at, last_failure_kind = :kind,"
                        + " last_failure_message = :message, consecutive_failures = consecutive_failures + 1,"
                        + " paused_until = COALESCE(:pause, paused_until) WHERE account_id = :id")
                .param("at", at(at))
                .param("kind", kind)
                .param("message", clip(message, 500))
                .param("pause", at(pauseUntil))
                .param("id", accountId)
                .update();
    }

    /** The account's import as support and the view read it: whether it runs, and what went wrong last. */
    record ImportRecord(boolean active, String lastFailure, Instant lastFailureAt, int consecutiveFailures) {

        /** The last failure while it still repeats (null once a request went fine again). */
        String currentFailure() {
            return consecutiveFailures > 0 ? lastFailure : null;
        }
    }

    /** Null before the account's first approval. */
    ImportRecord record(long accountId) {
        return jdbc.sql("SELECT active, last_failure_kind, last_failure_message, last_failure_at, consecutive_failures"
                        + " FROM metrics_account_import WHERE account_id = :id")
                .param("id", accountId)
                .query((rs, i) -> new ImportRecord(
                        rs.getBoolean(1),
                        rs.getString(2) == null ? null : rs.getString(2) + ": " + rs.getString(3),
                        instant(rs, 4),
                        rs.getInt(5)))
                .optional()
                .orElse(null);
    }

    /**
     * Of these accounts, those whose Sales reports Apple refuses our service user for lack of a role
     * (while imported), with since when ({@link SalesRoleRefusals}); one query.
     */
    Map<Long, Instant> salesRefusedSince(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Instant> refused = new HashMap<>();
        jdbc.sql("SELECT account_id, sales_refused_since FROM metrics_account_import"
                        + " WHERE active AND sales_refused_since IS NOT NULL AND account_id IN (:ids)")
                .param("ids", List.copyOf(accountIds))
                .query((RowCallbackHandler) rs -> refused.put(rs.getLong(1), instant(rs, 2)));
        return refused;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
