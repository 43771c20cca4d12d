package com.storemetrics.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TargetCalendarTest {

    @Test
    void easter_falls_on_the_published_sundays() {
        assertThat(TargetCalendar.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(TargetCalendar.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(TargetCalendar.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(TargetCalendar.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void weekends_and_target_holidays_have_no_rates() {
        assertThat(TargetCalendar.isWorkingDay(LocalDate.of(2026, 12, 4))).isTrue(); // Friday
        assertThat(TargetCalendar.isWorkingDay(LocalDate.of(2026, 12, 5))).isFalse(); // Saturday
        assertThat(TargetCalendar.isWorkingDay(LocalDate.of(2026, 12, 6))).isFalse(); // Sunday
        assertThat(TargetCalendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(TargetCalendar.isWorkingDay(LocalDate.of(2026, 4, 3))).isFalse(); // Good Friday
        assertThat(TargetCalendar.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse(); // Easter Monday
        assertThat(TargetCalendar.isWorkingDay(LocalDate.of(2026, 5, 1))).isFalse();
        assertThat(TargetCalendar.isWorkingDay(LocalDate.of(2025, 12, 25))).isFalse();
        assertThat(TargetCalendar.isWorkingDay(LocalDate.of(2025, 12, 26))).isFalse();
        assertThat(TargetCalendar.isWorkingDay(LocalDate.of(2025, 12, 24))).isTrue();
    }

    @Test
    void a_days_rates_appear_at_four_in_the_afternoon_frankfurt_time() {
        ZonedDateTime monday = ZonedDateTime.of(2026, 12, 7, 15, 59, 0, 0, TargetCalendar.ECB_ZONE);

        assertThat(TargetCalendar.newestPublished(monday.toInstant())).isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(TargetCalendar.newestPublished(monday.plusMinutes(1).toInstant()))
                .isEqualTo(LocalDate.of(2026, 12, 7));
        // After Easter Monday's afternoon, Thursday before Good Friday is still the newest.
        assertThat(TargetCalendar.newestPublished(ZonedDateTime.of(2026, 4, 6, 18, 0, 0, 0, TargetCalendar.ECB_ZONE)
                        .toInstant()))
                .isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(TargetCalendar.previousWorkingDay(LocalDate.of(2026, 4, 7))).isEqualTo(LocalDate.of(2026, 4, 2));
    }
}
