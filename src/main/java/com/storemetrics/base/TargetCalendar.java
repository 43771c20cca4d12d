package com.storemetrics.base;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;

/**
 * The European Central Bank's publishing calendar: reference rates exist for TARGET working days
 * (no weekend, none of Jan 1, Good Friday, Easter Monday, May 1, Dec 25 and 26) and appear at about
 * 16:00 Frankfurt time. Shared by the rate import and the sandbox's feed, which must agree on it.
 */
public final class TargetCalendar {

    public static final ZoneId ECB_ZONE = ZoneId.of("Europe/Berlin");
    public static final LocalTime PUBLICATION_TIME = LocalTime.of(16, 0);

    private TargetCalendar() {}

    /** Whether the TARGET system is open that day. */
    public static boolean isWorkingDay(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        MonthDay monthDay = MonthDay.from(day);
        if (monthDay.equals(MonthDay.of(1, 1))
                || monthDay.equals(MonthDay.of(5, 1))
                || monthDay.equals(MonthDay.of(12, 25))
                || monthDay.equals(MonthDay.of(12, 26))) {
            return false;
        }
        LocalDate easter = easterSunday(day.getYear());
        return !day.equals(easter.minusDays(2)) && !day.equals(easter.plusDays(1));
    }

    /** Gregorian Easter Sunday (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }

    /** The working day before {@code day}. */
    public static LocalDate previousWorkingDay(LocalDate day) {
        LocalDate previous = day.minusDays(1);
        while (!isWorkingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous;
    }

    /** The newest working day whose rates have appeared by {@code now} (16:00 Frankfurt time on). */
    public static LocalDate newestPublished(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ECB_ZONE);
        if (now.isBefore(day.atTime(PUBLICATION_TIME).atZone(ECB_ZONE).toInstant())) {
            day = day.minusDays(1);
        }
        while (!isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }
}
