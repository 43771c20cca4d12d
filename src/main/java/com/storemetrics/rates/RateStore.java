package com.storemetrics.rates;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The stored reference rates ({@code reference_rate}): the one write path, and the reads. */
@Repository
class RateStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RateStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Stores the days' rates, replacing what was stored for those days (the ECB does not revise a
     * published day, so this only repeats it), and forgets days before {@code keepFrom}; one
     * transaction, so a reader sees all of a file or none of it.
     */
    @Transactional
    void store(NavigableMap<LocalDate, Map<String, BigDecimal>> days, LocalDate keepFrom, Instant now) {
        NavigableMap<LocalDate, Map<String, BigDecimal>> kept = days.tailMap(keepFrom, true);
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        Timestamp importedAt = Timestamp.from(now);
        kept.forEach((day, rates) -> {
            deletes.add(new Object[] {Date.valueOf(day)});
            rates.forEach(
                    (currency, perEur) -> inserts.add(new Object[] {Date.valueOf(day), currency, perEur, importedAt}));
        });
        template.batchUpdate("DELETE FROM reference_rate WHERE rate_date = ?", deletes);
        template.batchUpdate(
                "INSERT INTO reference_rate (rate_date, currency, per_eur, imported_at) VALUES (?, ?, ?, ?)", inserts);
        jdbc.sql("DELETE FROM reference_rate WHERE rate_date < :keepFrom")
                .param("keepFrom", keepFrom)
                .update();
    }

    /** The newest day stored, if any. */
    Optional<LocalDate> newestDay() {
        return jdbc.sql("SELECT MAX(rate_date) FROM reference_rate")
                .query(LocalDate.class)
                .optional();
    }

    /** Every stored day's rates, units per euro. */
    NavigableMap<LocalDate, Map<String, BigDecimal>> all() {
        NavigableMap<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
        jdbc.sql("SELECT rate_date, currency, per_eur FROM reference_rate").query(row -> {
            days.computeIfAbsent(row.getObject("rate_date", LocalDate.class), day -> new HashMap<>())
                    .put(row.getString("currency").trim(), row.getBigDecimal("per_eur"));
        });
        return days;
    }
}
