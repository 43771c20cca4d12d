package com.storemetrics.metrics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a month table the sum of its day table when one vendor's day is replaced, in the caller's
 * transaction and in SQL: {@link #leave} takes the old day out of its month rows with a
 * {@code MERGE} and deletes the day's rows; the caller writes the new day; {@link #enter} adds it
 * with another {@code MERGE}, drops month rows that no longer sum any day, and sums a month again
 * from its days when it turns out not to be their sum (an old day row that no month row held, or a
 * negative count: a day row changed behind the writers' back).
 */
@Component
public class MonthRollUps {

    private static final String THE_DAY = "account_id = :account AND vendor_number = :vendor AND report_date = :day";

    /** A day on its way out of its months: what {@link #enter} needs to know. */
    public record Replacing(DayMonthTables tables, Map<String, Object> day, int oldRows, int oldRowsInMonths) {}

    private final JdbcClient jdbc;

    MonthRollUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The named parameters that name a vendor's day: account, vendor, day, month. */
    public static Map<String, Object> day(long accountId, String vendor, LocalDate day) {
        return Map.of("account", accountId, "vendor", vendor, "day", day, "month", month(day));
    }

    /** The month column's value for a day: year x 100 + month. */
    public static int month(LocalDate day) {
        return month(YearMonth.from(day));
    }

    public static int month(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    /** The old day leaves its month rows, then its day rows are deleted. */
    public Replacing leave(DayMonthTables tables, Map<String, Object> day) {
        int inMonths = jdbc.sql(merge(tables, false)).params(day).update();
        int deleted = jdbc.sql("DELETE FROM " + tables.dayTable() + " WHERE " + THE_DAY)
                .params(day)
                .update();
        return new Replacing(tables, day, deleted, inMonths);
    }

    /** The new day's rows (written since {@link #leave}) enter their month rows. */
    public void enter(Replacing replacing) {
        DayMonthTables tables = replacing.tables();
        Map<String, Object> day = replacing.day();
        jdbc.sql(merge(tables, true)).params(day).update();
        jdbc.sql("DELETE FROM " + tables.monthTable() + " WHERE account_id = :account AND report_month = :month"
                        + " AND vendor_number = :vendor AND day_count = 0")
                .params(day)
                .update();
        boolean drifted = replacing.oldRows() != replacing.oldRowsInMonths()
                || (replacing.oldRows() > 0 && hasNegativeRows(tables, day));
        if (drifted) {
            sumMonthAgain(tables, day);
        }
    }

    /**
     * Adds the day's rows of the day table to their month rows ({@code adding}), creating missing
     * ones, or takes them away.
     */
    private static String merge(DayMonthTables tables, boolean adding) {
        List<String> key = tables.keyColumns();
        List<String> measures = tables.measures();
        String sign = adding ? " + " : " - ";
        String sql = "MERGE INTO " + tables.monthTable() + " m USING (SELECT "
                + String.join(", ", concat(key, measures)) + " FROM " + tables.dayTable() + " WHERE " + THE_DAY
                + ") d ON m.account_id = :account AND m.report_month = :month AND m.vendor_number = :vendor"
                + key.stream()
                        .map(column -> " AND m." + column + " = d." + column)
                        .collect(Collectors.joining())
                + " WHEN MATCHED THEN UPDATE SET "
                + measures.stream()
                        .map(column -> column + " = m." + column + sign + "d." + column)
                        .collect(Collectors.joining(", "))
                + ", day_count = m.day_count" + sign + "1";
        if (!adding) {
            return sql;
        }
        return sql + " WHEN NOT MATCHED THEN INSERT (account_id, vendor_number, report_month, "
                + String.join(", ", concat(key, measures)) + ", day_count) VALUES (:account, :vendor, :month, "
                + concat(key, measures).stream().map(column -> "d." + column).collect(Collectors.joining(", "))
                + ", 1)";
    }

    private boolean hasNegativeRows(DayMonthTables tables, Map<String, Object> day) {
        String negative =
                tables.counts().stream().map(column -> " OR " + column + " < 0").collect(Collectors.joining());
        return jdbc.sql("SELECT COUNT(*) FROM " + tables.monthTable() + " WHERE account_id = :account"
                                + " AND report_month = :month AND vendor_number = :vendor AND (day_count < 0" + negative
                                + ")")
                        .params(day)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Sums the month's day rows again (the slow way, for a month whose roll-up drifted). */
    private void sumMonthAgain(DayMonthTables tables, Map<String, Object> day) {
        YearMonth month = YearMonth.from((LocalDate) day.get("day"));
        String key = String.join(", ", tables.keyColumns());
        String sums =
                tables.measures().stream().map(column -> "SUM(" + column + ")").collect(Collectors.joining(", "));
        jdbc.sql("DELETE FROM " + tables.monthTable()
                        + " WHERE account_id = :account AND report_month = :month AND vendor_number = :vendor")
                .params(day)
                .update();
        jdbc.sql("INSERT INTO " + tables.monthTable() + " (account_id, vendor_number, report_month, " + key + ", "
                        + String.join(", ", tables.measures()) + ", day_count) SELECT account_id, vendor_number,"
                        + " CAST(:month AS INT), " + key + ", " + sums + ", COUNT(*) FROM " + tables.dayTable()
                        + " WHERE account_id = :account AND vendor_number = :vendor AND report_date BETWEEN :first AND :last"
                        + " GROUP BY account_id, vendor_number, " + key)
                .params(day)
                .param("first", month.atDay(1))
                .param("last", month.atEndOfMonth())
                .update();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
