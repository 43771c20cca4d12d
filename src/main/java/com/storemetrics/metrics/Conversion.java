package com.storemetrics.metrics;

import com.storemetrics.rates.DayRates;
import com.storemetrics.rates.RatesUsed;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One period's conversion of proceeds into the display currency, day by day (docs/metrics.md,
 * "Money"): each day row at its day's rates; per currency the amounts and their converted sum, from
 * which the lines without days (by app, by country, the period's totals) take the period's
 * proceeds-weighted rate, so they add up to the chart's total.
 */
final class Conversion {

    private final DayRates[] days;
    private final Map<String, BigDecimal> proceeds = new HashMap<>();
    private final Map<String, BigDecimal> converted = new HashMap<>();
    private final Set<String> unconverted = new HashSet<>();

    /** {@code days[i]}: the rates of the period's i-th day. */
    Conversion(DayRates[] days) {
        this.days = days;
    }

    /** One currency's amount of the period's {@code day}-th day in the display currency, or null without a rate. */
    BigDecimal convert(int day, String currency, BigDecimal amount) {
        BigDecimal factor = days[day].factor(currency);
        if (factor == null) {
            unconverted.add(currency);
            return null;
        }
        BigDecimal value = amount.multiply(factor, MathContext.DECIMAL64);
        proceeds.merge(currency, amount, BigDecimal::add);
        converted.merge(currency, value, BigDecimal::add);
        return value;
    }

    /** The sum of every converted day row of the currencies converted on every day they sold. */
    BigDecimal estimated() {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> entry : converted.entrySet()) {
            if (!unconverted.contains(entry.getKey())) {
                total = total.add(entry.getValue());
            }
        }
        return total;
    }

    /**
     * Per currency, the display currency per unit over the period: the converted sum over the amounts
     * (a currency whose amounts cancel out takes the last day's rate). A currency missing a rate on
     * any day it sold has none: it is shown in its own currency.
     */
    Map<String, BigDecimal> weightedFactors() {
        Map<String, BigDecimal> factors = new HashMap<>();
        DayRates last = days[days.length - 1];
        for (Map.Entry<String, BigDecimal> entry : proceeds.entrySet()) {
            String currency = entry.getKey();
            if (unconverted.contains(currency)) {
                continue;
            }
            factors.put(
                    currency,
                    entry.getValue().signum() == 0
                            ? last.factor(currency)
                            : converted.get(currency).divide(entry.getValue(), MathContext.DECIMAL64));
        }
        factors.values().removeIf(factor -> factor == null);
        return factors;
    }

    /**
     * Per currency of the rows (a period read without its days), the mean of its days' rates; a
     * currency missing a rate on any day of the period has none.
     */
    Map<String, BigDecimal> meanFactors(List<MetricsQueries.Row> rows) {
        Map<String, BigDecimal> factors = new HashMap<>();
        for (MetricsQueries.Row row : rows) {
            factors.computeIfAbsent(row.currency(), this::meanFactor);
        }
        factors.values().removeIf(factor -> factor.signum() == 0);
        return factors;
    }

    private BigDecimal meanFactor(String currency) {
        BigDecimal sum = BigDecimal.ZERO;
        for (DayRates day : days) {
            BigDecimal factor = day.factor(currency);
            if (factor == null) {
                return BigDecimal.ZERO;
            }
            sum = sum.add(factor);
        }
        return sum.divide(BigDecimal.valueOf(days.length), MathContext.DECIMAL64);
    }

    /** Which rates the period's days convert at. */
    RatesUsed used() {
        RatesUsed used = RatesUsed.NONE;
        DayRates previous = null;
        for (DayRates day : days) {
            if (day != previous) {
                used = used.and(day.used());
                previous = day;
            }
        }
        return used;
    }
}
