package com.storemetrics.metrics;

import java.util.List;
import java.util.stream.Stream;

/**
 * The sales figures' day tables and the month tables that sum them (V30, V31): the full grain and
 * its roll-ups without country, without app, and without both. {@link SalesDayWriter} keeps each
 * month table the sum of its day table in the day's transaction ({@link MonthRollUps});
 * {@link MetricsQueries} reads periods from whole months plus edge days ({@link PeriodSums}).
 */
enum RollUp {
    /** Full grain: one app's countries. */
    FULL("metrics_daily", "metrics_daily_month", List.of("app_sku", "country")),
    APP("metrics_app_day", "metrics_app_month", List.of("app_sku")),
    COUNTRY("metrics_country_day", "metrics_country_month", List.of("country")),
    ACCOUNT("metrics_account_day", "metrics_account_month", List.of());

    private final DayMonthTables tables;

    RollUp(String dayTable, String monthTable, List<String> keyColumns) {
        this.tables = new DayMonthTables(
                dayTable,
                monthTable,
                Stream.concat(keyColumns.stream(), Stream.of("bucket", "currency"))
                        .toList(),
                List.of("units", "refund_units"),
                List.of("proceeds"));
    }

    DayMonthTables tables() {
        return tables;
    }

    String dayTable() {
        return tables.dayTable();
    }

    String monthTable() {
        return tables.monthTable();
    }

    /** The columns that identify a row of a day, in key order, ending with bucket and currency. */
    List<String> rowKey() {
        return tables.keyColumns();
    }
}
