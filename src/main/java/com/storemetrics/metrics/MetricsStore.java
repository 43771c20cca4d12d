package com.storemetrics.metrics;

import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The importer's writes and its own state, in plain SQL (portable: HSQLDB now, PostgreSQL later).
 * A day's figures are replaced in one transaction with its status row, so a reader sees either
 * the old day or the new one, never a part.
 */
@Component
class MetricsStore {

    /** Apple's three answers, plus our own "it failed, nothing stored". */
    enum DayStatus {
        DATA, NO_SALES, NOT_YET, FAILED;

        boolean isPublished() {
            return this == DATA || this == NO_SALES;
        }
    }

    record DayState(LocalDate day, DayStatus status, Instant fetchedAt, int attempts, Instant nextAttemptAt) {
    }

    record AccountImport(long accountId, String accountNumber, boolean active, Instant lastServedAt,
            Instant pausedUntil, int consecutiveFailures) {
    }

    /** Which accounts started and which stopped importing in a reconciliation. */
    record Reconciled(List<Long> started, List<Long> stopped) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    MetricsStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    // ------------------------------------------------------------------ accounts

    /**
     * Makes the set of active imports equal the accounts with an Approved integration (that we
     * can name to Apple): new ones start, vanished ones stop. Stored figures stay either way.
     */
    Reconciled reconcile(List<ApprovedAccount> approved, Instant now) {
        return transaction.execute(status -> {
            Map<Long, AccountImport> known = new HashMap<>();
            allImports().forEach(account -> known.put(account.accountId(), account));
            List<Long> started = new ArrayList<>();
            List<Long> stopped = new ArrayList<>();
            Set<Long> wanted = approved.stream().map(ApprovedAccount::accountId).collect(Collectors.toSet());
            for (ApprovedAccount account : approved) {
                AccountImport existing = known.get(account.accountId());
                if (existing == null) {
                    jdbc.update("INSERT INTO metrics_account_import (account_id, account_number, active, started_at,"
                            + " consecutive_failures) VALUES (?, ?, TRUE, ?, 0)",
                            account.accountId(), account.accountNumber(), at(now));
                    started.add(account.accountId());
                } else if (!existing.active() || !existing.accountNumber().equals(account.accountNumber())) {
                    jdbc.update("UPDATE metrics_account_import SET active = TRUE, account_number = ?, stopped_at = NULL,"
                            + " started_at = CASE WHEN active THEN started_at ELSE ? END WHERE account_id = ?",
                            account.accountNumber(), at(now), account.accountId());
                    if (!existing.active()) {
                        started.add(account.accountId());
                    }
                }
            }
            for (AccountImport existing : known.values()) {
                if (existing.active() && !wanted.contains(existing.accountId())) {
                    jdbc.update("UPDATE metrics_account_import SET active = FALSE, stopped_at = ? WHERE account_id = ?",
                            at(now), existing.accountId());
                    stopped.add(existing.accountId());
                }
            }
            return new Reconciled(started, stopped);
        });
    }

    List<AccountImport> allImports() {
        return jdbc.query("SELECT account_id, account_number, active, last_served_at, paused_until,"
                + " consecutive_failures FROM metrics_account_import ORDER BY account_id", (rs, i) -> new AccountImport(
                rs.getLong(1), rs.getString(2), rs.getBoolean(3), instant(rs, 4), instant(rs, 5), rs.getInt(6)));
    }

    void served(long accountId, Instant now) {
        jdbc.update("UPDATE metrics_account_import SET last_served_at = ? WHERE account_id = ?", at(now), accountId);
    }

    void accountSucceeded(long accountId, Instant now) {
        jdbc.update("UPDATE metrics_account_import SET last_success_at = ?, consecutive_failures = 0,"
                + " paused_until = NULL WHERE account_id = ?", at(now), accountId);
    }

    /** Records a failure against the account; {@code pauseUntil} non-null keeps the account waiting. */
    void accountFailed(long accountId, Instant now, String kind, String message, Instant pauseUntil) {
        jdbc.update("UPDATE metrics_account_import SET last_failure_at = ?, last_failure_kind = ?,"
                + " last_failure_message = ?, consecutive_failures = consecutive_failures + 1,"
                + " paused_until = COALESCE(?, paused_until) WHERE account_id = ?",
                at(now), kind, clip(message, 500), pauseUntil == null ? null : at(pauseUntil), accountId);
    }

    // ------------------------------------------------------------------ days

    Map<LocalDate, DayState> dayStates(long accountId, String vendor, LocalDate from, LocalDate to) {
        Map<LocalDate, DayState> states = new HashMap<>();
        jdbc.query("SELECT report_date, status, fetched_at, attempts, next_attempt_at FROM metrics_day_import"
                + " WHERE account_id = ? AND vendor_number = ? AND report_date BETWEEN ? AND ?", rs -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    states.put(day, new DayState(day, DayStatus.valueOf(rs.getString(2)), instant(rs, 3), rs.getInt(4),
                            instant(rs, 5)));
                }, accountId, vendor, from, to);
        return states;
    }

    /**
     * Replaces everything stored for (account, vendor, day) with this answer, in one transaction:
     * figures, roll-ups, app names and the day's status.
     */
    void storeDay(long accountId, String vendor, LocalDate day, DayStatus status, DayFigures figures, Instant now) {
        if (!status.isPublished()) {
            throw new IllegalArgumentException("only published days are stored, not " + status);
        }
        transaction.executeWithoutResult(tx -> {
            for (String table : List.of("metrics_daily", "metrics_app_day", "metrics_country_day", "metrics_account_day")) {
                jdbc.update("DELETE FROM " + table + " WHERE account_id = ? AND vendor_number = ? AND report_date = ?",
                        accountId, vendor, day);
            }
            if (!figures.figures().isEmpty()) {
                insertFigures(accountId, vendor, day, figures.figures());
                upsertApps(accountId, day, figures.apps().values());
            }
            upsertDay(accountId, vendor, day, status, now, 0, null, null);
        });
    }

    private void insertFigures(long accountId, String vendor, LocalDate day, List<DayFigures.Figure> figures) {
        List<Object[]> full = new ArrayList<>(figures.size());
        Map<List<String>, long[]> byApp = new LinkedHashMap<>();
        Map<List<String>, BigDecimal> byAppProceeds = new HashMap<>();
        Map<List<String>, long[]> byCountry = new LinkedHashMap<>();
        Map<List<String>, BigDecimal> byCountryProceeds = new HashMap<>();
        Map<List<String>, long[]> byAccount = new LinkedHashMap<>();
        Map<List<String>, BigDecimal> byAccountProceeds = new HashMap<>();
        for (DayFigures.Figure figure : figures) {
            DayFigures.Key key = figure.key();
            full.add(new Object[] {accountId, vendor, day, key.appKey(), key.bucket().name(), key.country(),
                    key.currency(), figure.units(), figure.refundUnits(), figure.proceeds()});
            List<String> appKey = List.of(key.appKey(), key.bucket().name(), key.currency());
            add(byApp, byAppProceeds, appKey, figure);
            List<String> countryKey = List.of(key.country(), key.bucket().name(), key.currency());
            add(byCountry, byCountryProceeds, countryKey, figure);
            add(byAccount, byAccountProceeds, List.of(key.bucket().name(), key.currency()), figure);
        }
        jdbc.batchUpdate("INSERT INTO metrics_daily (account_id, vendor_number, report_date, app_sku, bucket, country,"
                + " currency, units, refund_units, proceeds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", full);
        jdbc.batchUpdate("INSERT INTO metrics_app_day (account_id, vendor_number, report_date, app_sku, bucket, currency,"
                + " units, refund_units, proceeds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rollup(accountId, vendor, day, byApp, byAppProceeds));
        jdbc.batchUpdate("INSERT INTO metrics_country_day (account_id, vendor_number, report_date, country, bucket,"
                + " currency, units, refund_units, proceeds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rollup(accountId, vendor, day, byCountry, byCountryProceeds));
        List<Object[]> accountRows = new ArrayList<>(byAccount.size());
        byAccount.forEach((key, counts) -> accountRows.add(new Object[] {accountId, vendor, day, key.get(0), key.get(1),
                counts[0], counts[1], byAccountProceeds.get(key)}));
        jdbc.batchUpdate("INSERT INTO metrics_account_day (account_id, vendor_number, report_date, bucket, currency,"
                + " units, refund_units, proceeds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", accountRows);
    }

    private static void add(Map<List<String>, long[]> units, Map<List<String>, BigDecimal> proceeds, List<String> key,
            DayFigures.Figure figure) {
        long[] counts = units.computeIfAbsent(key, k -> new long[2]);
        counts[0] += figure.units();
        counts[1] += figure.refundUnits();
        proceeds.merge(key, figure.proceeds(), BigDecimal::add);
    }

    private static List<Object[]> rollup(long accountId, String vendor, LocalDate day, Map<List<String>, long[]> units,
            Map<List<String>, BigDecimal> proceeds) {
        List<Object[]> rows = new ArrayList<>(units.size());
        units.forEach((key, counts) -> rows.add(new Object[] {accountId, vendor, day, key.get(0), key.get(1), key.get(2),
                counts[0], counts[1], proceeds.get(key)}));
        return rows;
    }

    private void upsertApps(long accountId, LocalDate day, java.util.Collection<DayFigures.AppName> apps) {
        for (DayFigures.AppName app : apps) {
            int updated = jdbc.update("UPDATE metrics_app SET title = ?, apple_identifier = ?, last_seen_date = ?"
                    + " WHERE account_id = ? AND app_sku = ? AND last_seen_date <= ?",
                    clip(app.title(), 300), app.appleIdentifier(), day, accountId, app.appKey(), day);
            if (updated == 0) {
                Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM metrics_app WHERE account_id = ? AND app_sku = ?",
                        Integer.class, accountId, app.appKey());
                if (exists == null || exists == 0) {
                    jdbc.update("INSERT INTO metrics_app (account_id, app_sku, apple_identifier, title, last_seen_date)"
                            + " VALUES (?, ?, ?, ?, ?)", accountId, app.appKey(), app.appleIdentifier(),
                            clip(app.title(), 300), day);
                }
            }
        }
    }

    /**
     * Apple has not published the day, or reading it failed. A day already stored keeps its figures
     * and status (a trailing re-read that fails changes nothing); otherwise the day is marked so.
     */
    void dayNotStored(long accountId, String vendor, LocalDate day, DayStatus status, Instant now, Instant nextAttempt,
            String failure) {
        transaction.executeWithoutResult(tx -> {
            List<String> current = jdbc.queryForList("SELECT status FROM metrics_day_import WHERE account_id = ?"
                    + " AND vendor_number = ? AND report_date = ?", String.class, accountId, vendor, day);
            if (!current.isEmpty() && DayStatus.valueOf(current.get(0)).isPublished()) {
                jdbc.update("UPDATE metrics_day_import SET next_attempt_at = ?, last_failure = ?, attempts = attempts + 1"
                        + " WHERE account_id = ? AND vendor_number = ? AND report_date = ?",
                        at(nextAttempt), clip(failure, 500), accountId, vendor, day);
            } else {
                upsertDay(accountId, vendor, day, status, now, 1, nextAttempt, failure);
            }
        });
    }

    private void upsertDay(long accountId, String vendor, LocalDate day, DayStatus status, Instant now, int attemptsAdded,
            Instant nextAttempt, String failure) {
        int updated = jdbc.update("UPDATE metrics_day_import SET status = ?, fetched_at = ?,"
                + " attempts = CASE WHEN ? = 0 THEN 0 ELSE attempts + ? END, next_attempt_at = ?, last_failure = ?"
                + " WHERE account_id = ? AND vendor_number = ? AND report_date = ?",
                status.name(), at(now), attemptsAdded, attemptsAdded, nextAttempt == null ? null : at(nextAttempt),
                clip(failure, 500), accountId, vendor, day);
        if (updated == 0) {
            jdbc.update("INSERT INTO metrics_day_import (account_id, vendor_number, report_date, status, fetched_at,"
                    + " attempts, next_attempt_at, last_failure) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    accountId, vendor, day, status.name(), at(now), attemptsAdded,
                    nextAttempt == null ? null : at(nextAttempt), clip(failure, 500));
        }
    }

    // ------------------------------------------------------------------ pacing

    /** Requests the importer sent in the current clock hour (across nodes), and any pause. */
    record Pacing(Instant windowStart, int requests, Instant pausedUntil) {
    }

    Pacing pacing(Instant now) {
        Instant hour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return jdbc.queryForObject("SELECT window_start, requests, paused_until FROM metrics_pacing WHERE id = 1",
                (rs, i) -> {
                    Instant window = instant(rs, 1);
                    int requests = hour.equals(window) ? rs.getInt(2) : 0;
                    return new Pacing(hour, requests, instant(rs, 3));
                });
    }

    /** Counts {@code requests} more against the current hour. */
    void countRequests(Instant now, int requests) {
        Instant hour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        transaction.executeWithoutResult(tx -> {
            int updated = jdbc.update("UPDATE metrics_pacing SET requests = requests + ? WHERE id = 1 AND window_start = ?",
                    requests, at(hour));
            if (updated == 0) {
                jdbc.update("UPDATE metrics_pacing SET window_start = ?, requests = ? WHERE id = 1", at(hour), requests);
            }
        });
    }

    void pauseAll(Instant until, String reason) {
        jdbc.update("UPDATE metrics_pacing SET paused_until = ?, pause_reason = ? WHERE id = 1", at(until),
                clip(reason, 500));
    }

    // ------------------------------------------------------------------ helpers

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() > max ? text.substring(0, max) : text;
    }

    static Duration between(Instant from, Instant to) {
        return Duration.between(from, to);
    }
}
