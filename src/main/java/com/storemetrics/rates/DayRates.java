package com.storemetrics.rates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rates one day converts at: the ECB's of that day or the last earlier working day, or the shipped
 * table for a day before the first stored rate. Holds, per currency, the display currency's amount per
 * unit, so converting is one map lookup and one multiplication.
 */
public final class DayRates {

    private final Map<String, BigDecimal> displayPerUnit;
    private final RatesUsed used;

    DayRates(Map<String, BigDecimal> perEur, String displayCurrency, RatesUsed used) {
        this.used = used;
        Map<String, BigDecimal> factors = new HashMap<>();
        BigDecimal displayPerEur = "EUR".equals(displayCurrency) ? BigDecimal.ONE : perEur.get(displayCurrency);
        if (displayPerEur != null) {
            factors.put("EUR", displayPerEur);
            perEur.forEach(
                    (currency, rate) -> factors.put(currency, displayPerEur.divide(rate, MathContext.DECIMAL64)));
            factors.put(displayCurrency, BigDecimal.ONE);
        }
        this.displayPerUnit = Map.copyOf(factors);
    }

    /** The amount in the display currency, or empty when these rates lack the currency (or there is no amount). */
    public Optional<BigDecimal> toDisplay(String currency, BigDecimal amount) {
        BigDecimal factor = displayPerUnit.get(currency);
        return factor == null || amount == null
                ? Optional.empty()
                : Optional.of(amount.multiply(factor, MathContext.DECIMAL64));
    }

    /** The display currency's amount per unit of {@code currency}, or null when these rates lack it. */
    public BigDecimal factor(String currency) {
        return displayPerUnit.get(currency);
    }

    public boolean knows(String currency) {
        return displayPerUnit.containsKey(currency);
    }

    /** Which rates these are. */
    public RatesUsed used() {
        return used;
    }
}
