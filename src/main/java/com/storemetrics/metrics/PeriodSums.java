package com.storemetrics.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sums of a {@link DayMonthTables} pair over a period of report days for one account: the months
 * the period touches from the month table, corrected by days from the day table. A month the period
 * covers in part is either left out and its days inside added, or taken whole and its days outside
 * subtracted, whichever reads fewer days; so a year reads about 12 months plus at most half a month
 * of days at each end. A group whose day count sums to zero was not in the period (one whose figures
 * sum to zero was). The rows are added up here rather than by the database: HSQLDB groups through
 * string comparisons, and these are at most some tens of thousands of rows (docs/benchmarks.md).
 * Callers scope by account (and have checked that the customer may see it).
 */
@Component
public class PeriodSums {

    /** The sums of one group: {@code counts} and {@code amounts} in the tables' order. */
    public record Sums(long[] counts, BigDecimal[] amounts) {}

    private final JdbcClient jdbc;

    PeriodSums(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per value of {@code groupBy} (columns or constant expressions), the sums over [from, to] of
     * the account's rows that also match {@code where} (an SQL condition on the tables' columns with
     * named parameters from {@code params}; blank for none).
     */
    public Map<List<String>, Sums> sum(
            DayMonthTables tables,
            List<String> groupBy,
            long accountId,
            String where,
            Map<String, ?> params,
            LocalDate from,
            LocalDate to) {
        String filter = where == null || where.isBlank() ? "" : " AND (" + where + ")";
        List<String> parts = new ArrayList<>();
        Map<String, Object> args = new HashMap<>(params);
        args.put("account", accountId);
        YearMonth firstMonth = null;
        YearMonth lastMonth = null;
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate start = month.atDay(1);
            LocalDate end = month.atEndOfMonth();
            LocalDate inFrom = start.isBefore(from) ? from : start;
            LocalDate inTo = end.isAfter(to) ? to : end;
            long inside = ChronoUnit.DAYS.between(inFrom, inTo) + 1;
            if (inside * 2 <= month.lengthOfMonth() && inside < month.lengthOfMonth()) {
                parts.add(days(tables, groupBy, filter, args, inFrom, inTo, false));
                continue;
            }
            firstMonth = firstMonth == null ? month : firstMonth;
            lastMonth = month;
            if (start.isBefore(inFrom)) {
                parts.add(days(tables, groupBy, filter, args, start, inFrom.minusDays(1), true));
            }
            if (end.isAfter(inTo)) {
                parts.add(days(tables, groupBy, filter, args, inTo.plusDays(1), end, true));
            }
        }
        if (firstMonth != null) {
            // Months taken whole are consecutive: only the first and the last can be partial.
            parts.add("SELECT " + columns(groupBy) + ", " + String.join(", ", tables.measures()) + ", day_count FROM "
                    + tables.monthTable() + " WHERE account_id = :account AND report_month BETWEEN :firstMonth"
                    + " AND :lastMonth" + filter);
            args.put("firstMonth", MonthRollUps.month(firstMonth));
            args.put("lastMonth", MonthRollUps.month(lastMonth));
        }
        int groups = groupBy.size();
        int counts = tables.counts().size();
        int amounts = tables.amounts().size();
        Map<List<String>, Sums> sums = new LinkedHashMap<>();
        Map<List<String>, long[]> days = new HashMap<>();
        jdbc.sql(String.join(" UNION ALL ", parts)).params(args).query((RowCallbackHandler) rs -> {
            String[] values = new String[groups];
            for (int i = 0; i < groups; i++) {
                values[i] = rs.getString(i + 1);
            }
            List<String> key = Arrays.asList(values);
            Sums group = sums.computeIfAbsent(key, k -> new Sums(new long[counts], zeros(amounts)));
            for (int i = 0; i < counts; i++) {
                group.counts()[i] += rs.getLong(groups + 1 + i);
            }
            for (int i = 0; i < amounts; i++) {
                group.amounts()[i] = group.amounts()[i].add(rs.getBigDecimal(groups + counts + 1 + i));
            }
            days.computeIfAbsent(key, k -> new long[1])[0] += rs.getLong(groups + counts + amounts + 1);
        });
        sums.keySet().removeIf(key -> days.get(key)[0] <= 0);
        return sums;
    }

    private static String days(
            DayMonthTables tables,
            List<String> groupBy,
            String filter,
            Map<String, Object> args,
            LocalDate from,
            LocalDate to,
            boolean subtract) {
        String sign = subtract ? "-" : "";
        int part = args.size();
        args.put("from" + part, from);
        args.put("to" + part, to);
        return "SELECT " + columns(groupBy) + ", "
                + tables.measures().stream().map(column -> sign + column).collect(Collectors.joining(", "))
                + ", CAST(" + sign + "1 AS BIGINT) FROM " + tables.dayTable()
                + " WHERE account_id = :account AND report_date BETWEEN :from" + part + " AND :to" + part + filter;
    }

    /** Group columns as text (a constant such as {@code 'all'} is given a type for the union). */
    private static String columns(List<String> groupBy) {
        return groupBy.stream()
                .map(column -> column.startsWith("'") ? "CAST(" + column + " AS VARCHAR(20))" : column)
                .collect(Collectors.joining(", "));
    }

    private static BigDecimal[] zeros(int size) {
        BigDecimal[] zeros = new BigDecimal[size];
        Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }
}
