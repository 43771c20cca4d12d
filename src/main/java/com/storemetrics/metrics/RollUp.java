package com.storemetrics.metrics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

/**
 * A day table and the month table that sums it over (account, vendor, month), with the columns
 * (besides bucket and currency) that tell their rows apart. {@link SalesDayWriter} keeps each month
 * table equal to the sum of its day table in the same transaction as the day; {@link MetricsQueries}
 * reads whole months from the month table and the edge days from the day table
 * (V31__store_metrics_monthly_rollups.sql).
 */
enum RollUp {
    /** Full grain: one app's countries. */
    FULL("metrics_daily", "metrics_daily_month", List.of("app_sku", "country")),
    APP("metrics_app_day", "metrics_app_month", List.of("app_sku")),
    COUNTRY("metrics_country_day", "metrics_country_month", List.of("country")),
    ACCOUNT("metrics_account_day", "metrics_account_month", List.of());

    private final String dayTable;
    private final String monthTable;
    private final List<String> keyColumns;

    RollUp(String dayTable, String monthTable, List<String> keyColumns) {
        this.dayTable = dayTable;
        this.monthTable = monthTable;
        this.keyColumns = keyColumns;
    }

    String dayTable() {
        return dayTable;
    }

    String monthTable() {
        return monthTable;
    }

    /** The columns that identify a row of a day, in key order, ending with bucket and currency. */
    List<String> rowKey() {
        return Stream.concat(keyColumns.stream(), Stream.of("bucket", "currency"))
                .toList();
    }

    /** The month column's value for a day: year * 100 + month. */
    static int month(LocalDate day) {
        return month(YearMonth.from(day));
    }

    static int month(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }
}
