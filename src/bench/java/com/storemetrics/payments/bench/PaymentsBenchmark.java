package com.storemetrics.payments.bench;

import static com.storemetrics.bench.BenchmarkSupport.summary;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.storemetrics.appstore.SalesReports;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.bench.BenchmarkSupport;
import com.storemetrics.bench.KaribuBenchmarkSupport;
import com.storemetrics.metrics.MetricsBenchAccess;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.payments.PaymentsBenchAccess;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 25's view figures. Not a test: a main class, started as docs/benchmarks.md says.
 *
 * <p>An account whose one vendor settles in {@code bench.regions} of Apple's report regions (40: the
 * issue's "13 months x 40 regions"), with 13 published fiscal months of Financial reports per region
 * stored through the import's own write path, and the daily Sales reports of every day of those
 * months (each region's currency sold by a few apps a day), stored as the Sales import stores them.
 * Then the Payments view as alice opens it: server time = opening the page and choosing the account
 * (it shows the latest published month, one line per currency) plus building the UIDL response; the
 * same with "All months" chosen; and the live heap per open UI over {@code bench.uis} sessions.
 *
 * <p>System properties: {@code bench.regions} (40), {@code bench.uis} (50), {@code bench.warmup}
 * (10), {@code bench.samples} (40); {@code bench.production=true} for Vaadin's production mode.
 */
public final class PaymentsBenchmark {

    /** Apple's report regions, one currency each (LL, the second USD region, is left out: its line is US's). */
    private static final List<String> ALL_REGIONS = List.of(
            "US", "EU", "GB", "JP", "CA", "AU", "NZ", "CH", "NO", "SE", "DK", "PL", "CZ", "HU", "RO", "RU", "TR", "IL",
            "AE", "SA", "QA", "EG", "NG", "TZ", "ZA", "KZ", "IN", "PK", "CN", "HK", "TW", "KR", "SG", "MY", "TH", "ID",
            "PH", "VN", "BR", "MX", "CL", "CO", "PE");

    private static final int REGIONS = Integer.getInteger("bench.regions", 40);
    private static final int MONTHS = 13;
    private static final int APPS = 3;
    private static final int UIS = Integer.getInteger("bench.uis", 50);
    private static final int TOP = Integer.getInteger("bench.top", 10);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 40);
    private static final String VENDOR = "99000053";
    /** A page of its own between samples, so that opening Payments builds the view anew. */
    private static final String ELSEWHERE = "my-account/data-integration";

    private PaymentsBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println(BenchmarkSupport.machine());
        System.setProperty("vaadin.devmode.componentTracker.enabled", "false");
        try (ConfigurableApplicationContext context =
                BenchmarkSupport.startApp("payments", KaribuBenchmarkSupport.appArguments())) {
            view(context);
            KaribuBenchmarkSupport.tearDown();
        }
        System.exit(0);
    }

    private static void view(ConfigurableApplicationContext context) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long account = MetricsFixture.approved(jdbc, "alice", "300053", "Bench Payments", VENDOR);
        List<String> regions = ALL_REGIONS.subList(0, REGIONS);
        long t0 = System.nanoTime();
        PaymentsBenchAccess.permitted(context, account, VENDOR, regions);
        FiscalMonth latest = PaymentsBenchAccess.latestPublished();
        FiscalMonth month = latest;
        SplittableRandom random = new SplittableRandom(53);
        for (int m = 0; m < MONTHS; m++, month = month.previous()) {
            Map<String, BigDecimal> proceeds = seedSalesDays(context, jdbc, account, month, regions, random);
            for (String region : regions) {
                String currency = PaymentsBenchAccess.currencyOf(region);
                // Apple's settlement: the Sales days' proceeds, a little off (a late refund, an adjustment).
                BigDecimal settled = proceeds.getOrDefault(currency, BigDecimal.ZERO)
                        .add(BigDecimal.valueOf(random.nextInt(2_000) - 1_000, 2));
                PaymentsBenchAccess.settled(
                        context, account, VENDOR, region, month, currency, settled, 500 + random.nextInt(5_000), 120);
            }
        }
        System.out.printf(
                "%n=== view: Payments of an account settling in %d report regions, %d published fiscal months"
                        + " (%s to %s), Sales days of all of them ===%n",
                REGIONS, MONTHS, month.next().name(), latest.name());
        System.out.printf(
                "seeded in %.0f s: %s%n",
                (System.nanoTime() - t0) / 1e9,
                jdbc.queryForList("SELECT (SELECT COUNT(*) FROM payments_month WHERE account_id = " + account
                        + ") AS months, (SELECT COUNT(*) FROM metrics_account_day WHERE account_id = " + account
                        + ") AS sales_currency_days, (SELECT COUNT(*) FROM metrics_day_import WHERE account_id = "
                        + account + ") AS sales_days FROM (VALUES(0))"));

        KaribuBenchmarkSupport.productionModeIfAsked();
        KaribuBenchmarkSupport karibu = new KaribuBenchmarkSupport(context);
        karibu.newSession();
        System.out.println(KaribuBenchmarkSupport.vaadinMode());
        karibu.login("alice");
        UI ui = UI.getCurrent();
        // Two requests, as a browser makes them: opening the page (the latest published month of the
        // first account), then choosing "All months".
        List<Long> open = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        List<Long> cpuOpen = new ArrayList<>();
        List<Long> cpuAll = new ArrayList<>();
        List<Long> jdbcTime = new ArrayList<>();
        int openChars = 0;
        int allChars = 0;
        for (int i = -WARMUP; i < SAMPLES; i++) {
            ui.navigate(ELSEWHERE);
            KaribuBenchmarkSupport.serverResponse();
            if (i == 0) {
                BenchmarkSupport.JdbcTiming.startProfile();
            }
            long j0 = BenchmarkSupport.JdbcTiming.current()[0];
            long c0 = BenchmarkSupport.cpuNanos();
            long s0 = System.nanoTime();
            ui.navigate("my-account/payments");
            select(account, false);
            openChars = KaribuBenchmarkSupport.serverResponse();
            long s1 = System.nanoTime();
            long c1 = BenchmarkSupport.cpuNanos();
            select(account, true);
            allChars = KaribuBenchmarkSupport.serverResponse();
            long s2 = System.nanoTime();
            long c2 = BenchmarkSupport.cpuNanos();
            if (i >= 0) {
                open.add(s1 - s0);
                all.add(s2 - s1);
                cpuOpen.add(c1 - c0);
                cpuAll.add(c2 - c1);
                jdbcTime.add(BenchmarkSupport.JdbcTiming.current()[0] - j0);
            }
        }
        System.out.printf(
                "open the view (the latest published month, %d currencies): %s; response %,d chars; %s%n",
                REGIONS, summary(open), openChars, BenchmarkSupport.load());
        System.out.printf("  its CPU: %s%n", summary(cpuOpen));
        System.out.printf(
                "choose All months (newest first, the top 10 lines): %s; response %,d chars%n", summary(all), allChars);
        System.out.printf("  its CPU: %s%n", summary(cpuAll));
        System.out.printf(
                "  JDBC time of both: %s%n  slowest statements over the %d samples:%n", summary(jdbcTime), SAMPLES);
        BenchmarkSupport.JdbcTiming.topStatements(5).forEach(line -> System.out.println("    " + line));

        ui.navigate(ELSEWHERE);
        KaribuBenchmarkSupport.serverResponse();
        // bob has no Approved account: his view is the empty state, what every open page pays.
        double empty = karibu.heapPerUi(
                "bob",
                opened -> opened.navigate("my-account/payments"),
                "the empty state (bob: no Approved account)",
                UIS,
                TOP);
        double full = karibu.heapPerUi(
                "alice",
                opened -> {
                    opened.navigate("my-account/payments");
                    select(account, false);
                },
                "Payments, the latest published month",
                UIS,
                TOP);
        System.out.printf("  the view's own share: %.0f KB per UI (%.0f - %.0f)%n", full - empty, full, empty);
    }

    /**
     * The month's daily Sales reports, stored as the Sales import stores them (day tables and the
     * day's status): each region's currency sold by {@link #APPS} apps a day. Returns the month's
     * proceeds per currency.
     */
    private static Map<String, BigDecimal> seedSalesDays(
            ConfigurableApplicationContext context,
            JdbcTemplate jdbc,
            long account,
            FiscalMonth month,
            List<String> regions,
            SplittableRandom random)
            throws Exception {
        Map<String, BigDecimal> proceeds = new TreeMap<>();
        Timestamp fetched = Timestamp.from(Instant.now());
        for (LocalDate day = month.start(); !day.isAfter(month.end()); day = day.plusDays(1)) {
            StringBuilder tsv = new StringBuilder("Provider\tSKU\tTitle\tProduct Type Identifier\tUnits\t"
                    + "Developer Proceeds\tBegin Date\tEnd Date\tCountry Code\tCurrency of Proceeds\tApple Identifier\t"
                    + "Parent Identifier\n");
            String date = String.format("%02d/%02d/%04d", day.getMonthValue(), day.getDayOfMonth(), day.getYear());
            for (String region : regions) {
                String currency = PaymentsBenchAccess.currencyOf(region);
                String country = region.equals("EU") ? "DE" : region;
                for (int app = 0; app < APPS; app++) {
                    int units = 1 + random.nextInt(30);
                    BigDecimal price = BigDecimal.valueOf(70 + random.nextInt(900), 2);
                    tsv.append(String.join(
                                    "\t",
                                    "APPLE",
                                    "BENCH" + app,
                                    "Bench App " + app,
                                    "IA1",
                                    Integer.toString(units),
                                    price.toPlainString(),
                                    date,
                                    date,
                                    country,
                                    currency,
                                    String.valueOf(1_700_000_000L + app),
                                    "BENCH" + app))
                            .append('\n');
                    proceeds.merge(currency, price.multiply(BigDecimal.valueOf(units)), BigDecimal::add);
                }
            }
            MetricsBenchAccess.storeDay(
                    context, account, VENDOR, day, SalesReports.parseGzip(BenchmarkSupport.gzip(tsv.toString())));
            jdbc.update(
                    "INSERT INTO metrics_day_import (account_id, vendor_number, report_date, status, fetched_at,"
                            + " attempts, report) VALUES (?, ?, ?, 'DATA', ?, 1, 'SALES')",
                    account,
                    VENDOR,
                    day,
                    fetched);
        }
        return proceeds;
    }

    @SuppressWarnings("unchecked")
    private static void select(long account, boolean allMonths) {
        Select<Object> accounts = LocatorJ._get(Select.class, spec -> spec.withLabel("Account"));
        accounts.setValue(accounts.getListDataView()
                .getItems()
                .filter(item -> item.toString().contains("accountId=" + account))
                .findFirst()
                .orElseThrow());
        if (allMonths) {
            Select<Object> months = LocatorJ._get(Select.class, spec -> spec.withLabel("Fiscal month"));
            months.setValue(null);
        }
    }
}
