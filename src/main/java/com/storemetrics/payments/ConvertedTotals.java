package com.storemetrics.payments;

import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.payments.PaymentsOverview.Line;
import com.storemetrics.payments.PaymentsOverview.MonthTotal;
import com.storemetrics.rates.DayRates;
import com.storemetrics.rates.ReferenceRates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each published fiscal month's lines added up in the display currency, at the reference rates of
 * the month's last day (or the last earlier working day): Apple's settled amounts and the Sales
 * estimate, each an estimate beside the per-currency amounts, which stay primary. A currency without
 * a rate is left out and named.
 */
final class ConvertedTotals {

    private ConvertedTotals() {}

    static List<MonthTotal> of(List<Line> lines, ReferenceRates rates) {
        Map<FiscalMonth, List<Line>> byMonth = new LinkedHashMap<>();
        for (Line line : lines) {
            if (line.settled() != null || line.estimate() != null) {
                byMonth.computeIfAbsent(line.month(), month -> new ArrayList<>())
                        .add(line);
            }
        }
        List<MonthTotal> totals = new ArrayList<>(byMonth.size());
        byMonth.forEach((month, monthLines) -> {
            DayRates dayRates = rates.on(month.end());
            BigDecimal settled = null;
            BigDecimal estimate = null;
            Set<String> excluded = new TreeSet<>();
            for (Line line : monthLines) {
                if (!dayRates.knows(line.currency())) {
                    excluded.add(line.currency());
                    continue;
                }
                settled = add(settled, dayRates.toDisplay(line.currency(), line.settled()));
                estimate = add(estimate, dayRates.toDisplay(line.currency(), line.estimate()));
            }
            totals.add(new MonthTotal(month, settled, estimate, dayRates.used(), excluded));
        });
        return totals;
    }

    private static BigDecimal add(BigDecimal sum, Optional<BigDecimal> amount) {
        return amount.map(value -> sum == null ? value : sum.add(value)).orElse(sum);
    }
}
