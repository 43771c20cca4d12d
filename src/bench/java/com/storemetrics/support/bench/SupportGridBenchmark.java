package com.storemetrics.support.bench;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.storemetrics.Application;
import com.storemetrics.bench.BenchmarkSupport;
import com.storemetrics.bench.KaribuBenchmarkSupport;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.support.IntegrationOverview;
import com.storemetrics.support.IntegrationSearchFilter;
import com.storemetrics.support.SupportService;
import com.storemetrics.support.ui.SupportIntegrationsView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Server time of the support grid's queries over 100,000 integrations (not a test; Surefire skips
 * *Benchmark*). Starts the application on a fresh in-memory HSQLDB, seeds 1,000 customers, 10,000
 * accounts (one vendor number each) and 10 integrations per account (55% Approved, 20% Pending,
 * 10% Expired, 15% Removed, status changes spread over 180 days, one history entry each) with JDBC
 * batches, signs in as carol and calls {@link SupportService} as the grid does: one page of 50 rows
 * and the count. Each case runs {@value #WARM_UP} times to warm up, then {@value #RUNS} times
 * measured; it prints p50, p95 and max in milliseconds. Run: see docs/support.md.
 */
public final class SupportGridBenchmark {

    static final int CUSTOMERS = 1_000;
    static final int ACCOUNTS = 10_000;
    static final int PER_ACCOUNT = 10;
    static final int PAGE = 50;
    static final int WARM_UP = 100;
    static final int RUNS = 200;
    private static final int BATCH = 5_000;

    private SupportGridBenchmark() {}

    public static void main(String[] args) {
        // As in production mode: Vaadin's development mode records a stack trace per component created.
        System.setProperty("vaadin.devmode.componentTracker.enabled", "false");
        System.out.printf(
                Locale.ROOT,
                "Java %s, %d cores, max heap %d MB%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        long started = System.nanoTime();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:hsqldb:mem:bench-" + UUID.randomUUID(),
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=warn",
                        "--logging.level.com.storemetrics=warn",
                        // The test profile's verifier runs once an hour: no cycle interferes while measuring.
                        // (The scheduler stays on: the support view's "Re-check now" needs it.)
                        Boolean.getBoolean("bench.production")
                                ? "--storemetrics.sandbox.enabled=false"
                                : "--bench.mode=dev")) {
            System.out.printf(Locale.ROOT, "Application started in %d ms%n", millisSince(started));
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Seed seed = seed(jdbc);
            signInAsSupport(app);
            SupportService support = app.getBean(SupportService.class);
            measure(support, seed);
            if (!Boolean.getBoolean("bench.skip-view")) {
                view(app);
            }
        }
        System.exit(0);
    }

    record Seed(List<String> accountNames, List<String> accountNumbers, List<String> customers) {}

    static Seed seed(JdbcTemplate jdbc) {
        long started = System.nanoTime();
        Random random = new Random(42);
        Instant now = Instant.now();
        OffsetDateTime created = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(400)), ZoneOffset.UTC);

        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(String.format(Locale.ROOT, "customer%04d", i));
        }
        batch(
                jdbc,
                "INSERT INTO app_user (username, display_name, password_hash, role) VALUES (?, ?, 'not-a-login', 'CUSTOMER')",
                CUSTOMERS,
                (insert, i) -> {
                    insert.setString(1, customers.get(i));
                    insert.setString(2, String.format(Locale.ROOT, "Customer %04d (Studio %03d)", i, i / 3));
                });
        long[] customerIds = jdbc
                .queryForList("SELECT id FROM app_user WHERE username LIKE 'customer%' ORDER BY username", Long.class)
                .stream()
                .mapToLong(Long::longValue)
                .toArray();

        String[] words = {"Pixel", "Forge", "Lunar", "Tiny", "Games", "Labs", "Apps", "Studio", "Bright", "North"};
        List<String> names = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            names.add(words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]
                    + String.format(Locale.ROOT, " %05d", i));
            numbers.add(String.format(Locale.ROOT, "3%06d", i));
        }
        batch(
                jdbc,
                "INSERT INTO store_account (account_number, name, created_at, version, membership) VALUES (?, ?, ?, 0, ?)",
                ACCOUNTS,
                (insert, i) -> {
                    insert.setString(1, numbers.get(i));
                    insert.setString(2, names.get(i));
                    insert.setObject(3, created);
                    insert.setString(4, i % 10 < 8 ? "MEMBER" : "UNKNOWN");
                });
        long[] accountIds = jdbc
                .queryForList(
                        "SELECT id FROM store_account WHERE account_number LIKE '3%' ORDER BY account_number",
                        Long.class)
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
        batch(
                jdbc,
                "INSERT INTO store_account_vendor (account_id, vendor_number) VALUES (?, ?)",
                ACCOUNTS,
                (insert, i) -> {
                    insert.setLong(1, accountIds[i]);
                    insert.setString(2, String.format(Locale.ROOT, "87%06d", i));
                });

        int total = ACCOUNTS * PER_ACCOUNT;
        IntegrationStatus[] statuses = new IntegrationStatus[total];
        OffsetDateTime[] changed = new OffsetDateTime[total];
        for (int i = 0; i < total; i++) {
            int roll = random.nextInt(100);
            statuses[i] = roll < 55
                    ? IntegrationStatus.APPROVED
                    : roll < 75
                            ? IntegrationStatus.PENDING
                            : roll < 85 ? IntegrationStatus.EXPIRED : IntegrationStatus.REMOVED;
            changed[i] = OffsetDateTime.ofInstant(now.minusSeconds(random.nextInt(180 * 24 * 3600)), ZoneOffset.UTC);
        }
        batch(
                jdbc,
                "INSERT INTO integration (customer_id, account_id, live_account_id, status, status_reason, progress,"
                        + " credential_kind, connected_at, status_changed_at, last_checked_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'ACCESS_TOKEN', ?, ?, ?, 0)",
                total,
                (insert, i) -> {
                    int account = i / PER_ACCOUNT;
                    // Ten different customers per account: 101 * k mod 1000 differs for k < 10.
                    long customer = customerIds[(account * 7 + (i % PER_ACCOUNT) * 101) % CUSTOMERS];
                    IntegrationStatus status = statuses[i];
                    insert.setLong(1, customer);
                    insert.setLong(2, accountIds[account]);
                    if (status == IntegrationStatus.REMOVED) {
                        insert.setNull(3, Types.BIGINT);
                    } else {
                        insert.setLong(3, accountIds[account]);
                    }
                    insert.setString(4, status.name());
                    insert.setString(
                            5,
                            switch (status) {
                                case APPROVED ->
                                    "Our service user is now a member of the account: the invitation was accepted.";
                                case EXPIRED -> "The invitation was not accepted in time.";
                                case REMOVED -> "Access removed in App Store Connect by an Account Holder or Admin.";
                                case PENDING -> null;
                            });
                    insert.setString(6, status == IntegrationStatus.PENDING ? "WAITING_FOR_INVITATION" : "DONE");
                    insert.setObject(7, changed[i].minusHours(3));
                    insert.setObject(8, changed[i]);
                    insert.setObject(
                            9,
                            status == IntegrationStatus.PENDING || status == IntegrationStatus.APPROVED
                                    ? OffsetDateTime.ofInstant(now, ZoneOffset.UTC)
                                    : null);
                });
        jdbc.update("INSERT INTO integration_event (integration_id, occurred_at, from_status, to_status, reason,"
                + " actor_kind, actor_name) SELECT id, connected_at, NULL, 'PENDING', 'Connected with an access token',"
                + " 'CUSTOMER', 'seed' FROM integration");
        System.out.printf(
                Locale.ROOT,
                "Seeded %,d customers, %,d accounts, %,d integrations and %,d history entries in %d ms%n",
                CUSTOMERS,
                ACCOUNTS,
                jdbc.queryForObject("SELECT COUNT(*) FROM integration", Long.class),
                jdbc.queryForObject("SELECT COUNT(*) FROM integration_event", Long.class),
                millisSince(started));
        return new Seed(names, numbers, customers);
    }

    static void signInAsSupport(ConfigurableApplicationContext app) {
        UserDetails carol = app.getBean(UserDetailsService.class).loadUserByUsername("carol");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(carol, null, carol.getAuthorities()));
    }

    static void measure(SupportService support, Seed seed) {
        Random random = new Random(7);
        System.out.printf(
                Locale.ROOT,
                "%nServer time per call through SupportService (secured, transactional), %d warm-up + %d runs, ms%n",
                WARM_UP,
                RUNS);
        System.out.printf(
                Locale.ROOT,
                "%-40s %8s %8s %8s  %8s %8s  %8s %8s  %s%n",
                "case",
                "page p50",
                "p95",
                "max",
                "count p50",
                "p95",
                "both p50",
                "p95",
                "rows");
        run(support, "first page, no filter", run -> IntegrationSearchFilter.none(), 0);
        run(
                support,
                "status = Pending, first page",
                run -> IntegrationSearchFilter.none().withStatus(IntegrationStatus.PENDING),
                0);
        run(
                support,
                "status = Removed, first page",
                run -> IntegrationSearchFilter.none().withStatus(IntegrationStatus.REMOVED),
                0);
        run(
                support,
                "account by name (contains)",
                run -> IntegrationSearchFilter.none()
                        .withAccount(seed.accountNames().get(random.nextInt(ACCOUNTS))),
                0);
        run(
                support,
                "account by number",
                run -> IntegrationSearchFilter.none()
                        .withAccount(seed.accountNumbers().get(random.nextInt(ACCOUNTS))),
                0);
        run(
                support,
                "account name word, e.g. 'lunar'",
                run -> IntegrationSearchFilter.none().withAccount("lunar"),
                0);
        run(
                support,
                "customer by username",
                run -> IntegrationSearchFilter.none()
                        .withCustomer(seed.customers().get(random.nextInt(CUSTOMERS))),
                0);
        run(
                support,
                "status + customer",
                run -> new IntegrationSearchFilter(
                        IntegrationStatus.APPROVED, seed.customers().get(random.nextInt(CUSTOMERS)), null),
                0);
        run(support, "no filter, page 1,000 (offset 50,000)", run -> IntegrationSearchFilter.none(), 1_000);
    }

    /**
     * The support view itself over the seeded rows, in Karibu sessions signed in as carol; server time
     * is the navigation or the grid's range request plus the UIDL response the browser would get:
     * first render (navigate + rows 0-49), a jump to a random page (served by offset), the next page
     * after a shown one deep in the list (served by keyset, as scrolling asks), and the live heap per
     * open view ({@code bench.uis} sessions, default 100).
     */
    @SuppressWarnings("unchecked")
    static void view(ConfigurableApplicationContext app) {
        KaribuBenchmarkSupport.productionModeIfAsked();
        KaribuBenchmarkSupport karibu = new KaribuBenchmarkSupport(app);
        UI ui = karibu.newSession();
        System.out.printf(
                Locale.ROOT,
                "%nThe support view (%s), %d warm-up + %d runs, ms of server time%n",
                KaribuBenchmarkSupport.vaadinMode(),
                WARM_UP / 4,
                RUNS / 2);
        karibu.login("carol");
        List<Long> first = new ArrayList<>();
        List<Long> jump = new ArrayList<>();
        List<Long> next = new ArrayList<>();
        Random random = new Random(11);
        int total = ACCOUNTS * PER_ACCOUNT;
        for (int i = -WARM_UP / 4; i < RUNS / 2; i++) {
            ui.navigate("sandbox");
            KaribuBenchmarkSupport.serverResponse();
            long t0 = System.nanoTime();
            ui.navigate(SupportIntegrationsView.class);
            KaribuBenchmarkSupport.serverResponse();
            Grid<IntegrationOverview> grid = LocatorJ._get(Grid.class, spec -> spec.withId("support-grid"));
            KaribuBenchmarkSupport.requestRows(grid, 0, PAGE);
            KaribuBenchmarkSupport.serverResponse();
            long t1 = System.nanoTime();
            KaribuBenchmarkSupport.confirmUpdates(grid);
            int deep = (1 + random.nextInt(total / PAGE - 3)) * PAGE;
            long t2 = System.nanoTime();
            KaribuBenchmarkSupport.requestRows(grid, deep, PAGE);
            KaribuBenchmarkSupport.serverResponse();
            long t3 = System.nanoTime();
            KaribuBenchmarkSupport.confirmUpdates(grid);
            KaribuBenchmarkSupport.requestRows(grid, deep + PAGE, PAGE);
            KaribuBenchmarkSupport.serverResponse();
            long t4 = System.nanoTime();
            KaribuBenchmarkSupport.confirmUpdates(grid);
            if (grid.getDataCommunicator().getItemCount() != total) {
                throw new IllegalStateException(
                        "the grid shows " + grid.getDataCommunicator().getItemCount() + " rows");
            }
            if (i >= 0) {
                first.add(t1 - t0);
                jump.add(t3 - t2);
                next.add(t4 - t3);
            }
        }
        System.out.println("first render (navigate + rows 0-49):      " + BenchmarkSupport.summary(first) + "; "
                + BenchmarkSupport.load());
        System.out.println("jump to a random page (offset):           " + BenchmarkSupport.summary(jump));
        System.out.println("next page after a deep one (keyset):      " + BenchmarkSupport.summary(next));

        int uis = Integer.getInteger("bench.uis", 100);
        ui.navigate("sandbox");
        KaribuBenchmarkSupport.serverResponse();
        Map<String, long[]> before = BenchmarkSupport.liveHistogram();
        List<UI> open = new ArrayList<>();
        for (int i = 0; i < uis; i++) {
            UI another = karibu.newSession();
            karibu.login("carol");
            another.navigate(SupportIntegrationsView.class);
            KaribuBenchmarkSupport.serverResponse();
            Grid<IntegrationOverview> grid = LocatorJ._get(Grid.class, spec -> spec.withId("support-grid"));
            KaribuBenchmarkSupport.requestRows(grid, 0, PAGE);
            KaribuBenchmarkSupport.serverResponse();
            KaribuBenchmarkSupport.confirmUpdates(grid);
            open.add(another);
        }
        Map<String, long[]> after = BenchmarkSupport.liveHistogram();
        System.out.printf(
                Locale.ROOT,
                "live heap per open support view (%d sessions, class histogram): %s -> %s: %.0f KB" + " per UI%n",
                open.size(),
                BenchmarkSupport.mb(before.get("TOTAL")[1]),
                BenchmarkSupport.mb(after.get("TOTAL")[1]),
                (after.get("TOTAL")[1] - before.get("TOTAL")[1]) / 1024.0 / uis);
        BenchmarkSupport.topGrowth(before, after, 10, uis).forEach(line -> System.out.println("  " + line));
        KaribuBenchmarkSupport.tearDown();
    }

    private static void run(
            SupportService support, String name, IntFunction<IntegrationSearchFilter> filters, int page) {
        long[] fetch = new long[RUNS];
        long[] count = new long[RUNS];
        long[] both = new long[RUNS];
        int rows = 0;
        long matching = 0;
        for (int i = -WARM_UP; i < RUNS; i++) {
            IntegrationSearchFilter filter = filters.apply(i);
            long t0 = System.nanoTime();
            List<IntegrationOverview> result = support.integrations(filter, PageRequest.of(page, PAGE));
            long t1 = System.nanoTime();
            matching = support.countIntegrations(filter);
            long t2 = System.nanoTime();
            if (i >= 0) {
                fetch[i] = t1 - t0;
                count[i] = t2 - t1;
                both[i] = t2 - t0;
                rows = result.size();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%-40s %8.2f %8.2f %8.2f  %8.2f %8.2f  %8.2f %8.2f  %d of %,d%n",
                name,
                percentile(fetch, 50),
                percentile(fetch, 95),
                percentile(fetch, 100),
                percentile(count, 50),
                percentile(count, 95),
                percentile(both, 50),
                percentile(both, 95),
                rows,
                matching);
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return sorted[index] / 1_000_000.0;
    }

    private interface Row {
        void set(PreparedStatement insert, int index) throws SQLException;
    }

    private static void batch(JdbcTemplate jdbc, String sql, int size, Row row) {
        for (int from = 0; from < size; from += BATCH) {
            int start = from;
            int length = Math.min(BATCH, size - from);
            jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement insert, int i) throws SQLException {
                    row.set(insert, start + i);
                }

                @Override
                public int getBatchSize() {
                    return length;
                }
            });
        }
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
