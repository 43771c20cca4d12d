package com.storemetrics.appstore;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a Financial report (docs/apple-wire-contract.md, section 7): what Apple settled for a
 * product, country and partner share in the fiscal month. {@code quantity} and
 * {@code extendedPartnerShare} are negative for returns; {@code partnerShare} is per unit, in
 * {@code currency} (the report's). {@code customerPrice} may be null (blank).
 */
public record FinancialRow(
        LocalDate startDate,
        LocalDate endDate,
        String vendorIdentifier,
        int quantity,
        BigDecimal partnerShare,
        BigDecimal extendedPartnerShare,
        String currency,
        boolean isReturn,
        String appleIdentifier,
        String title,
        String productTypeIdentifier,
        String otherIdentifier,
        String countryOfSale,
        BigDecimal customerPrice,
        String customerCurrency) {}
