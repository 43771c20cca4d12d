package com.storemetrics.metrics;

import static com.storemetrics.metrics.ImportLedger.at;
import static com.storemetrics.metrics.ImportLedger.clip;
import static com.storemetrics.metrics.ImportLedger.instant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happened to every (account, report, vendor, day) the importer asked Apple for
 * ({@code metrics_day_import}): Apple's answer, when it was read, how often it failed and when it is
 * asked again. The row of a published day is written in the day's own transaction.
 */
@Component
class DayLedger {

    /** What Apple answered (or what went wrong) for one day of one vendor. */
    record DayState(LocalDate day, DayStatus status, Instant fetchedAt, int attempts, Instant nextAttemptAt) {}

    private final JdbcClient jdbc;

    DayLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The states of the days in [from, to] of every vendor of the account for one report: vendor -> day -> state. */
    Map<String, Map<LocalDate, DayState>> dayStates(long accountId, String report, LocalDate from, LocalDate to) {
        Map<String, Map<LocalDate, DayState>> states = new HashMap<>();
        jdbc.sql(
                        "SELECT vendor_number, report_date, status, fetched_at, attempts, next_attempt_at FROM metrics_day_import"
                                + " WHERE account_id = :account AND report = :report AND report_date BETWEEN :from AND :to")
                .param("account", accountId)
                .param("report", report)
                .param("from", from)
                .param("to", to)
                .query((RowCallbackHandler) rs -> {
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    states.computeIfAbsent(rs.getString(1), vendor -> new HashMap<>())
                            .put(
                                    day,
                                    new DayState(
                                            day,
                                            DayStatus.valueOf(rs.getString(3)),
                                            instant(rs, 4),
                                            rs.getInt(5),
                                            instant(rs, 6)));
                });
        return states;
    }

    /**
     * Apple published the day and it was stored: its status row says so (in the day's transaction,
     * which holds the account: {@link ImportLedger#HOLD_ACCOUNT}).
     */
    void published(DailyReport.Day day, String report, DayStatus status, Instant at, String note) {
        jdbc.sql(MERGE_DAY + " WHEN MATCHED THEN UPDATE SET status = :status, fetched_at = :at, attempts = 0,"
                        + " next_attempt_at = NULL, last_failure = NULL, note = :note"
                        + " WHEN NOT MATCHED THEN INSERT (account_id, report, vendor_number, report_date, status, fetched_at,"
                        + " attempts, note) VALUES (s.account_id, s.report, s.vendor_number, s.report_date, :status, :at, 0,"
                        + " :note)")
                .params(dayKey(day, report))
                .param("status", status.name())
                .param("at", at(at))
                .param("note", clip(note, 500))
                .update();
    }

    /**
     * Apple has not published the day, or reading it failed. A day already stored keeps its figures
     * and its status (a trailing re-read that fails changes nothing); otherwise the day is marked so.
     * One writer of the account at a time ({@link ImportLedger#HOLD_ACCOUNT}).
     */
    @Transactional
    void notStored(
            DailyReport.Day day, String report, DayStatus status, Instant at, Instant nextAttempt, String failure) {
        jdbc.sql(ImportLedger.HOLD_ACCOUNT).param("account", day.accountId()).update();
        jdbc.sql(MERGE_DAY + " WHEN MATCHED THEN UPDATE SET"
                        + " status = CASE WHEN t.status IN ('DATA', 'NO_SALES') THEN t.status ELSE :status END,"
                        + " fetched_at = CASE WHEN t.status IN ('DATA', 'NO_SALES') THEN t.fetched_at ELSE :at END,"
                        + " attempts = t.attempts + 1, next_attempt_at = :next, last_failure = :failure"
                        + " WHEN NOT MATCHED THEN INSERT (account_id, report, vendor_number, report_date, status, fetched_at,"
                        + " attempts, next_attempt_at, last_failure) VALUES (s.account_id, s.report, s.vendor_number,"
                        + " s.report_date, :status, :at, 1, :next, :failure)")
                .params(dayKey(day, report))
                .param("status", status.name())
                .param("at", at(at))
                .param("next", at(nextAttempt))
                .param("failure", clip(failure, 500))
                .update();
    }

    private static final String MERGE_DAY = "MERGE INTO metrics_day_import t USING (VALUES (CAST(:account AS BIGINT),"
            + " CAST(:report AS VARCHAR(20)), CAST(:vendor AS VARCHAR(20)), CAST(:day AS DATE)))"
            + " AS s (account_id, report, vendor_number, report_date) ON t.account_id = s.account_id"
            + " AND t.report = s.report AND t.vendor_number = s.vendor_number AND t.report_date = s.report_date";

    private static Map<String, Object> dayKey(DailyReport.Day day, String report) {
        return Map.of("account", day.accountId(), "report", report, "vendor", day.vendorNumber(), "day", day.date());
    }
}
