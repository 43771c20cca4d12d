package com.storemetrics.metrics.ui;

import com.storemetrics.metrics.PeriodRules;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The first and last day of a custom period: both pickers offer only the report days a dashboard
 * covers ({@link PeriodRules}; the browser's calendar cannot even reach year 1), and a range that
 * does not work is marked on the picker that is wrong, with the reason, instead of being asked for.
 */
public final class CustomDays {

    public final DatePicker from = new DatePicker("From");
    public final DatePicker to = new DatePicker("To");

    public CustomDays(LocalDate lastDay, Runnable onChange) {
        from.setId("custom-from");
        to.setId("custom-to");
        for (DatePicker picker : new DatePicker[] {from, to}) {
            // This class decides what is invalid (and says why); the picker's own check would only say "invalid".
            picker.setManualValidation(true);
        }
        bound(lastDay);
        to.setValue(lastDay);
        from.setValue(lastDay.minusDays(13));
        from.addValueChangeListener(change -> onChange.run());
        to.addValueChangeListener(change -> onChange.run());
    }

    public void setVisible(boolean visible) {
        from.setVisible(visible);
        to.setVisible(visible);
    }

    /**
     * Bounds both pickers to the days a range ending with {@code lastDay} may cover, and marks each
     * picker with what is wrong with it; empty when the chosen days work.
     */
    public Optional<String> check(LocalDate lastDay) {
        bound(lastDay);
        Optional<String> fromProblem = PeriodRules.dayProblem(from.getValue(), "first", lastDay);
        Optional<String> toProblem = PeriodRules.dayProblem(to.getValue(), "last", lastDay);
        if (fromProblem.isEmpty() && toProblem.isEmpty()) {
            Optional<String> rangeProblem = PeriodRules.rangeProblem(from.getValue(), to.getValue());
            boolean reversed = rangeProblem.isPresent() && to.getValue().isBefore(from.getValue());
            mark(from, reversed ? rangeProblem : Optional.empty());
            mark(to, rangeProblem);
            return rangeProblem;
        }
        mark(from, fromProblem);
        mark(to, toProblem);
        return fromProblem.or(() -> toProblem);
    }

    /** The service refused the range (the day changed meanwhile, or a crafted request): mark both. */
    public void refused(String problem) {
        mark(from, Optional.of(problem));
        mark(to, Optional.of(problem));
    }

    private void bound(LocalDate lastDay) {
        for (DatePicker picker : new DatePicker[] {from, to}) {
            picker.setMin(PeriodRules.earliestDay(lastDay));
            picker.setMax(lastDay);
        }
    }

    private static void mark(DatePicker picker, Optional<String> problem) {
        picker.setInvalid(problem.isPresent());
        picker.setErrorMessage(problem.orElse(null));
    }
}
