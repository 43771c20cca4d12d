package com.storemetrics.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The fiscal calendar against Apple's published ones: fiscal years 2021, 2022, 2024 and 2025 as
 * Apple's payment calendars list their sales periods (copied by sparrowcode.io and Nami from Apple's
 * "Payments and financial reports" pages), and the 53-week fiscal year 2023 (25 September 2022 to
 * 30 September 2023, whose first quarter had 14 weeks).
 */
class FiscalCalendarTest {

    @Test
    void fiscal_2024_matches_apples_twelve_sales_periods() {
        assertPeriods(
                2024,
                "2023-10-01..2023-11-04",
                "2023-11-05..2023-12-02",
                "2023-12-03..2023-12-30",
                "2023-12-31..2024-02-03",
                "2024-02-04..2024-03-02",
                "2024-03-03..2024-03-30",
                "2024-03-31..2024-05-04",
                "2024-05-05..2024-06-01",
                "2024-06-02..2024-06-29",
                "2024-06-30..2024-08-03",
                "2024-08-04..2024-08-31",
                "2024-09-01..2024-09-28");
    }

    @Test
    void fiscal_2021_matches_apples_twelve_sales_periods() {
        assertPeriods(
                2021,
                "2020-09-27..2020-10-31",
                "2020-11-01..2020-11-28",
                "2020-11-29..2020-12-26",
                "2020-12-27..2021-01-30",
                "2021-01-31..2021-02-27",
                "2021-02-28..2021-03-27",
                "2021-03-28..2021-05-01",
                "2021-05-02..2021-05-29",
                "2021-05-30..2021-06-26",
                "2021-06-27..2021-07-31",
                "2021-08-01..2021-08-28",
                "2021-08-29..2021-09-25");
    }

    @Test
    void fiscal_2022_and_2025_start_where_apple_says() {
        assertThat(FiscalCalendar.month(2022, 1))
                .isEqualTo(new FiscalMonth(2022, 1, LocalDate.of(2021, 9, 26), LocalDate.of(2021, 10, 30)));
        assertThat(FiscalCalendar.yearEnd(2022)).isEqualTo(LocalDate.of(2022, 9, 24));
        assertThat(FiscalCalendar.month(2025, 1))
                .isEqualTo(new FiscalMonth(2025, 1, LocalDate.of(2024, 9, 29), LocalDate.of(2024, 11, 2)));
    }

    @Test
    void the_53_week_fiscal_2023_gives_its_extra_week_to_december() {
        assertThat(FiscalCalendar.yearStart(2023)).isEqualTo(LocalDate.of(2022, 9, 25));
        assertThat(FiscalCalendar.yearEnd(2023)).isEqualTo(LocalDate.of(2023, 9, 30));
        assertThat(FiscalCalendar.hasFiftyThreeWeeks(2023)).isTrue();
        assertThat(FiscalCalendar.month(2023, 3))
                .isEqualTo(new FiscalMonth(2023, 3, LocalDate.of(2022, 11, 27), LocalDate.of(2022, 12, 31)));
        assertThat(FiscalCalendar.month(2023, 4).start()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(FiscalCalendar.month(2023, 12).end()).isEqualTo(LocalDate.of(2023, 9, 30));
    }

    @Test
    void fifty_three_week_years_come_every_five_or_six_years_as_apples_did() {
        List<Integer> longYears = IntStream.rangeClosed(2000, 2040)
                .filter(FiscalCalendar::hasFiftyThreeWeeks)
                .boxed()
                .toList();
        // Apple's 10-K reports: 2000, 2006, 2012, 2017 and 2023 had 53 weeks.
        assertThat(longYears).startsWith(2000, 2006, 2012, 2017, 2023);
        for (int i = 1; i < longYears.size(); i++) {
            assertThat(longYears.get(i) - longYears.get(i - 1)).isBetween(5, 6);
        }
    }

    @Test
    void every_day_of_twenty_years_is_in_exactly_one_fiscal_month_of_whole_weeks_sunday_to_saturday() {
        FiscalMonth month = FiscalCalendar.month(2015, 1);
        for (int i = 0; i < 12 * 20; i++) {
            assertThat(month.start().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(month.end().getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(month.weeks()).isBetween(4, 5);
            FiscalMonth next = month.next();
            assertThat(next.start()).isEqualTo(month.end().plusDays(1));
            assertThat(FiscalCalendar.monthOf(month.start())).isEqualTo(month);
            assertThat(FiscalCalendar.monthOf(month.end())).isEqualTo(month);
            assertThat(next.previous()).isEqualTo(month);
            month = next;
        }
    }

    @Test
    void a_month_is_named_as_apple_names_it_and_is_expected_by_the_first_friday_of_the_next() {
        assertThat(FiscalCalendar.month(2024, 1).name()).isEqualTo("October 2023");
        assertThat(FiscalCalendar.month(2024, 4).name()).isEqualTo("January 2024");
        assertThat(FiscalCalendar.month(2024, 12).name()).isEqualTo("September 2024");
        assertThat(FiscalCalendar.month(2024, 1).expectedPublication()).isEqualTo(LocalDate.of(2023, 11, 10));
        assertThat(FiscalCalendar.monthsBetween(LocalDate.of(2023, 12, 30), LocalDate.of(2024, 1, 2)))
                .extracting(FiscalMonth::name)
                .containsExactly("December 2023", "January 2024");
    }

    @Test
    void a_period_outside_1_to_12_is_refused() {
        assertThatThrownBy(() -> FiscalCalendar.month(2024, 13)).hasMessageContaining("1 (October) to 12");
    }

    private static void assertPeriods(int fiscalYear, String... periods) {
        for (int period = 1; period <= 12; period++) {
            String[] days = periods[period - 1].split("\\.\\.");
            assertThat(FiscalCalendar.month(fiscalYear, period))
                    .as("period %d of fiscal %d", period, fiscalYear)
                    .isEqualTo(new FiscalMonth(fiscalYear, period, LocalDate.parse(days[0]), LocalDate.parse(days[1])));
        }
    }
}
