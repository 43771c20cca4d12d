package com.storemetrics.rates;

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

/**
 * The dated table shipped as {@code rates/exchange-rates.csv} (where its figures come from is written
 * at its top), or an operator's file through {@code storemetrics.rates.fallback-table}: used only for
 * days before the first stored reference rate (a first start without network). Its rates are USD per
 * unit; they are turned into units per euro, like the ECB's.
 */
record ShippedTable(LocalDate date, Map<String, BigDecimal> perEur) {

    static ShippedTable read(String path) {
        String text = path.isBlank() ? shipped() : file(path);
        Map<String, BigDecimal> usdPerUnit = new HashMap<>();
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
            usdPerUnit.put(fields[1].trim().toUpperCase(Locale.ROOT), usd);
        }
        BigDecimal euroInUsd = usdPerUnit.get("EUR");
        if (euroInUsd == null || newest == null) {
            throw new IllegalStateException("the exchange-rate table needs a EUR line");
        }
        Map<String, BigDecimal> perEur = new HashMap<>();
        usdPerUnit.forEach((currency, usd) -> perEur.put(currency, euroInUsd.divide(usd, MathContext.DECIMAL64)));
        return new ShippedTable(newest, Map.copyOf(perEur));
    }

    private static String shipped() {
        try (InputStream in = ShippedTable.class.getResourceAsStream("/rates/exchange-rates.csv")) {
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
            throw new IllegalStateException("cannot read storemetrics.rates.fallback-table " + path, e);
        }
    }
}
