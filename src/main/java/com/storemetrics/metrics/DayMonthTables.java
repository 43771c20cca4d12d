package com.storemetrics.metrics;

import java.util.List;
import java.util.stream.Stream;

/**
 * A day table and the month table that sums it per (account, vendor, month), e.g. V30/V31's sales
 * tables: {@code keyColumns} tell a day's rows apart, {@code counts} are whole-number measures and
 * {@code amounts} decimal ones. Both tables have {@code account_id} and {@code vendor_number}; the
 * day table {@code report_date}, the month table {@code report_month} (year x 100 + month) and
 * {@code day_count}, how many day rows a month row sums. {@link MonthRollUps} keeps a month table
 * the sum of its day table; {@link PeriodSums} reads a period from whole months plus edge days.
 */
public record DayMonthTables(
        String dayTable, String monthTable, List<String> keyColumns, List<String> counts, List<String> amounts) {

    public DayMonthTables {
        keyColumns = List.copyOf(keyColumns);
        counts = List.copyOf(counts);
        amounts = List.copyOf(amounts);
    }

    /** Every measure column: the counts, then the amounts. */
    public List<String> measures() {
        return Stream.concat(counts.stream(), amounts.stream()).toList();
    }
}
