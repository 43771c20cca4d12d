package com.storemetrics.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SpringTest;
import com.storemetrics.appstore.SalesRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The month roll-ups (V31) against their day tables: kept equal through the store's write path,
 * and a period read from months plus edge days gives the same rows as summing its days.
 */
class MonthlyRollUpTest extends SpringTest {

    private static final long ACCOUNT = 8_100_031L;
    private static final String[] COUNTRIES = {"US", "DE", "JP", "GB", "SA"};
    private static final String[] CURRENCIES = {"USD", "EUR", "JPY", "GBP", "SAR"};

    @Autowired
    SalesDayWriter store;

    @Autowired
    MetricsQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_month_roll_up_stays_the_sum_of_its_days_when_days_are_stored_replaced_and_emptied() {
        SplittableRandom random = new SplittableRandom(31);
        LocalDate first = LocalDate.of(2026, 1, 27);
        for (LocalDate day = first; day.isBefore(LocalDate.of(2026, 3, 4)); day = day.plusDays(1)) {
            storeDay("V1", day, random);
            storeDay("V2", day, random);
        }
        // Apple re-issues some days with other figures (apps and countries come and go) ...
        for (int back : new int[] {0, 3, 5, 20, 33}) {
            storeDay("V1", first.plusDays(back), random);
        }
        // ... and one day turns out to have had no sales at all.
        store.replaceDay(ACCOUNT, "V2", LocalDate.of(2026, 2, 14), SalesLines.of(List.of()));

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM metrics_app_month WHERE account_id = ?", Integer.class, ACCOUNT))
                .isPositive();
        for (RollUp rollUp : RollUp.values()) {
            assertThat(monthTable(rollUp)).as(rollUp.monthTable()).isEqualTo(monthsSummedFromDays(rollUp));
        }
    }

    @Test
    void a_period_read_from_months_and_edge_days_equals_the_sum_of_its_days() {
        SplittableRandom random = new SplittableRandom(7);
        for (LocalDate day = LocalDate.of(2025, 11, 20);
                day.isBefore(LocalDate.of(2026, 3, 10));
                day = day.plusDays(1)) {
            storeDay("V1", day, random);
            if (day.getDayOfMonth() % 3 == 0) {
                storeDay("V2", day, random);
            }
        }
        LocalDate[][] periods = {
            {LocalDate.of(2025, 12, 1), LocalDate.of(2026, 2, 28)}, // whole months
            {LocalDate.of(2025, 12, 2), LocalDate.of(2026, 2, 27)}, // a month less a day at each end
            {LocalDate.of(2025, 12, 25), LocalDate.of(2026, 2, 3)}, // a few days of each edge month
            {LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 30)}, // inside one month, most of it
            {LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 12)}, // inside one month, a little
            {LocalDate.of(2025, 11, 1), LocalDate.of(2026, 3, 31)}, // beyond the stored days
            {LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 14)}, // one day
        };
        for (LocalDate[] period : periods) {
            LocalDate from = period[0];
            LocalDate to = period[1];
            String app = "APP1";
            assertThat(sorted(queries.byApp(ACCOUNT, null, from, to)))
                    .as("by app %s..%s", from, to)
                    .isEqualTo(summedFromDays("app_sku", "metrics_app_day", null, from, to));
            assertThat(sorted(queries.byApp(ACCOUNT, app, from, to)))
                    .as("one app %s..%s", from, to)
                    .isEqualTo(summedFromDays("app_sku", "metrics_app_day", app, from, to));
            assertThat(sorted(queries.byCountry(ACCOUNT, null, from, to)))
                    .as("by country %s..%s", from, to)
                    .isEqualTo(summedFromDays("country", "metrics_country_day", null, from, to));
            assertThat(sorted(queries.byCountry(ACCOUNT, app, from, to)))
                    .as("one app's countries %s..%s", from, to)
                    .isEqualTo(summedFromDays("country", "metrics_daily", app, from, to));
            assertThat(sorted(queries.totals(ACCOUNT, null, from, to)))
                    .as("totals %s..%s", from, to)
                    .isEqualTo(summedFromDays("'all'", "metrics_account_day", null, from, to));
            assertThat(sorted(queries.totals(ACCOUNT, app, from, to)))
                    .as("one app's totals %s..%s", from, to)
                    .isEqualTo(summedFromDays("'all'", "metrics_app_day", app, from, to));
        }
        assertThat(queries.byApp(ACCOUNT, null, LocalDate.of(2025, 12, 2), LocalDate.of(2026, 2, 27)))
                .hasSizeGreaterThan(10);
    }

    @Test
    void a_key_whose_figures_sum_to_zero_is_still_listed_while_it_has_days_in_the_period() {
        LocalDate day = LocalDate.of(2026, 5, 20);
        // A zero-unit line: a real row of the day with nothing in it.
        store.replaceDay(
                ACCOUNT,
                "V1",
                day,
                SalesLines.of(List.of(
                        row("QUIET", "1F", 0, "0", "US", "USD", day, ""),
                        row("LOUD", "1F", 4, "1.50", "US", "USD", day, ""))));
        store.replaceDay(
                ACCOUNT,
                "V1",
                day.plusDays(1),
                SalesLines.of(List.of(row("LOUD", "1F", 2, "1.50", "US", "USD", day.plusDays(1), ""))));

        // The month is taken whole and its other days subtracted: QUIET must stay, with zeros.
        assertThat(sorted(queries.byApp(ACCOUNT, null, LocalDate.of(2026, 5, 1), day)))
                .extracting(MetricsQueries.Row::key)
                .containsExactly("LOUD", "QUIET");
        // Only on the next day: QUIET had no row then.
        assertThat(sorted(queries.byApp(ACCOUNT, null, day.plusDays(1), LocalDate.of(2026, 5, 31))))
                .extracting(MetricsQueries.Row::key)
                .containsExactly("LOUD");
    }

    @Test
    void a_day_table_changed_behind_the_stores_back_is_summed_again_when_the_day_is_next_stored() {
        SplittableRandom random = new SplittableRandom(3);
        LocalDate day = LocalDate.of(2026, 4, 10);
        storeDay("V1", day, random);
        storeDay("V1", day.plusDays(1), random);
        jdbc.update(
                "INSERT INTO metrics_daily (account_id, vendor_number, report_date, app_sku, bucket, country,"
                        + " currency, units, refund_units, proceeds) VALUES (?, 'V1', ?, 'WITHDRAWN', 'DOWNLOADS', 'US', 'USD',"
                        + " 7, 0, 7)",
                ACCOUNT,
                day);

        storeDay("V1", day, random);

        for (RollUp rollUp : RollUp.values()) {
            assertThat(monthTable(rollUp)).as(rollUp.monthTable()).isEqualTo(monthsSummedFromDays(rollUp));
        }
    }

    private void storeDay(String vendor, LocalDate day, SplittableRandom random) {
        List<SalesRow> rows = new ArrayList<>();
        for (int app = 0; app < 4; app++) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            for (int c = 0; c < COUNTRIES.length; c++) {
                if (random.nextInt(3) == 0) {
                    continue;
                }
                String price = BigDecimal.valueOf(50 + random.nextInt(500), 2).toPlainString();
                rows.add(row("APP" + app, "1F", 1 + random.nextInt(30), price, COUNTRIES[c], CURRENCIES[c], day, ""));
                rows.add(row("APP" + app, "7F", random.nextInt(20), "0", COUNTRIES[c], CURRENCIES[c], day, ""));
                if (random.nextBoolean()) {
                    rows.add(row(
                            "APP" + app + ".COINS",
                            "IA1",
                            random.nextInt(4) - 1,
                            price,
                            COUNTRIES[c],
                            CURRENCIES[c],
                            day,
                            "APP" + app));
                }
            }
        }
        store.replaceDay(ACCOUNT, vendor, day, SalesLines.of(rows));
    }

    private static SalesRow row(
            String sku,
            String type,
            int units,
            String proceeds,
            String country,
            String currency,
            LocalDate day,
            String parent) {
        return new SalesRow(
                "APPLE",
                sku,
                "Dev",
                sku + " title",
                "1.0",
                type,
                units,
                new BigDecimal(proceeds),
                day,
                day,
                currency,
                country,
                currency,
                "1" + Math.abs(sku.hashCode()),
                new BigDecimal(proceeds),
                parent,
                "iPhone");
    }

    private List<Map<String, Object>> monthTable(RollUp rollUp) {
        String key = String.join(", ", rollUp.rowKey());
        return normalised(jdbc.queryForList(
                "SELECT vendor_number, report_month, " + key
                        + ", units, refund_units, proceeds, day_count FROM " + rollUp.monthTable()
                        + " WHERE account_id = ?"
                        + " ORDER BY vendor_number, report_month, " + key,
                ACCOUNT));
    }

    private List<Map<String, Object>> monthsSummedFromDays(RollUp rollUp) {
        String key = String.join(", ", rollUp.rowKey());
        String month = "CAST(EXTRACT(YEAR FROM report_date) * 100 + EXTRACT(MONTH FROM report_date) AS INT)";
        return normalised(jdbc.queryForList(
                "SELECT vendor_number, " + month + " AS report_month, " + key
                        + ", SUM(units) AS units, SUM(refund_units) AS refund_units, SUM(proceeds) AS proceeds,"
                        + " COUNT(*) AS day_count FROM " + rollUp.dayTable() + " WHERE account_id = ?"
                        + " GROUP BY vendor_number, " + month + ", " + key + " ORDER BY vendor_number, report_month, "
                        + key,
                ACCOUNT));
    }

    private static List<Map<String, Object>> normalised(List<Map<String, Object>> rows) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            row.forEach((column, value) -> copy.put(
                    column,
                    value instanceof BigDecimal decimal
                            ? decimal.stripTrailingZeros().toPlainString()
                            : String.valueOf(value)));
            result.add(copy);
        }
        return result;
    }

    /** The rows as the old queries gave them: every day of the period grouped. */
    private List<MetricsQueries.Row> summedFromDays(
            String keyColumn, String table, String app, LocalDate from, LocalDate to) {
        List<Object> args = new ArrayList<>(List.of(ACCOUNT, from, to));
        if (app != null) {
            args.add(app);
        }
        return sorted(jdbc.query(
                "SELECT " + keyColumn + ", bucket, currency, SUM(units), SUM(refund_units),"
                        + " SUM(proceeds) FROM " + table + " WHERE account_id = ? AND report_date BETWEEN ? AND ?"
                        + (app == null ? "" : " AND app_sku = ?") + " GROUP BY "
                        + (keyColumn.startsWith("'") ? "" : keyColumn + ", ") + "bucket, currency",
                (rs, i) -> new MetricsQueries.Row(
                        rs.getString(1),
                        Bucket.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getBigDecimal(6)),
                args.toArray()));
    }

    private static List<MetricsQueries.Row> sorted(List<MetricsQueries.Row> rows) {
        return rows.stream()
                .map(row -> new MetricsQueries.Row(
                        row.key(),
                        row.bucket(),
                        row.currency(),
                        row.units(),
                        row.refunds(),
                        row.proceeds().stripTrailingZeros()))
                .sorted(Comparator.comparing(MetricsQueries.Row::key)
                        .thenComparing(MetricsQueries.Row::bucket)
                        .thenComparing(MetricsQueries.Row::currency))
                .toList();
    }
}
