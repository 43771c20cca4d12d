package com.storemetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.metrics.DayLedger.DayState;
import com.storemetrics.metrics.ImportLedger.AccountImport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which days are due now and when the next one is: what lets an idle batch read nothing but one row per account. */
class DueDaysTest {

    /** 15:00 Pacific on 1 December 2026. */
    private static final Instant NOW = Instant.parse("2026-12-01T23:00:00Z");

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final MetricsProperties PROPERTIES = new MetricsProperties(
            Duration.ofSeconds(3),
            20,
            true,
            3600,
            0.5,
            365,
            7,
            Duration.ofHours(20),
            Duration.ofMinutes(30),
            Duration.ofMinutes(1),
            Duration.ofHours(6));
    private static final AccountImport ACCOUNT = new AccountImport(1, "100001", "V1,V2", true, null, null, 0, Map.of());

    @Test
    void a_new_import_needs_every_day_of_the_window_newest_first_vendors_interleaved_from_the_reports_lag() {
        DueDays.Due due = DueDays.of(report(2), ACCOUNT, List.of("V1", "V2"), Map.of(), NOW, PROPERTIES);

        assertThat(due.tasks()).hasSize(2 * 364);
        assertThat(due.tasks().get(0).day().date()).isEqualTo(TODAY.minusDays(2));
        assertThat(due.tasks().get(0).day().vendorNumber()).isEqualTo("V1");
        assertThat(due.tasks().get(1).day().vendorNumber()).isEqualTo("V2");
        assertThat(due.tasks().get(due.tasks().size() - 1).day().date()).isEqualTo(TODAY.minusDays(365));
    }

    @Test
    void with_every_day_read_just_now_nothing_is_due_until_the_next_pacific_midnight() {
        Map<LocalDate, DayState> days = new HashMap<>();
        for (int back = 1; back <= 365; back++) {
            days.put(TODAY.minusDays(back), published(TODAY.minusDays(back), NOW.minusSeconds(60)));
        }

        DueDays.Due due = DueDays.of(report(1), ACCOUNT, List.of("V1"), Map.of("V1", days), NOW, PROPERTIES);

        assertThat(due.tasks()).isEmpty();
        assertThat(due.nextDueAt()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
    }

    @Test
    void the_next_due_time_is_the_earliest_retry_or_re_read_of_the_trailing_window() {
        Map<LocalDate, DayState> days = new HashMap<>();
        for (int back = 1; back <= 365; back++) {
            days.put(TODAY.minusDays(back), published(TODAY.minusDays(back), NOW.minusSeconds(60)));
        }
        // Read 19 hours ago, inside the trailing week: read again in an hour.
        days.put(TODAY.minusDays(3), published(TODAY.minusDays(3), NOW.minus(Duration.ofHours(19))));
        // Older than the trailing week and read long ago: never again.
        days.put(TODAY.minusDays(30), published(TODAY.minusDays(30), NOW.minus(Duration.ofDays(20))));
        // Not published yet: asked again in 20 minutes.
        days.put(
                TODAY.minusDays(1),
                new DayState(TODAY.minusDays(1), DayStatus.NOT_YET, NOW, 1, NOW.plus(Duration.ofMinutes(20))));

        DueDays.Due due = DueDays.of(report(1), ACCOUNT, List.of("V1"), Map.of("V1", days), NOW, PROPERTIES);
        assertThat(due.tasks()).isEmpty();
        assertThat(due.nextDueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));

        DueDays.Due later = DueDays.of(
                report(1), ACCOUNT, List.of("V1"), Map.of("V1", days), NOW.plus(Duration.ofMinutes(61)), PROPERTIES);
        assertThat(later.tasks())
                .extracting(task -> task.day().date())
                .containsExactly(TODAY.minusDays(1), TODAY.minusDays(3));
    }

    @Test
    void a_failed_day_waits_for_its_back_off_and_a_failed_re_read_of_a_stored_day_too() {
        Map<LocalDate, DayState> days = new HashMap<>();
        days.put(
                TODAY.minusDays(2),
                new DayState(TODAY.minusDays(2), DayStatus.FAILED, NOW, 3, NOW.plus(Duration.ofMinutes(4))));
        days.put(
                TODAY.minusDays(4),
                new DayState(
                        TODAY.minusDays(4),
                        DayStatus.DATA,
                        NOW.minus(Duration.ofDays(2)),
                        1,
                        NOW.plus(Duration.ofMinutes(2))));

        DueDays.Due due = DueDays.of(report(1), ACCOUNT, List.of("V1"), Map.of("V1", days), NOW, PROPERTIES);

        assertThat(due.tasks())
                .extracting(task -> task.day().date())
                .doesNotContain(TODAY.minusDays(2), TODAY.minusDays(4));
        assertThat(due.tasks().get(0).state()).isNull();
    }

    private static DayState published(LocalDate day, Instant fetchedAt) {
        return new DayState(day, DayStatus.DATA, fetchedAt, 0, null);
    }

    private static DailyReport report(int lag) {
        return new DailyReport() {
            @Override
            public String name() {
                return "TEST";
            }

            @Override
            public int lagDays() {
                return lag;
            }

            @Override
            public int requestsPerDay() {
                return 1;
            }

            @Override
            public Answer fetch(String serviceAccessToken, Day day, Instant now) {
                throw new UnsupportedOperationException("not asked in these tests");
            }
        };
    }
}
