package com.storemetrics.appstore;

import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One region's Financial report of a fiscal month, checked against its own trailer lines: what
 * Apple settled, in the report's one {@code currency}. {@code totalAmount} is Apple's
 * {@code Total_Amount} (the sum of the rows' Extended Partner Share); {@code totalUnits} its
 * {@code Total_Units}.
 */
public record FinancialReport(
        String vendor,
        String region,
        FiscalMonth month,
        String currency,
        List<FinancialRow> rows,
        BigDecimal totalAmount,
        long totalUnits,
        Set<String> unknownColumns) {}
