package com.storemetrics.base;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Apple's fiscal calendar, on which Financial reports and payments are cut
 * (/work/shared/design/payments.md): a fiscal year ends on the last Saturday of September and
 * starts the Sunday after the previous one ended; its twelve fiscal months are whole weeks, 5-4-4
 * in each quarter; a year of 53 weeks (every five or six years) gives its extra week to the third
 * month of the first quarter (December), as Apple's 2023 calendar did. Period 1 is October, period
 * 12 September; fiscal year 2024 runs from 1 October 2023 to 28 September 2024.
 */
public final class FiscalCalendar {

    /** The first calendar month of a fiscal year. */
    private static final Month FIRST = Month.OCTOBER;

    private FiscalCalendar() {}

    /**
     * One fiscal month: its fiscal year and period (1 = October), its calendar days, and its name
     * as Apple shows it ("October 2023" for period 1 of fiscal year 2024).
     */
    public record FiscalMonth(int fiscalYear, int period, LocalDate start, LocalDate end) {

        public String name() {
            Month month = FIRST.plus(period - 1L);
            int year = period <= 3 ? fiscalYear - 1 : fiscalYear;
            return month.getDisplayName(TextStyle.FULL, Locale.UK) + " " + year;
        }

        /** Apple's fiscal year and period with the calendar month it is named after: "FY2027 P2 (Nov)". */
        public String shortName() {
            Month month = FIRST.plus(period - 1L);
            return "FY" + fiscalYear + " P" + period + " (" + month.getDisplayName(TextStyle.SHORT, Locale.US) + ")";
        }

        public int weeks() {
            return (int) (ChronoUnit.DAYS.between(start, end) + 1) / 7;
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }

        public FiscalMonth next() {
            return period == 12 ? month(fiscalYear + 1, 1) : month(fiscalYear, period + 1);
        }

        public FiscalMonth previous() {
            return period == 1 ? month(fiscalYear - 1, 12) : month(fiscalYear, period - 1);
        }

        /**
         * When Apple is expected to publish this month's Financial reports: by the first Friday of
         * the next fiscal month (Apple, "Overview of receiving payments").
         */
        public LocalDate expectedPublication() {
            return next().start().with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        }
    }

    /** The last day of a fiscal year: the last Saturday of September of that year. */
    public static LocalDate yearEnd(int fiscalYear) {
        return LocalDate.of(fiscalYear, Month.SEPTEMBER, 30).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
    }

    /** The first day of a fiscal year: the Sunday after the previous year's end. */
    public static LocalDate yearStart(int fiscalYear) {
        return yearEnd(fiscalYear - 1).plusDays(1);
    }

    /** Whether the fiscal year has 53 weeks (its December month then has five). */
    public static boolean hasFiftyThreeWeeks(int fiscalYear) {
        return ChronoUnit.DAYS.between(yearStart(fiscalYear), yearEnd(fiscalYear)) + 1 == 53 * 7;
    }

    /** The fiscal month of a fiscal year, period 1 (October) to 12 (September). */
    public static FiscalMonth month(int fiscalYear, int period) {
        if (period < 1 || period > 12) {
            throw new IllegalArgumentException("A fiscal period is 1 (October) to 12 (September), not " + period);
        }
        LocalDate start = yearStart(fiscalYear);
        for (int p = 1; p < period; p++) {
            start = start.plusWeeks(weeksOf(fiscalYear, p));
        }
        return new FiscalMonth(
                fiscalYear,
                period,
                start,
                start.plusWeeks(weeksOf(fiscalYear, period)).minusDays(1));
    }

    /** The fiscal month a calendar day belongs to. */
    public static FiscalMonth monthOf(LocalDate day) {
        int fiscalYear = day.isAfter(yearEnd(day.getYear())) ? day.getYear() + 1 : day.getYear();
        for (int period = 1; period <= 12; period++) {
            FiscalMonth month = month(fiscalYear, period);
            if (month.contains(day)) {
                return month;
            }
        }
        throw new IllegalStateException("No fiscal month contains " + day);
    }

    /** The fiscal months that overlap the given calendar days, oldest first. */
    public static List<FiscalMonth> monthsBetween(LocalDate from, LocalDate to) {
        List<FiscalMonth> months = new ArrayList<>();
        for (FiscalMonth month = monthOf(from); !month.start().isAfter(to); month = month.next()) {
            months.add(month);
        }
        return months;
    }

    private static int weeksOf(int fiscalYear, int period) {
        int inQuarter = (period - 1) % 3;
        if (inQuarter == 0) {
            return 5;
        }
        // The extra week of a 53-week year closes the first quarter (Apple's December 2022).
        return period == 3 && hasFiftyThreeWeeks(fiscalYear) ? 5 : 4;
    }
}
