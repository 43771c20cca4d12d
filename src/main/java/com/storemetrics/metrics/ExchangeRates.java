package com.storemetrics.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The dated exchange-rate table estimates are made with: shipped as {@code metrics/exchange-rates.csv}
 * (where its figures come from is written at its top), replaceable by an operator through
 * {@code storemetrics.metrics.exchange-rates}. Rates are USD per unit; the display currency is any
 * currency of the table. A currency missing from the table has no estimate.
 */
@Component
public class ExchangeRates {

    private final Map<String, BigDecimal> usdPerUnit;
    private final LocalDate date;
    private final String displayCurrency;

    ExchangeRates(MetricsProperties properties) {
        String text = properties.exchangeRates().isBlank() ? shipped() : file(properties.exchangeRates());
        Map<String, BigDecimal> rates = new HashMap<>();
        LocalDate newest = null;
        for (String line : text.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("date,")) {
                continue;
            }
            String[] fields = trimmed.split(",");
            if (fields.length != 3) {
                throw new IllegalStateException("exchange-rate line is not date,currency,usd: " + trimmed);
            }
            LocalDate day = LocalDate.parse(fields[0].trim());
            BigDecimal usd = new BigDecimal(fields[2].trim());
            if (usd.signum() <= 0) {
                throw new IllegalStateException("exchange rate must be positive: " + trimmed);
            }
            if (newest == null || !day.isBefore(newest)) {
                newest = day;
            }
            rates.put(fields[1].trim().toUpperCase(Locale.ROOT), usd);
        }
        this.usdPerUnit = Map.copyOf(rates);
        this.date = newest;
        this.displayCurrency = properties.displayCurrency().toUpperCase(Locale.ROOT);
        if (!usdPerUnit.containsKey(displayCurrency)) {
            throw new IllegalStateException("the display currency " + displayCurrency + " is not in the rate table");
        }
    }

    /** The amount in the display currency, or empty when the table lacks the currency. */
    public Optional<BigDecimal> toDisplay(String currency, BigDecimal amount) {
        BigDecimal rate = usdPerUnit.get(currency);
        if (rate == null) {
            return Optional.empty();
        }
        return Optional.of(amount.multiply(rate).divide(usdPerUnit.get(displayCurrency), MathContext.DECIMAL64));
    }

    public boolean knows(String currency) {
        return usdPerUnit.containsKey(currency);
    }

    public String displayCurrency() {
        return displayCurrency;
    }

    /** The date the table's rates are from. */
    public LocalDate date() {
        return date;
    }

    private static String shipped() {
        try (InputStream in = ExchangeRates.class.getResourceAsStream("/rates/exchange-rates.csv")) {
            if (in == null) {
                throw new IllegalStateException("the shipped exchange-rate table is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String file(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read storemetrics.metrics.exchange-rates " + path, e);
        }
    }
}
