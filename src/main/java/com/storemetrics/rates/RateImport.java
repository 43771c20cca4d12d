package com.storemetrics.rates;

import com.storemetrics.base.TargetCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One check of the reference rates: when the newest stored day is older than the newest working day
 * the ECB has published (16:00 Frankfurt time on), fetches what is missing, the smallest file that
 * holds it: the daily file for one day, the 90-day history for up to 85 days, the full history for
 * more or for an empty store (kept {@code history-days} back). A failing feed (an error status, a
 * time-out, garbage, hostile XML) changes nothing stored and is a WARN; the next check tries again.
 */
@Component
class RateImport {

    /** What a check did. */
    enum Outcome {
        UP_TO_DATE,
        FETCHED_DAILY,
        FETCHED_NINETY_DAYS,
        FETCHED_HISTORY,
        FAILED
    }

    private static final Logger log = LoggerFactory.getLogger(RateImport.class);
    /** The 90-day file covers 90 calendar days back from today: a gap up to 85 days fits with room. */
    private static final int NINETY_DAY_REACH = 85;

    private final EcbClient client;
    private final RateStore store;
    private final ReferenceRates rates;
    private final RatesProperties properties;
    private final Clock clock;

    RateImport(EcbClient client, RateStore store, ReferenceRates rates, RatesProperties properties, Clock clock) {
        this.client = client;
        this.store = store;
        this.rates = rates;
        this.properties = properties;
        this.clock = clock;
    }

    Outcome check() {
        LocalDate due = TargetCalendar.newestPublished(clock.instant());
        Optional<LocalDate> newest = store.newestDay();
        if (newest.isPresent() && !newest.get().isBefore(due)) {
            return Outcome.UP_TO_DATE;
        }
        EcbClient.File file = fileFor(newest.orElse(null), due);
        NavigableMap<LocalDate, Map<String, BigDecimal>> days;
        try {
            days = client.fetch(file);
        } catch (EcbClient.FeedFailure failure) {
            log.warn(
                    "Reference rates not updated (stored up to {}; the next check tries again): {}",
                    newest.map(LocalDate::toString).orElse("nothing"),
                    failure.getMessage());
            return Outcome.FAILED;
        }
        LocalDate keepFrom = LocalDate.now(clock).minusDays(properties.historyDays());
        store.store(days, keepFrom, clock.instant());
        rates.reload();
        log.info(
                "Reference rates: {} read, {} working day(s) kept, newest {}",
                file.name,
                days.tailMap(keepFrom, true).size(),
                days.isEmpty() ? "none" : days.lastKey());
        if (!days.isEmpty() && days.lastKey().isBefore(due)) {
            log.info(
                    "The ECB has not published {} yet (its newest file is of {}): the next check asks again",
                    due,
                    days.lastKey());
        }
        return switch (file) {
            case DAILY -> Outcome.FETCHED_DAILY;
            case NINETY_DAYS -> Outcome.FETCHED_NINETY_DAYS;
            case HISTORY -> Outcome.FETCHED_HISTORY;
        };
    }

    static EcbClient.File fileFor(LocalDate newestStored, LocalDate due) {
        if (newestStored == null) {
            return EcbClient.File.HISTORY;
        }
        if (!newestStored.isBefore(TargetCalendar.previousWorkingDay(due))) {
            return EcbClient.File.DAILY;
        }
        return ChronoUnit.DAYS.between(newestStored, due) <= NINETY_DAY_REACH
                ? EcbClient.File.NINETY_DAYS
                : EcbClient.File.HISTORY;
    }
}
