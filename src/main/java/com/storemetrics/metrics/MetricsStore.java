package com.storemetrics.metrics;

import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
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
        DATA,
        NO_SALES,
        NOT_YET,
        FAILED;

        boolean isPublished() {
            return this == DATA || this == NO_SALES;
        }
    }

    record DayState(LocalDate day, DayStatus status, Instant fetchedAt, int attempts, Instant nextAttemptAt) {}

    record AccountImport(
            long accountId,
            String accountNumber,
            boolean active,
            Instant lastServedAt,
            Instant pausedUntil,
            int consecutiveFailures) {}

    /** Which accounts started and which stopped importing in a reconciliation. */
    record Reconciled(List<Long> started, List<Long> stopped) {}

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
                    jdbc.update(
                            "INSERT INTO metrics_account_import (account_id, account_number, active, started_at,"
                                    + " consecutive_failures) VALUES (?, ?, TRUE, ?, 0)",
                            account.accountId(),
                            account.accountNumber(),
                            at(now));
                    started.add(account.accountId());
                } else if (!existing.active() || !existing.accountNumber().equals(account.accountNumber())) {
                    jdbc.update(
                            "UPDATE metrics_account_import SET active = TRUE, account_number = ?, stopped_at = NULL,"
                                    + " started_at = CASE WHEN active THEN started_at ELSE ? END WHERE account_id = ?",
                            account.accountNumber(),
                            at(now),
                            account.accountId());
                    if (!existing.active()) {
                        started.add(account.accountId());
                    }
                }
            }
            for (AccountImport existing : known.values()) {
                if (existing.active() && !wanted.contains(existing.accountId())) {
                    jdbc.update(
                            "UPDATE metrics_account_import SET active = FALSE, stopped_at = ? WHERE account_id = ?",
                            at(now),
                            existing.accountId());
                    stopped.add(existing.accountId());
                }
            }
            return new Reconciled(started, stopped);
        });
    }

    List<AccountImport> allImports() {
        return jdbc.query(
                "SELECT account_id, account_number, active, last_served_at, paused_until,"
                        + " consecutive_failures FROM metrics_account_import ORDER BY account_id",
                (rs, i) -> new AccountImport(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        instant(rs, 4),
                        instant(rs, 5),
                        rs.getInt(6)));
    }

    void served(long accountId, Instant now) {
        jdbc.update("UPDATE metrics_account_import SET last_served_at = ? WHERE account_id = ?", at(now), accountId);
    }

    void accountSucceeded(long accountId, Instant now) {
        jdbc.update(
                "UPDATE metrics_account_import SET last_success_at = ?, consecutive_failures = 0,"
                        + " paused_until = NULL WHERE account_id = ?",
                at(now),
                accountId);
    }

    /** Records a failure against the account; {@code pauseUntil} non-null keeps the account waiting. */
    void accountFailed(long accountId, Instant now, String kind, String message, Instant pauseUntil) {
        jdbc.update(
                "UPDATE metrics_account_import SET last_failure_at = ?, last_failure_kind = ?,"
                        + " last_failure_message = ?, consecutive_failures = consecutive_failures + 1,"
                        + " paused_until = COALESCE(?, paused_until) WHERE account_id = ?",
                at(now),
                kind,
                clip(message, 500),
                pauseUntil == null ? null : at(pauseUntil),
                accountId);
    }

    // ------------------------------------------------------------------ days

    Map<LocalDate, DayState> dayStates(long accountId, String vendor, LocalDate from, LocalDate to) {
        Map<LocalDate, DayState> states = new HashMap<>();
        jdbc.query(
                "SELECT report_date, status, fetched_at, attempts, next_attempt_at FROM metrics_day_import"
                        + " WHERE account_id = ? AND vendor_number = ? AND report_date BETWEEN ? AND ?",
                rs -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    states.put(
                            day,
                            new DayState(
                                    day,
                                    DayStatus.valueOf(rs.getString(2)),
                                    instant(rs, 3),
                                    rs.getInt(4),
                                    instant(rs, 5)));
                },
                accountId,
                vendor,
                from,
                to);
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
            // The month roll-ups change by (new day - old day): the old day's rows are subtracted
            // before they go, the new day's added once they are in.
            Map<RollUp, Map<List<String>, MonthDelta>> deltas = new EnumMap<>(RollUp.class);
            for (RollUp rollUp : RollUp.values()) {
                deltas.put(rollUp, new HashMap<>());
                addDay(deltas.get(rollUp), rollUp, accountId, vendor, day, -1);
            }
            for (RollUp rollUp : RollUp.values()) {
                jdbc.update(
                        "DELETE FROM " + rollUp.dayTable()
                                + " WHERE account_id = ? AND vendor_number = ? AND report_date = ?",
                        accountId,
                        vendor,
                        day);
            }
            if (!figures.figures().isEmpty()) {
                insertFigures(accountId, vendor, day, figures.figures());
                upsertApps(accountId, day, figures.apps().values());
                for (RollUp rollUp : RollUp.values()) {
                    addDay(deltas.get(rollUp), rollUp, accountId, vendor, day, 1);
                }
            }
            for (RollUp rollUp : RollUp.values()) {
                if (!applyToMonth(rollUp, accountId, vendor, RollUp.month(day), deltas.get(rollUp))) {
                    rebuildMonth(rollUp, accountId, vendor, YearMonth.from(day));
                }
            }
            upsertDay(accountId, vendor, day, status, now, 0, null, null);
        });
    }

    /** What a month row changes by: sums and the number of day rows it sums. */
    private static final class MonthDelta {
        long units;
        long refunds;
        BigDecimal proceeds = BigDecimal.ZERO;
        long days;

        boolean isZero() {
            return units == 0 && refunds == 0 && proceeds.signum() == 0 && days == 0;
        }
    }

    /** Adds (sign 1) or subtracts (sign -1) the day's stored rows of {@code rollUp} to {@code deltas}. */
    private void addDay(
            Map<List<String>, MonthDelta> deltas,
            RollUp rollUp,
            long accountId,
            String vendor,
            LocalDate day,
            int sign) {
        List<String> key = rollUp.rowKey();
        jdbc.query(
                "SELECT " + String.join(", ", key) + ", units, refund_units, proceeds FROM " + rollUp.dayTable()
                        + " WHERE account_id = ? AND vendor_number = ? AND report_date = ?",
                rs -> {
                    List<String> values = new ArrayList<>(key.size());
                    for (int i = 1; i <= key.size(); i++) {
                        values.add(rs.getString(i));
                    }
                    MonthDelta delta = deltas.computeIfAbsent(values, k -> new MonthDelta());
                    delta.units += sign * rs.getLong(key.size() + 1);
                    delta.refunds += sign * rs.getLong(key.size() + 2);
                    BigDecimal proceeds = rs.getBigDecimal(key.size() + 3);
                    delta.proceeds = sign > 0 ? delta.proceeds.add(proceeds) : delta.proceeds.subtract(proceeds);
                    delta.days += sign;
                },
                accountId,
                vendor,
                day);
    }

    /**
     * Changes the month's rows by {@code deltas}: update those that exist, insert the others, drop
     * emptied ones. False when the month turns out not to be the sum of its days (a day row without
     * a month row, or a negative count): only possible if the day table was changed behind this
     * class's back; the caller then rebuilds the month from the day table.
     */
    private boolean applyToMonth(
            RollUp rollUp, long accountId, String vendor, int month, Map<List<String>, MonthDelta> deltas) {
        List<Map.Entry<List<String>, MonthDelta>> changes = deltas.entrySet().stream()
                .filter(entry -> !entry.getValue().isZero())
                .toList();
        if (changes.isEmpty()) {
            return true;
        }
        List<String> key = rollUp.rowKey();
        String keyMatch = key.stream().map(column -> " AND " + column + " = ?").collect(Collectors.joining());
        List<Object[]> updates = new ArrayList<>(changes.size());
        for (Map.Entry<List<String>, MonthDelta> change : changes) {
            MonthDelta delta = change.getValue();
            List<Object> args = new ArrayList<>(
                    List.of(delta.units, delta.refunds, delta.proceeds, delta.days, accountId, vendor, month));
            args.addAll(change.getKey());
            updates.add(args.toArray());
        }
        int[] updated = jdbc.batchUpdate(
                "UPDATE " + rollUp.monthTable() + " SET units = units + ?,"
                        + " refund_units = refund_units + ?, proceeds = proceeds + ?, day_count = day_count + ?"
                        + " WHERE account_id = ? AND vendor_number = ? AND report_month = ?" + keyMatch,
                updates);
        List<Object[]> inserts = new ArrayList<>();
        boolean emptied = false;
        for (int i = 0; i < changes.size(); i++) {
            MonthDelta delta = changes.get(i).getValue();
            emptied |= delta.days < 0;
            if (updated[i] == 0) {
                if (delta.days <= 0) {
                    return false;
                }
                List<Object> args = new ArrayList<>(List.of(accountId, vendor, month));
                args.addAll(changes.get(i).getKey());
                args.addAll(List.of(delta.units, delta.refunds, delta.proceeds, delta.days));
                inserts.add(args.toArray());
            } else if (updated[i] != 1) {
                throw new IllegalStateException("the driver did not count the updated rows of " + rollUp.monthTable());
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO " + rollUp.monthTable() + " (account_id, vendor_number, report_month, "
                            + String.join(", ", key) + ", units, refund_units, proceeds, day_count) VALUES (?, ?, ?, "
                            + key.stream().map(column -> "?").collect(Collectors.joining(", ")) + ", ?, ?, ?, ?)",
                    inserts);
        }
        if (emptied) {
            Integer negative = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM " + rollUp.monthTable()
                            + " WHERE account_id = ? AND vendor_number = ? AND report_month = ?"
                            + " AND (day_count < 0 OR units < 0 OR refund_units < 0)",
                    Integer.class,
                    accountId,
                    vendor,
                    month);
            if (negative != null && negative > 0) {
                return false;
            }
            jdbc.update(
                    "DELETE FROM " + rollUp.monthTable() + " WHERE account_id = ? AND vendor_number = ?"
                            + " AND report_month = ? AND day_count = 0",
                    accountId,
                    vendor,
                    month);
        }
        return true;
    }

    /** Sums the month's day rows again (the slow way, for a month whose roll-up drifted). */
    private void rebuildMonth(RollUp rollUp, long accountId, String vendor, YearMonth month) {
        String key = String.join(", ", rollUp.rowKey());
        jdbc.update(
                "DELETE FROM " + rollUp.monthTable() + " WHERE account_id = ? AND vendor_number = ?"
                        + " AND report_month = ?",
                accountId,
                vendor,
                RollUp.month(month));
        jdbc.update(
                "INSERT INTO " + rollUp.monthTable() + " (account_id, vendor_number, report_month, " + key
                        + ", units, refund_units, proceeds, day_count) SELECT account_id, vendor_number, CAST(? AS INT), "
                        + key
                        + ", SUM(units), SUM(refund_units), SUM(proceeds), COUNT(*) FROM " + rollUp.dayTable()
                        + " WHERE account_id = ? AND vendor_number = ? AND report_date BETWEEN ? AND ?"
                        + " GROUP BY account_id, vendor_number, " + key,
                RollUp.month(month),
                accountId,
                vendor,
                month.atDay(1),
                month.atEndOfMonth());
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
            full.add(new Object[] {
                accountId,
                vendor,
                day,
                key.appKey(),
                key.bucket().name(),
                key.country(),
                key.currency(),
                figure.units(),
                figure.refundUnits(),
                figure.proceeds()
            });
            List<String> appKey = List.of(key.appKey(), key.bucket().name(), key.currency());
            add(byApp, byAppProceeds, appKey, figure);
            List<String> countryKey = List.of(key.country(), key.bucket().name(), key.currency());
            add(byCountry, byCountryProceeds, countryKey, figure);
            add(byAccount, byAccountProceeds, List.of(key.bucket().name(), key.currency()), figure);
        }
        jdbc.batchUpdate(
                "INSERT INTO metrics_daily (account_id, vendor_number, report_date, app_sku, bucket, country,"
                        + " currency, units, refund_units, proceeds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                full);
        jdbc.batchUpdate(
                "INSERT INTO metrics_app_day (account_id, vendor_number, report_date, app_sku, bucket, currency,"
                        + " units, refund_units, proceeds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rollup(accountId, vendor, day, byApp, byAppProceeds));
        jdbc.batchUpdate(
                "INSERT INTO metrics_country_day (account_id, vendor_number, report_date, country, bucket,"
                        + " currency, units, refund_units, proceeds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rollup(accountId, vendor, day, byCountry, byCountryProceeds));
        List<Object[]> accountRows = new ArrayList<>(byAccount.size());
        byAccount.forEach((key, counts) -> accountRows.add(new Object[] {
            accountId, vendor, day, key.get(0), key.get(1), counts[0], counts[1], byAccountProceeds.get(key)
        }));
        jdbc.batchUpdate(
                "INSERT INTO metrics_account_day (account_id, vendor_number, report_date, bucket, currency,"
                        + " units, refund_units, proceeds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                accountRows);
    }

    private static void add(
            Map<List<String>, long[]> units,
            Map<List<String>, BigDecimal> proceeds,
            List<String> key,
            DayFigures.Figure figure) {
        long[] counts = units.computeIfAbsent(key, k -> new long[2]);
        counts[0] += figure.units();
        counts[1] += figure.refundUnits();
        proceeds.merge(key, figure.proceeds(), BigDecimal::add);
    }

    private static List<Object[]> rollup(
            long accountId,
            String vendor,
            LocalDate day,
            Map<List<String>, long[]> units,
            Map<List<String>, BigDecimal> proceeds) {
        List<Object[]> rows = new ArrayList<>(units.size());
        units.forEach((key, counts) -> rows.add(new Object[] {
            accountId, vendor, day, key.get(0), key.get(1), key.get(2), counts[0], counts[1], proceeds.get(key)
        }));
        return rows;
    }

    private void upsertApps(long accountId, LocalDate day, java.util.Collection<DayFigures.AppName> apps) {
        for (DayFigures.AppName app : apps) {
            int updated = jdbc.update(
                    "UPDATE metrics_app SET title = ?, apple_identifier = ?, last_seen_date = ?"
                            + " WHERE account_id = ? AND app_sku = ? AND last_seen_date <= ?",
                    clip(app.title(), 300),
                    app.appleIdentifier(),
                    day,
                    accountId,
                    app.appKey(),
                    day);
            if (updated == 0) {
                Integer exists = jdbc.queryForObject(
                        "SELECT COUNT(*) FROM metrics_app WHERE account_id = ? AND app_sku = ?",
                        Integer.class,
                        accountId,
                        app.appKey());
                if (exists == null || exists == 0) {
                    jdbc.update(
                            "INSERT INTO metrics_app (account_id, app_sku, apple_identifier, title, last_seen_date)"
                                    + " VALUES (?, ?, ?, ?, ?)",
                            accountId,
                            app.appKey(),
                            app.appleIdentifier(),
                            clip(app.title(), 300),
                            day);
                }
            }
        }
    }

    /**
     * Apple has not published the day, or reading it failed. A day already stored keeps its figures
     * and status (a trailing re-read that fails changes nothing); otherwise the day is marked so.
     */
    void dayNotStored(
            long accountId,
            String vendor,
            LocalDate day,
            DayStatus status,
            Instant now,
            Instant nextAttempt,
            String failure) {
        transaction.executeWithoutResult(tx -> {
            List<String> current = jdbc.queryForList(
                    "SELECT status FROM metrics_day_import WHERE account_id = ?"
                            + " AND vendor_number = ? AND report_date = ?",
                    String.class,
                    accountId,
                    vendor,
                    day);
            if (!current.isEmpty() && DayStatus.valueOf(current.get(0)).isPublished()) {
                jdbc.update(
                        "UPDATE metrics_day_import SET next_attempt_at = ?, last_failure = ?, attempts = attempts + 1"
                                + " WHERE account_id = ? AND vendor_number = ? AND report_date = ?",
                        at(nextAttempt),
                        clip(failure, 500),
                        accountId,
                        vendor,
                        day);
            } else {
                upsertDay(accountId, vendor, day, status, now, 1, nextAttempt, failure);
            }
        });
    }

    private void upsertDay(
            long accountId,
            String vendor,
            LocalDate day,
            DayStatus status,
            Instant now,
            int attemptsAdded,
            Instant nextAttempt,
            String failure) {
        int updated = jdbc.update(
                "UPDATE metrics_day_import SET status = ?, fetched_at = ?,"
                        + " attempts = CASE WHEN ? = 0 THEN 0 ELSE attempts + ? END, next_attempt_at = ?, last_failure = ?"
                        + " WHERE account_id = ? AND vendor_number = ? AND report_date = ?",
                status.name(),
                at(now),
                attemptsAdded,
                attemptsAdded,
                nextAttempt == null ? null : at(nextAttempt),
                clip(failure, 500),
                accountId,
                vendor,
                day);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO metrics_day_import (account_id, vendor_number, report_date, status, fetched_at,"
                            + " attempts, next_attempt_at, last_failure) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    accountId,
                    vendor,
                    day,
                    status.name(),
                    at(now),
                    attemptsAdded,
                    nextAttempt == null ? null : at(nextAttempt),
                    clip(failure, 500));
        }
    }

    // ------------------------------------------------------------------ pacing

    /** Requests the importer sent in the current clock hour (across nodes), and any pause. */
    record Pacing(Instant windowStart, int requests, Instant pausedUntil) {}

    Pacing pacing(Instant now) {
        Instant hour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        return jdbc.queryForObject(
                "SELECT window_start, requests, paused_until FROM metrics_pacing WHERE id = 1", (rs, i) -> {
                    Instant window = instant(rs, 1);
                    int requests = hour.equals(window) ? rs.getInt(2) : 0;
                    return new Pacing(hour, requests, instant(rs, 3));
                });
    }

    /** Counts {@code requests} more against the current hour. */
    void countRequests(Instant now, int requests) {
        Instant hour = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        transaction.executeWithoutResult(tx -> {
            int updated = jdbc.update(
                    "UPDATE metrics_pacing SET requests = requests + ? WHERE id = 1 AND window_start = ?",
                    requests,
                    at(hour));
            if (updated == 0) {
                jdbc.update(
                        "UPDATE metrics_pacing SET window_start = ?, requests = ? WHERE id = 1", at(hour), requests);
            }
        });
    }

    void pauseAll(Instant until, String reason) {
        jdbc.update(
                "UPDATE metrics_pacing SET paused_until = ?, pause_reason = ? WHERE id = 1",
                at(until),
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
