package com.storemetrics.metrics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * Which report days a dashboard may cover: both days chosen, the first on or before the last, at
 * most {@link #MAX_DAYS} of them, and within the last {@link #MAX_DAYS} report days (a little over
 * the year Apple keeps). The view bounds its date pickers with the same days and says what is
 * wrong before it asks; the service refuses the same ranges ({@link InvalidPeriod}), so a crafted
 * request gets the same clear answer.
 */
public final class PeriodRules {

    /** Longest range, and how far back a range may start: a little over the year Apple keeps. */
    public static final int MAX_DAYS = 400;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    private PeriodRules() {}

    /** The earliest day a range may start when {@code lastDay} (yesterday) is the latest report day. */
    public static LocalDate earliestDay(LocalDate lastDay) {
        return lastDay.minusDays(MAX_DAYS - 1L);
    }

    /**
     * What is wrong with the range {@code from}..{@code to} when {@code lastDay} is the latest report
     * day, in words for the customer; empty when nothing is.
     */
    public static Optional<String> problem(LocalDate from, LocalDate to, LocalDate lastDay) {
        return problem(from, to, lastDay, 0);
    }

    /** The same, with the window widened by {@code slackDays} at both ends (the service's check). */
    public static Optional<String> problem(LocalDate from, LocalDate to, LocalDate lastDay, int slackDays) {
        return dayProblem(from, "first", lastDay, slackDays)
                .or(() -> dayProblem(to, "last", lastDay, slackDays))
                .or(() -> rangeProblem(from, to));
    }

    /** What is wrong with one end of a range ({@code which}: "first" or "last") on its own; empty when nothing is. */
    public static Optional<String> dayProblem(LocalDate day, String which, LocalDate lastDay) {
        return dayProblem(day, which, lastDay, 0);
    }

    /** What is wrong with the two days together, each of them fine on its own; empty when nothing is. */
    public static Optional<String> rangeProblem(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Optional.of("The first day must be on or before the last day.");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            return Optional.of("Choose at most " + MAX_DAYS + " days.");
        }
        return Optional.empty();
    }

    private static Optional<String> dayProblem(LocalDate day, String which, LocalDate lastDay, int slackDays) {
        LocalDate earliest = earliestDay(lastDay);
        if (day == null) {
            // Also what a picker sends for text it could not read as a day in its range (year 1, say).
            return Optional.of(
                    "Choose a " + which + " day from " + DAY.format(earliest) + " to " + DAY.format(lastDay) + ".");
        }
        if (day.isBefore(earliest.minusDays(slackDays)) || day.isAfter(lastDay.plusDays(slackDays))) {
            return Optional.of("Choose days from " + DAY.format(earliest) + " to " + DAY.format(lastDay)
                    + ": Apple keeps about a year of daily reports, and today's is not published yet.");
        }
        return Optional.empty();
    }
}
