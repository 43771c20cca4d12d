package com.storemetrics.metrics.bench;

import static com.storemetrics.bench.BenchmarkSupport.summary;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.storemetrics.SandboxControl;
import com.storemetrics.appstore.SalesReports;
import com.storemetrics.appstore.SalesRow;
import com.storemetrics.bench.BenchmarkSupport;
import com.storemetrics.bench.KaribuBenchmarkSupport;
import com.storemetrics.metrics.MetricsBenchAccess;
import com.storemetrics.metrics.MetricsBroadcaster;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.Period;
import com.storemetrics.metrics.ReportImporter;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13's figures. Not a test: a main class, started as docs/benchmarks.md says.
 *
 * <ol>
 * <li>Back-fill: Pixel Forge Studio approved, our service Apple ID a member in the sandbox; batches
 * of the real importer run back to back over real HTTP until nothing is left. Prints wall time,
 * Apple requests and their share of the hourly budget, and what the production schedule (a batch of
 * {@code batch-size} every {@code import-interval}) makes of it.</li>
 * <li>Parse + store: one vendor's day of 50 apps x 100 countries (first-time downloads, updates,
 * re-downloads and an in-app purchase per app and country: 20,000 rows), gzip-parsed by the client's
 * parser, aggregated and stored in one transaction as the importer does.</li>
 * <li>View: an account with 50 apps selling in {@code bench.countries} of 100 countries a day for 365
 * days, stored through the same write path; then the Store Metrics view for "Last 12 months" (all
 * apps, and one app): server time = setting the period (dashboard query + render) plus building the
 * UIDL response; and the live heap per open UI over {@code bench.uis} sessions.</li>
 * </ol>
 * System properties: {@code bench.countries} (30), {@code bench.uis} (50), {@code bench.warmup} (20),
 * {@code bench.samples} (100), {@code bench.parts} (back-fill,parse-store,view).
 */
public final class StoreMetricsBenchmark {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final int COUNTRIES_PER_DAY = Integer.getInteger("bench.countries", 30);
    private static final int UIS = Integer.getInteger("bench.uis", 50);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 100);
    private static final List<String> PARTS = List.of(
            System.getProperty("bench.parts", "back-fill,parse-store,view").split(","));
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "BRL", "MXN", "INR"};

    private StoreMetricsBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println(BenchmarkSupport.machine());
        System.setProperty("vaadin.devmode.componentTracker.enabled", "false");
        try (ConfigurableApplicationContext context = BenchmarkSupport.startApp("metrics")) {
            if (PARTS.contains("back-fill")) {
                backFill(context);
            }
            if (PARTS.contains("parse-store")) {
                parseAndStore(context);
            }
            if (PARTS.contains("view")) {
                view(context);
                KaribuBenchmarkSupport.tearDown();
            }
        }
        System.exit(0);
    }

    private static void backFill(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        SandboxControl sandbox = new SandboxControl(BenchmarkSupport.port(context));
        MetricsFixture.serviceUserJoins(sandbox, MetricsFixture.PIXEL_FORGE);
        MetricsFixture.approved(
                jdbc, "alice", MetricsFixture.PIXEL_FORGE, "Pixel Forge Studio", MetricsFixture.PIXEL_FORGE_VENDOR);
        ReportImporter importer = context.getBean(ReportImporter.class);
        int batchSize = context.getEnvironment().getProperty("storemetrics.metrics.batch-size", Integer.class, 20);
        // The test profile slows the recurring batch to once an hour; production runs one every 3 s.
        String interval = "3s";
        long t0 = System.nanoTime();
        int requests = 0;
        int batches = 0;
        long firstThirtyDays = 0;
        while (true) {
            ReportImporter.RunResult result = importer.runBatch();
            batches++;
            requests += result.requests();
            if (firstThirtyDays == 0 && requests >= 30) {
                firstThirtyDays = System.nanoTime() - t0;
            }
            if (result.idle() || result.requests() == 0) {
                break;
            }
        }
        long wall = System.nanoTime() - t0;
        int days = jdbc.queryForObject("SELECT COUNT(*) FROM metrics_day_import", Integer.class);
        System.out.printf(
                "%n=== back-fill: 365 days of Pixel Forge Studio (1 vendor, %d apps) over real HTTP ===%n",
                jdbc.queryForObject("SELECT COUNT(*) FROM metrics_app", Integer.class));
        System.out.printf(
                "batches back to back: %.1f s wall, %d batches, %d Apple requests for %d days; first 30 days"
                        + " after %.2f s; %s%n",
                wall / 1e9, batches, requests, days, firstThirtyDays / 1e9, BenchmarkSupport.load());
        System.out.printf(
                "share of the service Apple ID's hourly budget (3,600): %.1f%% (the importer may use 50%%)%n",
                requests * 100.0 / 3600);
        System.out.printf(
                "with the production schedule (a batch of %d every %s, application.properties): about %d batches, so the last 30 days"
                        + " arrive in the first 2 batches and the year in about %d x %s plus request time%n",
                batchSize,
                interval,
                (requests + batchSize - 1) / batchSize,
                (requests + batchSize - 1) / batchSize,
                interval);
    }

    private static void parseAndStore(ConfigurableApplicationContext context) throws Exception {
        LocalDate day = LocalDate.now(PACIFIC).minusDays(400);
        byte[] gzip = BenchmarkSupport.gzip(report(day, 100, new SplittableRandom(13)));
        List<Long> parse = new ArrayList<>();
        List<Long> fresh = new ArrayList<>();
        List<Long> again = new ArrayList<>();
        int rows = 0;
        int figures = 0;
        // A new day each time (the back-fill), then the same day again and again (the trailing re-reads).
        for (int i = -5; i < 40; i++) {
            if (i == 0) {
                BenchmarkSupport.JdbcTiming.startProfile();
            }
            LocalDate stored = i < 20 ? day.minusDays(i + 5) : day;
            long t0 = System.nanoTime();
            List<SalesRow> parsed = SalesReports.parseGzip(gzip);
            long t1 = System.nanoTime();
            figures = MetricsBenchAccess.storeDay(context, 9_000_000L, "99000001", stored, parsed);
            long t2 = System.nanoTime();
            if (i >= 0) {
                parse.add(t1 - t0);
                (i < 20 ? fresh : again).add(t2 - t1);
                rows = parsed.size();
            }
        }
        System.out.printf(
                "%n=== parse + store: one day's report of 50 apps x 100 countries (%,d rows, %,d bytes gzip) ===%n",
                rows, gzip.length);
        System.out.println("gunzip + parse by header: " + summary(parse));
        System.out.printf("store a new day in one transaction (%,d figures + roll-ups): %s%n", figures, summary(fresh));
        System.out.printf(
                "replace the same day with the same figures: %s; %s%n", summary(again), BenchmarkSupport.load());
        System.out.println("  slowest statements over the 40 samples:");
        BenchmarkSupport.JdbcTiming.topStatements(8).forEach(line -> System.out.println("    " + line));
        context.getBean(JdbcTemplate.class).update("DELETE FROM metrics_daily WHERE account_id = 9000000");
    }

    private static void view(ConfigurableApplicationContext context) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long account = MetricsFixture.approved(jdbc, "alice", "300050", "Bench Fifty", "99000050");
        LocalDate today = LocalDate.now(PACIFIC);
        SplittableRandom random = new SplittableRandom(50);
        long t0 = System.nanoTime();
        for (int back = 1; back <= 365; back++) {
            LocalDate day = today.minusDays(back);
            MetricsBenchAccess.storeDay(
                    context,
                    account,
                    "99000050",
                    day,
                    SalesReports.parseGzip(BenchmarkSupport.gzip(report(day, COUNTRIES_PER_DAY, random))));
        }
        System.out.printf(
                "%n=== view: Store Metrics, last 12 months of an account with 50 apps, 100 countries (%d selling"
                        + " per app and day) ===%n",
                COUNTRIES_PER_DAY);
        System.out.printf(
                "seeded in %.0f s: %s%n",
                (System.nanoTime() - t0) / 1e9,
                jdbc.queryForList("SELECT (SELECT COUNT(*) FROM metrics_daily WHERE account_id = " + account
                        + ") AS full_grain,"
                        + " (SELECT COUNT(*) FROM metrics_app_day WHERE account_id = " + account + ") AS by_app,"
                        + " (SELECT COUNT(*) FROM metrics_country_day WHERE account_id = " + account + ") AS by_country"
                        + " FROM (VALUES(0))"));

        KaribuBenchmarkSupport karibu = new KaribuBenchmarkSupport(context);
        karibu.newSession();
        karibu.login("alice");
        UI ui = UI.getCurrent();
        for (String mode : List.of("all apps", "one app")) {
            // Three requests, as a browser makes them: opening the page (Last 30 days of the first
            // account), choosing the account (and app), choosing Last 12 months. The last is the
            // goal's "view for 12 months"; the sum is what earlier runs reported as one figure.
            List<Long> open = new ArrayList<>();
            List<Long> chooseTwelveMonths = new ArrayList<>();
            List<Long> server = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            List<Long> cpuTwelveMonths = new ArrayList<>();
            List<Long> jdbcTime = new ArrayList<>();
            int chars = 0;
            for (int i = -WARMUP; i < SAMPLES; i++) {
                ui.navigate("sandbox");
                KaribuBenchmarkSupport.serverResponse();
                if (i == 0) {
                    BenchmarkSupport.JdbcTiming.startProfile();
                }
                long j0 = BenchmarkSupport.JdbcTiming.current()[0];
                long c0 = BenchmarkSupport.cpuNanos();
                long s0 = System.nanoTime();
                ui.navigate("my-account/store-metrics");
                KaribuBenchmarkSupport.serverResponse();
                long s1 = System.nanoTime();
                selectAccountAndApp(account, mode);
                KaribuBenchmarkSupport.serverResponse();
                long c2 = BenchmarkSupport.cpuNanos();
                long s2 = System.nanoTime();
                selectPeriod(Period.LAST_12_MONTHS);
                chars = KaribuBenchmarkSupport.serverResponse();
                long s3 = System.nanoTime();
                long c3 = BenchmarkSupport.cpuNanos();
                if (i >= 0) {
                    open.add(s1 - s0);
                    chooseTwelveMonths.add(s3 - s2);
                    server.add(s3 - s0);
                    cpu.add(c3 - c0);
                    cpuTwelveMonths.add(c3 - c2);
                    jdbcTime.add(BenchmarkSupport.JdbcTiming.current()[0] - j0);
                }
            }
            System.out.printf(
                    "%s: choose Last 12 months (one request, the goal's figure): %s; response %,d chars; %s%n",
                    mode, summary(chooseTwelveMonths), chars, BenchmarkSupport.load());
            System.out.printf("  its CPU: %s%n", summary(cpuTwelveMonths));
            System.out.printf("  open the page (Last 30 days): %s%n", summary(open));
            System.out.printf(
                    "  open, choose the account%s and Last 12 months, all three requests: %s%n",
                    mode.equals("one app") ? " and its top app" : "", summary(server));
            System.out.printf(
                    "  CPU of the measuring thread over the three: %s%n  of it in JDBC calls: %s%n  slowest"
                            + " statements over the %d samples:%n",
                    summary(cpu), summary(jdbcTime), SAMPLES);
            BenchmarkSupport.JdbcTiming.topStatements(5).forEach(line -> System.out.println("    " + line));
        }

        ui.navigate("sandbox");
        KaribuBenchmarkSupport.serverResponse();
        MetricsBroadcaster broadcaster = context.getBean(MetricsBroadcaster.class);
        // bob has no Approved account: his view is the empty state, so his UIs weigh what a signed-in
        // session, its UI and the app layout do, which every open page pays.
        double empty = karibu.heapPerUi(
                "bob",
                opened -> opened.navigate("my-account/store-metrics"),
                "the empty state (bob: no Approved account)",
                UIS,
                12);
        double full = karibu.heapPerUi(
                "alice",
                opened -> {
                    opened.navigate("my-account/store-metrics");
                    select(opened, account, "all apps");
                },
                "Last 12 months, all apps",
                UIS,
                12);
        System.out.printf(
                "  the view's own share: %.0f KB per UI (%.0f - %.0f); %d listeners%n",
                full - empty, full, empty, broadcaster.listenerCount());
    }

    private static void select(UI ui, long account, String mode) {
        selectAccountAndApp(account, mode);
        selectPeriod(Period.LAST_12_MONTHS);
    }

    @SuppressWarnings("unchecked")
    private static void selectAccountAndApp(long account, String mode) {
        Select<Object> accounts = LocatorJ._get(Select.class, spec -> spec.withLabel("Account"));
        accounts.setValue(accounts.getListDataView()
                .getItems()
                .filter(item -> item.toString().contains("accountId=" + account))
                .findFirst()
                .orElseThrow());
        if (mode.equals("one app")) {
            com.vaadin.flow.component.combobox.ComboBox<Object> apps =
                    LocatorJ._get(com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withLabel("App"));
            apps.setValue(apps.getListDataView().getItems().findFirst().orElseThrow());
        }
    }

    @SuppressWarnings("unchecked")
    private static void selectPeriod(Period chosen) {
        Select<Period> period = LocatorJ._get(Select.class, spec -> spec.withLabel("Period"));
        period.setValue(chosen);
    }

    /** A daily summary: each of 50 apps sells in {@code countries} of 100 countries (1F, 7F, 3F, IA1 lines). */
    private static String report(LocalDate day, int countries, SplittableRandom random) {
        StringBuilder tsv = new StringBuilder(
                "Provider\tSKU\tTitle\tProduct Type Identifier\tUnits\tDeveloper Proceeds\t"
                        + "Begin Date\tEnd Date\tCountry Code\tCurrency of Proceeds\tApple Identifier\tParent Identifier\n");
        String date = String.format("%02d/%02d/%04d", day.getMonthValue(), day.getDayOfMonth(), day.getYear());
        for (int app = 0; app < 50; app++) {
            int first = random.nextInt(100);
            for (int c = 0; c < countries; c++) {
                int country = (first + c) % 100;
                String code = "" + (char) ('A' + country / 26 % 26) + (char) ('A' + country % 26);
                String currency = CURRENCIES[country % CURRENCIES.length];
                String sku = "BENCH" + app;
                String title = "Bench App " + app;
                String id = String.valueOf(1_600_000_000L + app);
                BigDecimal price = BigDecimal.valueOf(70 + random.nextInt(300), 2);
                tsv.append(line(sku, title, "1F", 1 + random.nextInt(40), price, date, code, currency, id, ""));
                tsv.append(
                        line(sku, title, "7F", 1 + random.nextInt(80), BigDecimal.ZERO, date, code, currency, id, ""));
                tsv.append(
                        line(sku, title, "3F", 1 + random.nextInt(10), BigDecimal.ZERO, date, code, currency, id, ""));
                tsv.append(line(
                        sku + ".IAP",
                        "Coins",
                        "IA1",
                        1 + random.nextInt(5),
                        price,
                        date,
                        code,
                        currency,
                        String.valueOf(1_700_000_000L + app),
                        sku));
            }
        }
        return tsv.toString();
    }

    private static String line(
            String sku,
            String title,
            String type,
            int units,
            BigDecimal proceeds,
            String date,
            String country,
            String currency,
            String id,
            String parent) {
        return String.join(
                        "\t",
                        "APPLE",
                        sku,
                        title,
                        type,
                        Integer.toString(units),
                        proceeds.toPlainString(),
                        date,
                        date,
                        country,
                        currency,
                        id,
                        parent)
                + "\n";
    }
}
