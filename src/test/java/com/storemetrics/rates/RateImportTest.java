package com.storemetrics.rates;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.base.TargetCalendar;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.NavigableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@ExtendWith(OutputCaptureExtension.class)
class RateImportTest extends SpringTest {

    @Autowired
    RateImport rateImport;

    @Autowired
    RateStore store;

    @Autowired
    ReferenceRates rates;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @AfterEach
    void clearFaults() {
        new SandboxControl(port).clearFaults();
    }

    @Test
    void an_empty_store_takes_the_full_history_kept_400_days_back_equal_to_the_sandboxs_file() {
        assertThat(rateImport.check()).isEqualTo(RateImport.Outcome.FETCHED_HISTORY);

        NavigableMap<LocalDate, Map<String, BigDecimal>> expected =
                EcbFeed.history(port).tailMap(LocalDate.now(clock).minusDays(400), true);
        NavigableMap<LocalDate, Map<String, BigDecimal>> stored = store.all();
        assertThat(stored.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((day, perEur) ->
                perEur.forEach((currency, rate) -> assertThat(stored.get(day).get(currency))
                        .as("%s %s", day, currency)
                        .isEqualByComparingTo(rate)));
        assertThat(stored.values()).allSatisfy(day -> assertThat(day).doesNotContainKey("SAR"));
        assertThat(rateImport.check()).isEqualTo(RateImport.Outcome.UP_TO_DATE);
    }

    @Test
    void a_restart_fetches_only_what_is_missing_the_smallest_file_that_holds_it() {
        moveTo(aTuesdayAfterFour());
        assertThat(rateImport.check()).isEqualTo(RateImport.Outcome.FETCHED_HISTORY);
        LocalDate tuesday = store.newestDay().orElseThrow();
        Instant firstImport = importedAt(tuesday);

        rates.clear(); // as a restart forgets what the node held
        assertThat(rateImport.check()).isEqualTo(RateImport.Outcome.UP_TO_DATE);

        clock.advance(Duration.ofDays(1));
        assertThat(rateImport.check()).isEqualTo(RateImport.Outcome.FETCHED_DAILY);
        assertThat(store.newestDay()).contains(tuesday.plusDays(1));
        assertThat(importedAt(tuesday)).isEqualTo(firstImport);

        clock.advance(Duration.ofDays(14));
        assertThat(rateImport.check()).isEqualTo(RateImport.Outcome.FETCHED_NINETY_DAYS);
        assertThat(store.newestDay()).contains(tuesday.plusDays(15));
        NavigableMap<LocalDate, Map<String, BigDecimal>> expected = EcbFeed.history(port);
        assertThat(store.all().get(tuesday.plusDays(8)))
                .containsOnlyKeys(expected.get(tuesday.plusDays(8)).keySet());
    }

    @Test
    void a_failing_feed_keeps_what_is_stored_warns_and_the_next_check_gets_the_day(CapturedOutput output) {
        moveTo(aTuesdayAfterFour());
        rateImport.check();
        NavigableMap<LocalDate, Map<String, BigDecimal>> before = store.all();
        clock.advance(Duration.ofDays(1));
        SandboxControl sandbox = new SandboxControl(port);

        sandbox.fault("HTTP_500", 1, null);
        assertThat(rateImport.check()).isEqualTo(RateImport.Outcome.FAILED);
        sandbox.fault("GARBAGE", 1, null);
        assertThat(rateImport.check()).isEqualTo(RateImport.Outcome.FAILED);

        assertThat(store.all()).isEqualTo(before);
        assertThat(output.getOut())
                .containsPattern("WARN .*Reference rates not updated \\(stored up to " + before.lastKey()
                        + "; the next check tries again\\): .*eurofxref-daily.xml answered HTTP 500")
                .contains("eurofxref-daily.xml is unreadable: the rate file is not well-formed XML")
                .doesNotContain("ERROR");
        assertThat(rateImport.check()).isEqualTo(RateImport.Outcome.FETCHED_DAILY);
        assertThat(store.newestDay()).contains(before.lastKey().plusDays(1));
    }

    @Test
    void the_file_is_the_smallest_that_holds_what_is_missing() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        assertThat(RateImport.fileFor(null, monday)).isEqualTo(EcbClient.File.HISTORY);
        assertThat(RateImport.fileFor(monday.minusDays(3), monday)).isEqualTo(EcbClient.File.DAILY);
        assertThat(RateImport.fileFor(monday.minusDays(4), monday)).isEqualTo(EcbClient.File.NINETY_DAYS);
        assertThat(RateImport.fileFor(monday.minusDays(85), monday)).isEqualTo(EcbClient.File.NINETY_DAYS);
        assertThat(RateImport.fileFor(monday.minusDays(86), monday)).isEqualTo(EcbClient.File.HISTORY);
    }

    private Instant importedAt(LocalDate day) {
        return jdbc.queryForObject(
                        "SELECT MIN(imported_at) FROM reference_rate WHERE rate_date = ?", Timestamp.class, day)
                .toInstant();
    }

    private void moveTo(ZonedDateTime target) {
        clock.advance(Duration.between(clock.instant(), target.toInstant()));
    }

    /**
     * A Tuesday at 17:00 in Frankfurt whose Monday to Wednesday and the Wednesday two weeks later are
     * working days, one to a few weeks ahead.
     */
    static ZonedDateTime aTuesdayAfterFour() {
        ZonedDateTime tuesday = ZonedDateTime.now(TargetCalendar.ECB_ZONE)
                .plusWeeks(1)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY))
                .withHour(17)
                .withMinute(0);
        while (!TargetCalendar.isWorkingDay(tuesday.toLocalDate().minusDays(1))
                || !TargetCalendar.isWorkingDay(tuesday.toLocalDate())
                || !TargetCalendar.isWorkingDay(tuesday.toLocalDate().plusDays(1))
                || !TargetCalendar.isWorkingDay(tuesday.toLocalDate().plusDays(8))
                || !TargetCalendar.isWorkingDay(tuesday.toLocalDate().plusDays(15))) {
            tuesday = tuesday.plusWeeks(1);
        }
        return tuesday;
    }
}
