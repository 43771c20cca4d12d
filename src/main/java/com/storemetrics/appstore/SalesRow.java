package com.storemetrics.appstore;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a daily sales summary, the columns we use, parsed by header name. {@code units} is
 * negative for refunds; {@code developerProceeds} is per unit, in {@code currencyOfProceeds}.
 */
public record SalesRow(
        String provider,
        String sku,
        String developer,
        String title,
        String version,
        String productTypeIdentifier,
        int units,
        BigDecimal developerProceeds,
        LocalDate beginDate,
        LocalDate endDate,
        String customerCurrency,
        String countryCode,
        String currencyOfProceeds,
        String appleIdentifier,
        BigDecimal customerPrice,
        String parentIdentifier,
        String device) {}
