package com.storemetrics.subscriptions.bench;

import static com.storemetrics.bench.BenchmarkSupport.summary;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.storemetrics.appstore.SubscriptionEventReport;
import com.storemetrics.appstore.SubscriptionReport;
import com.storemetrics.appstore.SubscriptionReports;
import com.storemetrics.bench.BenchmarkSupport;
import com.storemetrics.bench.KaribuBenchmarkSupport;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.Period;
import com.storemetrics.subscriptions.SubscriptionsBenchAccess;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 24's figures. Not a test: a main class, started as docs/benchmarks.md says.
 *
 * <ol>
 * <li>Import of one day: one vendor's Subscription and Subscription Event reports for 50
 * subscriptions x 100 countries (per subscription and country a standard-price row, a free-trial row
 * and a row at the after-a-year rate; four kinds of events), gunzipped and parsed by the client's
 * parsers, then stored as the importer stores a published day (findings, day tables, roll-ups, month
 * tables and the day's status, one transaction): a new day, and the same day again (a trailing
 * re-read).</li>
 * <li>View: an account with 50 subscriptions selling in {@code bench.countries} of 100 countries a
 * day for 365 days (Apple keeps a year), stored through the same write path; then the Subscriptions
 * view for "Last 12 months", all subscriptions: server time = choosing the period (the dashboard's
 * queries + render) plus building the UIDL response; and the live heap per open UI over
 * {@code bench.uis} sessions.</li>
 * </ol>
 * System properties: {@code bench.countries} (30), {@code bench.uis} (50), {@code bench.warmup} (10),
 * {@code bench.samples} (40), {@code bench.parts} (import,view).
 */
public final class SubscriptionsBenchmark {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final int PRODUCTS = 50;
    private static final int COUNTRIES_PER_DAY = Integer.getInteger("bench.countries", 30);
    private static final int UIS = Integer.getInteger("bench.uis", 50);
    /** Days of history seeded for the view (a shorter one makes the heap's breakdown quick to re-measure). */
    private static final int DAYS = Integer.getInteger("bench.days", 365);
    /** Classes listed in the heap's growth per UI. */
    private static final int TOP = Integer.getInteger("bench.top", 10);

    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 40);
    private static final List<String> PARTS =
            List.of(System.getProperty("bench.parts", "import,view").split(","));
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "BRL", "MXN", "INR"};
    private static final String[] DURATIONS = {"7 Days", "1 Month", "1 Year"};
    private static final String[] REASONS = {"Canceled", "Billing Issue", "Price Increase Notice", "Other"};

    private static final List<String> SUBSCRIPTION_HEADER = List.of(
            "App Name",
            "App Apple ID",
            "Subscription Name",
            "Subscription Apple ID",
            "Subscription Group ID",
            "Standard Subscription Duration",
            "Subscription Offer Name",
            "Promotional Offer ID",
            "Customer Price",
            "Customer Currency",
            "Developer Proceeds",
            "Proceeds Currency",
            "Preserved Pricing",
            "Proceeds Reason",
            "Client",
            "Device",
            "State",
            "Country",
            "Active Standard Price Subscriptions",
            "Active Free Trial Introductory Offer Subscriptions",
            "Active Pay Up Front Introductory Offer Subscriptions",
            "Active Pay as You Go Introductory Offer Subscriptions",
            "Free Trial Promotional Offer Subscriptions",
            "Pay Up Front Promotional Offer Subscriptions",
            "Pay As You Go Promotional Offer Subscriptions",
            "Free Trial Offer Code Subscriptions",
            "Pay Up Front Offer Code Subscriptions",
            "Pay As You Go Offer Code Subscriptions",
            "Marketing Opt-Ins",
            "Billing Retry",
            "Grace Period",
            "Subscribers",
            "Free Trial Win-back Offers",
            "Pay Up Front Win-back Offers",
            "Pay As You Go Win-back Offers");

    private static final List<String> EVENT_HEADER = List.of(
            "Event Date",
            "Event",
            "App Name",
            "App Apple ID",
            "Subscription Name",
            "Subscription Apple ID",
            "Subscription Group ID",
            "Standard Subscription Duration",
            "Subscription Offer Type",
            "Subscription Offer Duration",
            "Marketing Opt-In",
            "Marketing Opt-In Duration",
            "Preserved Pricing",
            "Proceeds Reason",
            "Subscription Offer Name",
            "Promotional Offer ID",
            "Consecutive Paid Periods",
            "Original Start Date",
            "Device",
            "Client",
            "State",
            "Country",
            "Previous Subscription Name",
            "Previous Subscription Apple ID",
            "Days Before Canceling",
            "Cancellation Reason",
            "Days Canceled",
            "Quantity",
            "Paid Service Days Recovered");

    /**
     * Where a UI goes between samples: a page of its own, so that opening Subscriptions builds the
     * view anew (Data Integration: the sandbox console is off in production mode).
     */
    private static final String ELSEWHERE = "my-account/data-integration";

    private SubscriptionsBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println(BenchmarkSupport.machine());
        System.setProperty("vaadin.devmode.componentTracker.enabled", "false");
        try (ConfigurableApplicationContext context =
                BenchmarkSupport.startApp("subscriptions", KaribuBenchmarkSupport.appArguments())) {
            if (PARTS.contains("import")) {
                importOneDay(context);
            }
            if (PARTS.contains("view")) {
                view(context);
                KaribuBenchmarkSupport.tearDown();
            }
        }
        System.exit(0);
    }

    private static void importOneDay(ConfigurableApplicationContext context) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long account = MetricsFixture.approved(jdbc, "alice", "300051", "Bench Import", "99000051");
        LocalDate day = LocalDate.now(PACIFIC).minusDays(300);
        SplittableRandom random = new SplittableRandom(24);
        byte[] subscriptionFile = BenchmarkSupport.gzip(subscriptionReport(100, random));
        byte[] eventFile = BenchmarkSupport.gzip(eventReport(day, 100, random));
        List<Long> parse = new ArrayList<>();
        List<Long> fresh = new ArrayList<>();
        List<Long> again = new ArrayList<>();
        int rows = 0;
        int events = 0;
        // A new day each time (the back-fill), then the same day again and again (the trailing re-reads).
        for (int i = -5; i < 30; i++) {
            if (i == 0) {
                BenchmarkSupport.JdbcTiming.startProfile();
            }
            LocalDate stored = i < 15 ? day.minusDays(i + 5) : day;
            long t0 = System.nanoTime();
            SubscriptionReport subscriptions =
                    SubscriptionReports.subscriptions("99000051", stored, "1_4", subscriptionFile);
            SubscriptionEventReport dayEvents = SubscriptionReports.events("99000051", stored, "1_4", eventFile);
            long t1 = System.nanoTime();
            SubscriptionsBenchAccess.storeDay(context, account, "300051", subscriptions, dayEvents);
            long t2 = System.nanoTime();
            if (i >= 0) {
                parse.add(t1 - t0);
                (i < 15 ? fresh : again).add(t2 - t1);
                rows = subscriptions.rows().size();
                events = dayEvents.rows().size();
            }
        }
        System.out.printf(
                "%n=== import of one day: %d subscriptions x 100 countries (Subscription report %,d rows, %,d bytes"
                        + " gzip; Subscription Event report %,d rows, %,d bytes gzip) ===%n",
                PRODUCTS, rows, subscriptionFile.length, events, eventFile.length);
        System.out.println("gunzip + parse both files by header name: " + summary(parse));
        System.out.println(
                "store a new day in one transaction (day tables, roll-ups, months, status): " + summary(fresh));
        System.out.printf(
                "replace the same day with the same files: %s; %s%n", summary(again), BenchmarkSupport.load());
        System.out.println("  slowest statements over the 30 samples:");
        BenchmarkSupport.JdbcTiming.topStatements(8).forEach(line -> System.out.println("    " + line));
    }

    private static void view(ConfigurableApplicationContext context) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long account = MetricsFixture.approved(jdbc, "alice", "300052", "Bench Subscriptions", "99000052");
        // The newest published day is two days back (Apple's lag for these reports); a year before it.
        LocalDate newest = LocalDate.now(PACIFIC).minusDays(2);
        SplittableRandom random = new SplittableRandom(52);
        long t0 = System.nanoTime();
        for (int back = 0; back < DAYS; back++) {
            LocalDate day = newest.minusDays(back);
            SubscriptionsBenchAccess.storeDay(
                    context,
                    account,
                    "300052",
                    SubscriptionReports.subscriptions(
                            "99000052",
                            day,
                            "1_4",
                            BenchmarkSupport.gzip(subscriptionReport(COUNTRIES_PER_DAY, random))),
                    SubscriptionReports.events(
                            "99000052",
                            day,
                            "1_4",
                            BenchmarkSupport.gzip(eventReport(day, COUNTRIES_PER_DAY, random))));
        }
        System.out.printf(
                "%n=== view: Subscriptions, last 12 months of an account with %d subscriptions, 100 countries (%d"
                        + " selling per subscription and day) ===%n",
                PRODUCTS, COUNTRIES_PER_DAY);
        System.out.printf(
                "seeded in %.0f s: %s%n",
                (System.nanoTime() - t0) / 1e9,
                jdbc.queryForList("SELECT (SELECT COUNT(*) FROM subscription_active WHERE account_id = " + account
                        + ") AS active_rows, (SELECT COUNT(*) FROM subscription_event WHERE account_id = " + account
                        + ") AS event_rows, (SELECT COUNT(*) FROM subscription_product_day WHERE account_id = "
                        + account + ") AS product_days FROM (VALUES(0))"));

        // -Dbench.production=true: the views in Vaadin's production mode, as customers get them.
        KaribuBenchmarkSupport.productionModeIfAsked();
        KaribuBenchmarkSupport karibu = new KaribuBenchmarkSupport(context);
        karibu.newSession();
        System.out.println(KaribuBenchmarkSupport.vaadinMode());
        karibu.login("alice");
        UI ui = UI.getCurrent();
        // Three requests, as a browser makes them: opening the page (Last 30 days of the first
        // account), choosing the account, choosing Last 12 months. The last is the goal's "view for
        // 12 months"; the sum is what earlier runs reported as one figure.
        List<Long> open = new ArrayList<>();
        List<Long> chooseTwelveMonths = new ArrayList<>();
        List<Long> server = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> cpuTwelveMonths = new ArrayList<>();
        List<Long> jdbcTime = new ArrayList<>();
        int chars = 0;
        for (int i = -WARMUP; i < SAMPLES; i++) {
            ui.navigate(ELSEWHERE);
            KaribuBenchmarkSupport.serverResponse();
            if (i == 0) {
                BenchmarkSupport.JdbcTiming.startProfile();
            }
            long j0 = BenchmarkSupport.JdbcTiming.current()[0];
            long c0 = BenchmarkSupport.cpuNanos();
            long s0 = System.nanoTime();
            ui.navigate("my-account/subscriptions");
            KaribuBenchmarkSupport.serverResponse();
            long s1 = System.nanoTime();
            selectAccount(account);
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
                "choose Last 12 months (one request, the goal's figure): %s; response %,d chars; %s%n",
                summary(chooseTwelveMonths), chars, BenchmarkSupport.load());
        System.out.printf("  its CPU: %s%n", summary(cpuTwelveMonths));
        System.out.printf("  open the page (Last 30 days): %s%n", summary(open));
        System.out.printf("  open, choose the account and Last 12 months, all three requests: %s%n", summary(server));
        System.out.printf(
                "  CPU of the measuring thread over the three: %s%n  of it in JDBC calls: %s%n  slowest statements"
                        + " over the %d samples:%n",
                summary(cpu), summary(jdbcTime), SAMPLES);
        BenchmarkSupport.JdbcTiming.topStatements(6).forEach(line -> System.out.println("    " + line));

        ui.navigate(ELSEWHERE);
        KaribuBenchmarkSupport.serverResponse();
        // bob has no Approved account: his view is the empty state, so his UIs weigh what a signed-in
        // session, its UI and the app layout do, which every open page pays.
        double empty = karibu.heapPerUi(
                "bob",
                opened -> opened.navigate("my-account/subscriptions"),
                "the empty state (bob: no Approved account)",
                UIS,
                TOP);
        double full = karibu.heapPerUi(
                "alice",
                opened -> {
                    opened.navigate("my-account/subscriptions");
                    select(account);
                },
                "Subscriptions, Last 12 months, all subscriptions",
                UIS,
                TOP);
        System.out.printf("  the view's own share: %.0f KB per UI (%.0f - %.0f)%n", full - empty, full, empty);
    }

    private static void select(long account) {
        selectAccount(account);
        selectPeriod(Period.LAST_12_MONTHS);
    }

    @SuppressWarnings("unchecked")
    private static void selectAccount(long account) {
        Select<Object> accounts = LocatorJ._get(Select.class, spec -> spec.withLabel("Account"));
        accounts.setValue(accounts.getListDataView()
                .getItems()
                .filter(item -> item.toString().contains("accountId=" + account))
                .findFirst()
                .orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static void selectPeriod(Period chosen) {
        Select<Period> period = LocatorJ._get(Select.class, spec -> spec.withLabel("Period"));
        period.setValue(chosen);
    }

    /** Per subscription and selling country: a standard-price row, a free-trial row, an after-a-year row. */
    private static String subscriptionReport(int countries, SplittableRandom random) {
        StringBuilder tsv = new StringBuilder(String.join("\t", SUBSCRIPTION_HEADER)).append('\n');
        for (int product = 0; product < PRODUCTS; product++) {
            int first = product * 7;
            for (int c = 0; c < countries; c++) {
                int country = (first + c) % 100;
                BigDecimal customerPrice = BigDecimal.valueOf(499 + product * 10L, 2);
                String price = customerPrice.toPlainString();
                String proceeds = customerPrice
                        .multiply(new BigDecimal("0.70"))
                        .setScale(2, RoundingMode.HALF_UP)
                        .toPlainString();
                String later = customerPrice
                        .multiply(new BigDecimal("0.85"))
                        .setScale(2, RoundingMode.HALF_UP)
                        .toPlainString();
                int standard = 20 + random.nextInt(400);
                tsv.append(subscriptionRow(product, country, price, proceeds, "", standard, 0, random));
                tsv.append(subscriptionRow(product, country, "0.00", "0.00", "", 0, 5 + random.nextInt(60), random));
                tsv.append(subscriptionRow(
                        product, country, price, later, "Rate After One Year", 5 + random.nextInt(100), 0, random));
            }
        }
        return tsv.toString();
    }

    private static String subscriptionRow(
            int product,
            int country,
            String price,
            String proceeds,
            String reason,
            int standard,
            int trials,
            SplittableRandom random) {
        List<String> fields = new ArrayList<>(List.of(
                "Bench App " + product / 5,
                String.valueOf(1_600_000_000L + product / 5),
                "Bench Pro " + product,
                String.valueOf(1_650_000_000L + product),
                String.valueOf(20_000_000L + product / 5),
                DURATIONS[product % DURATIONS.length],
                trials > 0 ? "Free week" : " ",
                " ",
                price,
                CURRENCIES[country % CURRENCIES.length],
                proceeds,
                CURRENCIES[country % CURRENCIES.length],
                " ",
                reason.isEmpty() ? " " : reason,
                "App Store",
                "iPhone",
                " ",
                countryCode(country),
                Integer.toString(standard),
                Integer.toString(trials)));
        for (int column = 0; column < 11; column++) {
            fields.add(column == 9 ? Integer.toString(random.nextInt(5)) : "0"); // Billing Retry
        }
        fields.add(" "); // Subscribers (blank: Apple leaves it blank on small rows)
        fields.addAll(List.of("0", "0", "0"));
        return String.join("\t", fields) + "\n";
    }

    /** Per subscription and selling country: Subscribe, Renew, Start Introductory Offer and Cancel (a reason). */
    private static String eventReport(LocalDate day, int countries, SplittableRandom random) {
        StringBuilder tsv = new StringBuilder(String.join("\t", EVENT_HEADER)).append('\n');
        for (int product = 0; product < PRODUCTS; product++) {
            int first = product * 7;
            for (int c = 0; c < countries; c++) {
                int country = (first + c) % 100;
                tsv.append(eventRow(day, "Subscribe", product, country, " ", " ", 1 + random.nextInt(20)));
                tsv.append(eventRow(day, "Renew", product, country, " ", " ", 1 + random.nextInt(40)));
                tsv.append(eventRow(
                        day, "Start Introductory Offer", product, country, "Free Trial", " ", 1 + random.nextInt(15)));
                tsv.append(eventRow(
                        day,
                        "Cancel",
                        product,
                        country,
                        " ",
                        REASONS[random.nextInt(REASONS.length)],
                        1 + random.nextInt(10)));
            }
        }
        return tsv.toString();
    }

    private static String eventRow(
            LocalDate day, String event, int product, int country, String offer, String reason, int quantity) {
        return String.join(
                        "\t",
                        day.toString(),
                        event,
                        "Bench App " + product / 5,
                        String.valueOf(1_600_000_000L + product / 5),
                        "Bench Pro " + product,
                        String.valueOf(1_650_000_000L + product),
                        String.valueOf(20_000_000L + product / 5),
                        DURATIONS[product % DURATIONS.length],
                        offer,
                        offer.isBlank() ? " " : "7 Days",
                        "No",
                        " ",
                        " ",
                        " ",
                        " ",
                        " ",
                        "1",
                        day.minusDays(30).toString(),
                        "iPhone",
                        "App Store",
                        " ",
                        countryCode(country),
                        " ",
                        " ",
                        reason.isBlank() ? " " : "12",
                        reason,
                        reason.isBlank() ? " " : "0",
                        Integer.toString(quantity),
                        " ")
                + "\n";
    }

    private static String countryCode(int country) {
        return "" + (char) ('A' + country / 26 % 26) + (char) ('A' + country % 26);
    }
}
