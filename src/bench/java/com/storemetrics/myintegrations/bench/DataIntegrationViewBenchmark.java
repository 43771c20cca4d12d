package com.storemetrics.myintegrations.bench;

import static com.storemetrics.bench.BenchmarkSupport.mb;
import static com.storemetrics.bench.BenchmarkSupport.summary;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.storemetrics.SignIn;
import com.storemetrics.bench.BenchmarkSupport;
import com.storemetrics.bench.BenchmarkSupport.JdbcTiming;
import com.storemetrics.bench.KaribuBenchmarkSupport;
import com.storemetrics.integration.IntegrationBroadcaster;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.myintegrations.IntegrationFilter;
import com.storemetrics.myintegrations.IntegrationService;
import com.storemetrics.myintegrations.ui.DataIntegrationView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.server.VaadinSession;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #6's figures, on the current code: the Data Integration view of a customer with 1,000
 * integrations. Not a test: a main class. Karibu sessions on the running application (signed in as
 * alice, as {@code KaribuTest} does); "server time" is navigation (or the grid's range request)
 * plus building the UIDL response the browser would get ({@code UidlWriter}), on one thread.
 *
 * <ol>
 * <li>Data fetch: the grid is lazy (a CallbackDataProvider paging in the database); what it asks for
 * first, one page of 50 and the count, is timed alone.</li>
 * <li>Render: navigate to the view and build the response; then the browser's first range request
 * (rows 0-49) and its response.</li>
 * <li>Grid page: a range request for a random page of 50 rows (from the in-memory list) and its
 * response. After each response the harness confirms the update as the browser does, so rows that
 * left the viewport are dropped on the server and a page shown again is rendered again.</li>
 * <li>Live heap per open UI: the live heap (class histogram after a full GC) with the main UI on
 * another view, then with 200 more sessions each showing the view with its first page, divided by 200.</li>
 * </ol>
 * System properties: {@code bench.integrations} (1000), {@code bench.uis} (200), {@code bench.warmup}
 * (30), {@code bench.samples} (100), {@code bench.component-tracker} (false: Vaadin's dev-mode
 * component tracker is switched off, as it is in production mode), {@code bench.production} (false:
 * true runs Vaadin in production mode).
 */
public final class DataIntegrationViewBenchmark {

    private static final int INTEGRATIONS = Integer.getInteger("bench.integrations", 1_000);
    private static final int UIS = Integer.getInteger("bench.uis", 200);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 30);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 100);
    private static final int PAGE = 50;

    private DataIntegrationViewBenchmark() {}

    public static void main(String[] args) {
        System.out.println(BenchmarkSupport.machine());
        // Vaadin's development mode records a stack trace for every component created and attached
        // (ComponentTracker, for the dev tools); production mode does not. Off unless asked for.
        boolean tracker = Boolean.getBoolean("bench.component-tracker");
        System.setProperty("vaadin.devmode.componentTracker.enabled", String.valueOf(tracker));
        System.out.println("component tracker " + (tracker ? "ON (dev-mode default)" : "OFF (as in production mode)"));
        try (ConfigurableApplicationContext context =
                BenchmarkSupport.startApp("view", KaribuBenchmarkSupport.appArguments())) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            seed(jdbc);
            System.out.printf(
                    "seeded for alice: %s%n",
                    jdbc.queryForList(
                            "SELECT status, COUNT(*) AS n FROM integration" + " GROUP BY status ORDER BY status"));
            dataFetch(context);

            KaribuBenchmarkSupport.productionModeIfAsked();
            KaribuBenchmarkSupport karibu = new KaribuBenchmarkSupport(context);
            karibu.newSession();
            System.out.println(KaribuBenchmarkSupport.vaadinMode());
            karibu.login("alice");
            render();
            gridPage();
            heapPerUi(context, karibu);
            KaribuBenchmarkSupport.tearDown();
        }
        System.exit(0);
    }

    private static void dataFetch(ConfigurableApplicationContext context) {
        IntegrationService service = context.getBean(IntegrationService.class);
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        long statements = 0;
        int rows = 0;
        for (int i = -WARMUP; i < SAMPLES; i++) {
            long[] j0 = JdbcTiming.current();
            long c0 = BenchmarkSupport.cpuNanos();
            long t0 = System.nanoTime();
            // What the lazy grid asks for: one page of 50 and the count.
            rows = SignIn.as(context, "alice", () -> {
                service.countMine(IntegrationFilter.ALL);
                return service.findMine(IntegrationFilter.ALL, 0, PAGE, List.of())
                        .size();
            });
            long t1 = System.nanoTime();
            long c1 = BenchmarkSupport.cpuNanos();
            long[] j1 = JdbcTiming.current();
            if (i >= 0) {
                wall.add(t1 - t0);
                cpu.add(c1 - c0);
                statements = j1[1] - j0[1];
            }
        }
        System.out.printf(
                "%n=== data fetch: IntegrationService.findMine (first page, %,d rows) + countMine, as the lazy"
                        + " grid asks ===%n",
                rows);
        System.out.println("wall: " + summary(wall) + "; " + BenchmarkSupport.load());
        System.out.println("CPU:  " + summary(cpu));
        System.out.printf(
                "JDBC statements per fetch: %d (includes loading alice's user for the security context)%n", statements);
    }

    @SuppressWarnings("unchecked")
    private static void render() {
        List<Long> navigate = new ArrayList<>();
        List<Long> navigateCpu = new ArrayList<>();
        List<Long> firstPage = new ArrayList<>();
        List<Long> both = new ArrayList<>();
        int navigateChars = 0;
        int firstPageChars = 0;
        long statements = 0;
        UI ui = UI.getCurrent();
        for (int i = -WARMUP; i < SAMPLES; i++) {
            ui.navigate("sandbox");
            KaribuBenchmarkSupport.serverResponse();
            long[] j0 = JdbcTiming.current();
            long c0 = BenchmarkSupport.cpuNanos();
            long t0 = System.nanoTime();
            ui.navigate(DataIntegrationView.class);
            int chars1 = KaribuBenchmarkSupport.serverResponse();
            long t1 = System.nanoTime();
            long c1 = BenchmarkSupport.cpuNanos();
            long[] j1 = JdbcTiming.current();
            Grid<IntegrationRow> grid = grid(ui);
            long t2 = System.nanoTime();
            KaribuBenchmarkSupport.requestRows(grid, 0, PAGE);
            int chars2 = KaribuBenchmarkSupport.serverResponse();
            long t3 = System.nanoTime();
            KaribuBenchmarkSupport.confirmUpdates(grid);
            if (grid.getDataCommunicator().getItemCount() != INTEGRATIONS) {
                throw new IllegalStateException(
                        "the grid shows " + grid.getDataCommunicator().getItemCount() + " rows");
            }
            if (i >= 0) {
                navigate.add(t1 - t0);
                navigateCpu.add(c1 - c0);
                firstPage.add(t3 - t2);
                both.add(t1 - t0 + t3 - t2);
                navigateChars = chars1;
                firstPageChars = chars2;
                statements = j1[1] - j0[1];
            }
        }
        System.out.printf("%n=== render: navigate to the Data Integration view (%,d rows) ===%n", INTEGRATIONS);
        System.out.println("navigate + response:          " + summary(navigate) + "; " + BenchmarkSupport.load());
        System.out.println("  CPU:                        " + summary(navigateCpu));
        System.out.println("first range request (0-49):   " + summary(firstPage));
        System.out.println("navigate + first rows, total: " + summary(both));
        System.out.printf(
                "responses: %,d chars (navigation), %,d chars (first rows); %d JDBC statements%n",
                navigateChars, firstPageChars, statements);
    }

    @SuppressWarnings("unchecked")
    private static void gridPage() {
        UI ui = UI.getCurrent();
        Grid<IntegrationRow> grid = grid(ui);
        Random random = new Random(6);
        List<Long> page = new ArrayList<>();
        List<Long> pageCpu = new ArrayList<>();
        int minChars = Integer.MAX_VALUE;
        int maxChars = 0;
        int pages = INTEGRATIONS / PAGE;
        for (int i = -WARMUP; i < SAMPLES; i++) {
            int start = (1 + random.nextInt(pages - 1)) * PAGE;
            long c0 = BenchmarkSupport.cpuNanos();
            long t0 = System.nanoTime();
            KaribuBenchmarkSupport.requestRows(grid, start, PAGE);
            int length = KaribuBenchmarkSupport.serverResponse();
            long t1 = System.nanoTime();
            long c1 = BenchmarkSupport.cpuNanos();
            KaribuBenchmarkSupport.confirmUpdates(grid);
            if (i >= 0) {
                page.add(t1 - t0);
                pageCpu.add(c1 - c0);
                minChars = Math.min(minChars, length);
                maxChars = Math.max(maxChars, length);
            }
        }
        System.out.printf(
                "%n=== grid page: a range request for %d rows at a random offset (from the in-memory list)" + " ===%n",
                PAGE);
        System.out.println("range request + response: " + summary(page) + "; " + BenchmarkSupport.load());
        System.out.println("  CPU:                    " + summary(pageCpu));
        System.out.printf("responses: %,d to %,d chars%n", minChars, maxChars);
    }

    private static void heapPerUi(ConfigurableApplicationContext context, KaribuBenchmarkSupport karibu) {
        IntegrationBroadcaster broadcaster = context.getBean(IntegrationBroadcaster.class);
        UI.getCurrent().navigate("sandbox");
        KaribuBenchmarkSupport.serverResponse();
        int listenersBefore = broadcaster.listenerCount();
        long usedBefore = BenchmarkSupport.usedHeapAfterGc();
        Map<String, long[]> before = BenchmarkSupport.liveHistogram();

        List<UI> uis = new ArrayList<>();
        List<VaadinSession> sessions = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < UIS; i++) {
            UI ui = karibu.newSession();
            karibu.login("alice");
            ui.navigate(DataIntegrationView.class);
            KaribuBenchmarkSupport.serverResponse();
            Grid<IntegrationRow> grid = grid(ui);
            KaribuBenchmarkSupport.requestRows(grid, 0, PAGE);
            KaribuBenchmarkSupport.serverResponse();
            KaribuBenchmarkSupport.confirmUpdates(grid);
            uis.add(ui);
            sessions.add(VaadinSession.getCurrent());
        }
        long opening = System.nanoTime() - t0;
        long usedAfter = BenchmarkSupport.usedHeapAfterGc();
        Map<String, long[]> after = BenchmarkSupport.liveHistogram();
        long liveBefore = before.get("TOTAL")[1];
        long liveAfter = after.get("TOTAL")[1];

        System.out.printf(
                "%n=== live heap per open UI: %d sessions, each with the view of %,d rows open ===%n",
                UIS, INTEGRATIONS);
        System.out.printf(
                "opened in %.1f s; listeners on the broadcaster: %d -> %d%n",
                opening / 1e9, listenersBefore, broadcaster.listenerCount());
        System.out.printf(
                "class histogram (live objects, after a full GC): %s -> %s: %.0f KB per UI%n",
                mb(liveBefore), mb(liveAfter), (liveAfter - liveBefore) / 1024.0 / UIS);
        System.out.printf(
                "MemoryMXBean used after System.gc() x4:           %s -> %s: %.0f KB per UI%n",
                mb(usedBefore), mb(usedAfter), (usedAfter - usedBefore) / 1024.0 / UIS);
        System.out.println("largest growth per UI (KB, objects, class):");
        BenchmarkSupport.topGrowth(before, after, 15, UIS).forEach(line -> System.out.println("  " + line));
        if (uis.size() != UIS
                || sessions.stream().anyMatch(session -> session.getUIs().isEmpty())) {
            throw new IllegalStateException("a session lost its UI");
        }
    }

    @SuppressWarnings("unchecked")
    private static Grid<IntegrationRow> grid(UI ui) {
        return LocatorJ._get(Grid.class, spec -> spec.withId("integrations-grid"));
    }

    /** alice's 1,000 integrations: one account each, with a vendor number and three apps. */
    private static void seed(JdbcTemplate jdbc) {
        long alice = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'alice'", Long.class);
        Instant now = Instant.now();
        List<Object[]> accounts = new ArrayList<>();
        for (int a = 0; a < INTEGRATIONS; a++) {
            accounts.add(new Object[] {String.valueOf(400_000 + a), "Bench Studio " + a, Timestamp.from(now)});
        }
        jdbc.batchUpdate(
                "INSERT INTO store_account (account_number, name, created_at, version, membership)"
                        + " VALUES (?, ?, ?, 0, 'MEMBER')",
                accounts);
        List<Long> accountIds = jdbc.queryForList("SELECT id FROM store_account ORDER BY account_number", Long.class);
        List<Object[]> vendors = new ArrayList<>();
        List<Object[]> apps = new ArrayList<>();
        List<Object[]> integrations = new ArrayList<>();
        for (int a = 0; a < INTEGRATIONS; a++) {
            long account = accountIds.get(a);
            vendors.add(new Object[] {account, String.valueOf(91_000_000 + a)});
            for (int app = 0; app < 3; app++) {
                apps.add(new Object[] {
                    account, String.valueOf(1_500_000_000L + a * 10L + app), "Bench App " + a + "-" + app
                });
            }
            String status = a % 20 == 0 ? "PENDING" : a % 50 == 1 ? "EXPIRED" : "APPROVED";
            Timestamp connected = Timestamp.from(now.minus(Duration.ofMinutes(a)));
            integrations.add(new Object[] {
                alice,
                account,
                account,
                status,
                status.equals("EXPIRED") ? "The invitation was not accepted in time." : null,
                status.equals("PENDING") ? "WAITING_FOR_INVITATION" : "DONE",
                connected,
                connected,
                Timestamp.from(now)
            });
        }
        jdbc.batchUpdate("INSERT INTO store_account_vendor (account_id, vendor_number) VALUES (?, ?)", vendors);
        jdbc.batchUpdate("INSERT INTO store_app (account_id, apple_identifier, name) VALUES (?, ?, ?)", apps);
        jdbc.batchUpdate(
                "INSERT INTO integration (customer_id, account_id, live_account_id, status, status_reason,"
                        + " progress, credential_kind, connected_at, status_changed_at, last_checked_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'ACCESS_TOKEN', ?, ?, ?, 0)",
                integrations);
    }
}
