package com.storemetrics.verification.bench;

import static com.storemetrics.bench.BenchmarkSupport.percentileMillis;
import static com.storemetrics.bench.BenchmarkSupport.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.storemetrics.KnownState;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.appstore.AppleCallAccounting;
import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.appstore.AppleProtocol;
import com.storemetrics.bench.BenchmarkSupport;
import com.storemetrics.bench.BenchmarkSupport.SandboxRequests;
import com.storemetrics.bench.KaribuBenchmarkSupport;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.myintegrations.IntegrationService;
import com.storemetrics.myintegrations.ui.DataIntegrationView;
import com.storemetrics.sandbox.SandboxWorld;
import com.storemetrics.verification.MembershipCheck;
import com.storemetrics.verification.VerificationTriggers;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #5's latency: from the sandbox accepting our service user's invitation to the open Data
 * Integration view (Karibu, signed in as alice) showing the row Approved. Not a test: a main class.
 *
 * <p>Per run: open the view, Finish for Pixel Forge Studio through {@link ConnectionService#finish}
 * (which moves the recurring check to its fast pace, as in production), wait until the Pending row shows,
 * invite our service Apple ID through the sandbox's control API and accept it there ourselves;
 * the clock starts when the accept call returns. Then run {@code MockVaadin.clientRoundtrip()} in a
 * tight loop (100 us pauses) until the grid's row is APPROVED. Clean up with
 * {@code KnownState.restore}.
 *
 * <p>Modes ({@code bench.modes}, comma-separated):
 * <ul>
 * <li>{@code pipeline}: the scheduled checks are pushed an hour away and {@code MembershipCheck.run}
 * is called on another thread right after the accept: the verifier's own cost plus the push to the UI.</li>
 * <li>{@code recheck}: the same, but support's {@code VerificationTriggers.recheckNow()} schedules a
 * check now through db-scheduler (immediate execution).</li>
 * <li>{@code pace}: accepted right after Finish (the customer invited before pressing Finish, as the
 * checkbox says); the recurring check, moved to 3 s after Finish, approves it.</li>
 * <li>{@code spread-5min}: accepted at a uniformly random moment 0 to 5 minutes after Finish (customers
 * often invite after pressing Finish). {@code bench.lanes} (10) lanes run at once, each run on a new
 * account our service user is not a member of: its own Finish, random wait, invite and accept,
 * Approved, removal, in one open view: every run waits for its own
 * moment, and the lanes share the checks as customers do. {@code bench.spread-runs} (40) runs.</li>
 * <li>{@code load}: Apple requests per hour when {@code bench.load-customers} (1,000) customers each
 * finish one account within one minute (nobody accepts). Counts the Reporter requests
 * ({@code AppleCallAccounting}) from the first Finish until 6.5 minutes after it (the Finish minute
 * plus the 5 minutes of the 3 s pace), then moves every connection time back 10 minutes (the 15 s
 * pace) and counts for 2 minutes; the hour is the first count plus the 15 s pace's rate for the
 * remaining 53.5 minutes.</li>
 * </ul>
 * In the pace modes each run waits a random 0-1 s before Finish, so the check falls at a random
 * point of db-scheduler's 1 s polling cycle (back-to-back runs would otherwise be phase-locked to it).
 * System properties: {@code bench.modes} (pipeline,pace,spread-5min,load), {@code bench.runs} (50),
 * {@code bench.warmup} (3).
 */
public final class ApprovalLatencyBenchmark {

    private static final DiscoveredAccount PIXEL_FORGE = new DiscoveredAccount(
            SandboxControl.PIXEL_FORGE,
            "Pixel Forge Studio",
            List.of("85000001"),
            List.of(),
            DiscoveredAccount.AppsState.NO_RECENT_SALES);
    private static final int RUNS = Integer.getInteger("bench.runs", 50);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    private static final int LANES = Integer.getInteger("bench.lanes", 10);
    private static final int SPREAD_RUNS = Integer.getInteger("bench.spread-runs", 40);
    private static final int LOAD_CUSTOMERS = Integer.getInteger("bench.load-customers", 1_000);
    private static final Duration ACCEPT_WINDOW = Duration.ofMinutes(5);
    private static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);

    private final ConfigurableApplicationContext context;
    private final SandboxControl sandbox;
    private final ConnectionService connections;
    private final MembershipCheck check;
    private final VerificationTriggers triggers;
    private final JdbcTemplate jdbc;
    private final ExecutorService verifierThread = Executors.newSingleThreadExecutor();
    private final Random random = new Random(5);
    /** Per pipeline check: the sandbox's handling time of {Reporter, control API} requests. */
    private final List<long[]> sandboxInCheck = new CopyOnWriteArrayList<>();

    private ApprovalLatencyBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.sandbox = new SandboxControl(BenchmarkSupport.port(context));
        this.connections = context.getBean(ConnectionService.class);
        this.check = context.getBean(MembershipCheck.class);
        this.triggers = context.getBean(VerificationTriggers.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    public static void main(String[] args) throws Exception {
        System.out.println(BenchmarkSupport.machine());
        try (ConfigurableApplicationContext context = BenchmarkSupport.startApp("approval")) {
            ApprovalLatencyBenchmark benchmark = new ApprovalLatencyBenchmark(context);
            KaribuBenchmarkSupport karibu = new KaribuBenchmarkSupport(context);
            karibu.newSession();
            karibu.login("alice");
            KnownState.restore(context);
            try {
                for (String mode : System.getProperty("bench.modes", "pipeline,pace,spread-5min,load")
                        .split(",")) {
                    switch (mode.trim()) {
                        case "spread-5min" -> benchmark.spread();
                        case "load" -> benchmark.load();
                        default -> benchmark.measure(mode.trim());
                    }
                }
            } finally {
                benchmark.verifierThread.shutdownNow();
                KaribuBenchmarkSupport.tearDown();
            }
        }
        System.exit(0);
    }

    private void measure(String mode) throws Exception {
        System.out.printf("%n=== approval latency, mode %s: %d runs after %d warm-up ===%n", mode, RUNS, WARMUP);
        List<Long> acceptToShown = new ArrayList<>();
        List<Long> finishToShown = new ArrayList<>();
        List<Long> cycles = new ArrayList<>();
        int raced = 0;
        for (int run = -WARMUP; run < RUNS; ) {
            Sample sample = once(mode);
            if (sample == null) {
                raced++;
                continue;
            }
            System.out.printf(
                    "%s %2d: accept -> Approved shown %8.1f ms; Finish -> accept %8.1f ms, Finish -> shown %8.1f ms%s%n",
                    run < 0 ? "warm-up" : "run    ",
                    run,
                    sample.acceptToShown / 1e6,
                    sample.finishToAccept / 1e6,
                    (sample.finishToAccept + sample.acceptToShown) / 1e6,
                    sample.cycle > 0 ? String.format("; the check itself %.1f ms", sample.cycle / 1e6) : "");
            if (run >= 0) {
                acceptToShown.add(sample.acceptToShown);
                finishToShown.add(sample.finishToAccept + sample.acceptToShown);
                if (sample.cycle > 0) {
                    cycles.add(sample.cycle);
                }
            }
            run++;
        }
        System.out.println("--- mode " + mode + ":");
        System.out.println("accept -> Approved shown: " + summary(acceptToShown) + "; " + BenchmarkSupport.load());
        System.out.println("Finish -> Approved shown: " + summary(finishToShown));
        if (!cycles.isEmpty()) {
            System.out.println("MembershipCheck.run alone: " + summary(cycles));
            List<long[]> measured =
                    sandboxInCheck.subList(sandboxInCheck.size() - cycles.size(), sandboxInCheck.size());
            System.out.println("  of which the sandbox answering Sales.getAccounts: "
                    + summary(measured.stream().map(nanos -> nanos[0]).toList()));
            System.out.println("  of which the sandbox answering the inbox's GET /control/world: "
                    + summary(measured.stream().map(nanos -> nanos[1]).toList()));
        }
        if (raced > 0) {
            System.out.println(raced + " run(s) discarded: a scheduled check accepted the invitation before we did");
        }
        System.out.printf(
                "TABLE | %s | %.0f | %.0f |%n",
                mode, percentileMillis(acceptToShown, 50), percentileMillis(acceptToShown, 95));
    }

    private record Sample(long acceptToShown, long finishToAccept, long cycle) {}

    @SuppressWarnings("unchecked")
    private Sample once(String mode) throws Exception {
        UI ui = UI.getCurrent();
        ui.navigate("sandbox");
        ui.navigate(DataIntegrationView.class);
        Grid<IntegrationRow> grid = LocatorJ._get(Grid.class, spec -> spec.withId("integrations-grid"));

        if (mode.equals("pace")) {
            // db-scheduler polls once a second. Each run starts right after the previous run's check,
            // so without this the burst would always land at the same point of the polling cycle.
            long start = System.nanoTime() + (long) (random.nextDouble() * POLLING_INTERVAL.toNanos());
            while (System.nanoTime() < start) {
                MockVaadin.clientRoundtrip();
                LockSupport.parkNanos(Math.min(20_000_000L, Math.max(0, start - System.nanoTime())));
            }
        }
        long finished = System.nanoTime();
        connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN);
        await(
                grid,
                rows -> rows.size() == 1 && rows.get(0).status() == IntegrationStatus.PENDING,
                Duration.ofSeconds(30));
        if (mode.equals("pipeline") || mode.equals("recheck")) {
            // Only the check under measurement runs.
            pushScheduledChecksAway();
            check.awaitIdle(Duration.ofSeconds(30));
        }
        JsonNode invitation = sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        try {
            sandbox.acceptInvitation(invitation.path("id").asText());
        } catch (IllegalStateException acceptedByTheVerifierFirst) {
            cleanUp();
            return null;
        }
        long accepted = System.nanoTime();
        Future<Long> cycle = null;
        if (mode.equals("pipeline")) {
            cycle = verifierThread.submit(() -> {
                long[] sandbox0 = SandboxRequests.handlingNanos();
                long start = System.nanoTime();
                MembershipCheck.CycleResult result = check.run("bench");
                long elapsed = System.nanoTime() - start;
                long[] sandbox1 = SandboxRequests.handlingNanos();
                if (result != MembershipCheck.CycleResult.CHECKED) {
                    throw new IllegalStateException("the check did not run: " + result);
                }
                sandboxInCheck.add(new long[] {sandbox1[0] - sandbox0[0], sandbox1[1] - sandbox0[1]});
                return elapsed;
            });
        } else if (mode.equals("recheck")) {
            triggers.recheckNow();
        }
        long shown = await(
                grid,
                rows -> rows.size() == 1 && rows.get(0).status() == IntegrationStatus.APPROVED,
                Duration.ofSeconds(120));
        long cycleNanos = cycle == null ? 0 : cycle.get();
        cleanUp();
        return new Sample(shown - accepted, accepted - finished, cycleNanos);
    }

    /** Round trips in a tight loop until the grid's rows match; returns System.nanoTime() then. */
    private static long await(Grid<IntegrationRow> grid, Predicate<List<IntegrationRow>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            MockVaadin.clientRoundtrip();
            if (condition.test(GridKt._findAll(grid))) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out; rows: " + GridKt._findAll(grid));
            }
            LockSupport.parkNanos(100_000);
        }
    }

    /** The recurring check and any soon check an hour away, so that only the measured check runs. */
    private void pushScheduledChecksAway() {
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = 'membership-check-soon' AND picked = FALSE");
        jdbc.update(
                "UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = 'membership-check' AND picked = FALSE",
                Timestamp.from(Instant.now().plus(Duration.ofHours(1))));
    }

    /** One lane of {@code spread-5min}: the account of its current run and where that run is. */
    private static final class Lane {
        final int index;
        DiscoveredAccount account;
        int runs;
        long finishAt;
        long finished;
        long acceptAt;
        long accepted;
        boolean pending;

        Lane(int index) {
            this.index = index;
        }

        /**
         * A new account for the lane's next run, which our service user is not a member of: reusing
         * one would be approved at Finish, since the catalog still records our membership from the
         * previous run ("connected by a colleague"), and measure nothing.
         */
        DiscoveredAccount nextAccount(SandboxWorld world) {
            runs++;
            String number = String.valueOf(700_000 + index * 1_000 + runs);
            account = new DiscoveredAccount(
                    number,
                    "Spread Studio " + index + "." + runs,
                    List.of(String.valueOf(87_000_000 + index * 1_000 + runs)),
                    List.of(),
                    DiscoveredAccount.AppsState.NO_RECENT_SALES);
            world.addAccounts(Map.of(number, account.name()), false);
            return account;
        }
    }

    /**
     * Acceptance at a uniformly random moment 0-5 minutes after Finish, {@link #LANES} accounts at
     * once in alice's open view; the main thread drives the UI and the lanes' steps.
     */
    private void spread() throws Exception {
        System.out.printf(
                "%n=== approval latency, mode spread-5min: %d runs in %d lanes, accept 0-%d s after Finish ===%n",
                SPREAD_RUNS, LANES, ACCEPT_WINDOW.toSeconds());
        SandboxWorld world = context.getBean(SandboxWorld.class);
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < LANES; i++) {
            lanes.add(new Lane(i));
        }
        UI ui = UI.getCurrent();
        ui.navigate("sandbox");
        ui.navigate(DataIntegrationView.class);
        Grid<IntegrationRow> grid = LocatorJ._get(Grid.class, spec -> spec.withId("integrations-grid"));
        IntegrationService integrations = context.getBean(IntegrationService.class);
        long start = System.nanoTime();
        for (Lane lane : lanes) {
            // Lanes start spread over the first lane's window, then run back to back.
            lane.finishAt = start + (long) (random.nextDouble() * ACCEPT_WINDOW.toNanos() / 2);
        }
        List<Long> acceptToShown = new ArrayList<>();
        List<Long> acceptAfterFinish = new ArrayList<>();
        int started = 0;
        int acceptedByVerifier = 0;
        while (acceptToShown.size() < SPREAD_RUNS) {
            MockVaadin.clientRoundtrip();
            long now = System.nanoTime();
            Map<String, IntegrationRow> shown = new HashMap<>();
            GridKt._findAll(grid).forEach(row -> shown.put(row.accountName(), row));
            for (Lane lane : lanes) {
                if (!lane.pending && lane.finishAt > 0 && now >= lane.finishAt && started < SPREAD_RUNS) {
                    connections.finish(List.of(lane.nextAccount(world)), CredentialKind.ACCESS_TOKEN);
                    lane.finished = System.nanoTime();
                    lane.acceptAt = lane.finished + (long) (random.nextDouble() * ACCEPT_WINDOW.toNanos());
                    lane.accepted = 0;
                    lane.pending = true;
                    started++;
                } else if (lane.pending && lane.accepted == 0 && now >= lane.acceptAt) {
                    JsonNode invitation = sandbox.invite(lane.account.accountNumber(), SandboxControl.SERVICE_APPLE_ID);
                    try {
                        sandbox.acceptInvitation(invitation.path("id").asText());
                    } catch (IllegalStateException acceptedByTheVerifierFirst) {
                        // A check between the two calls accepted the invitation itself: accepted now either way.
                        acceptedByVerifier++;
                    }
                    lane.accepted = System.nanoTime();
                } else if (lane.pending && lane.accepted > 0) {
                    IntegrationRow row = shown.get(lane.account.name());
                    if (row != null && row.status() == IntegrationStatus.APPROVED) {
                        long latency = now - lane.accepted;
                        acceptToShown.add(latency);
                        acceptAfterFinish.add(lane.accepted - lane.finished);
                        System.out.printf(
                                "run %2d (%s): accepted %5.1f s after Finish -> Approved shown after %7.1f ms%n",
                                acceptToShown.size() - 1,
                                lane.account.name(),
                                (lane.accepted - lane.finished) / 1e9,
                                latency / 1e6);
                        integrations.remove(row.id());
                        lane.pending = false;
                        lane.finishAt = System.nanoTime() + (long) (random.nextDouble() * POLLING_INTERVAL.toNanos());
                    }
                }
            }
            LockSupport.parkNanos(1_000_000);
        }
        System.out.println("--- mode spread-5min:"
                + (acceptedByVerifier == 0
                        ? ""
                        : " (" + acceptedByVerifier + " invitation(s) accepted by a check between invite and accept)"));
        System.out.println("accepted after Finish: " + summary(acceptAfterFinish));
        System.out.println("accept -> Approved shown: " + summary(acceptToShown) + "; " + BenchmarkSupport.load());
        System.out.printf(
                "TABLE | spread-5min | %.0f | %.0f |%n",
                percentileMillis(acceptToShown, 50), percentileMillis(acceptToShown, 95));
        check.awaitIdle(Duration.ofSeconds(30));
        KnownState.restore(context);
        MockVaadin.clientRoundtrip();
    }

    /** Apple requests per hour while {@link #LOAD_CUSTOMERS} customers finish within one minute. */
    private void load() throws Exception {
        System.out.printf(
                "%n=== Apple requests, mode load: %,d customers each finish one account within one minute ===%n",
                LOAD_CUSTOMERS);
        List<Object[]> users = new ArrayList<>();
        for (int c = 0; c < LOAD_CUSTOMERS; c++) {
            users.add(new Object[] {"load-customer-" + c, "Load Customer " + c, "{noop}not-a-password", "CUSTOMER"});
        }
        jdbc.batchUpdate(
                "INSERT INTO app_user (username, display_name, password_hash, role) VALUES (?, ?, ?, ?)", users);
        AppleCallAccounting accounting = context.getBean(AppleCallAccounting.class);
        IntSupplier reporter = () -> accounting.requestsInLastHour(AppleProtocol.REPORTER);
        check.awaitIdle(Duration.ofSeconds(30));
        int reporter0 = reporter.getAsInt();
        long cycles0 = jdbc.queryForObject("SELECT cycles FROM verifier_health", Long.class);
        long start = System.nanoTime();
        long perCustomer = Duration.ofMinutes(1).toNanos() / LOAD_CUSTOMERS;
        for (int c = 0; c < LOAD_CUSTOMERS; c++) {
            long at = start + c * perCustomer;
            while (System.nanoTime() < at) {
                LockSupport.parkNanos(Math.max(0, at - System.nanoTime()));
            }
            DiscoveredAccount account = new DiscoveredAccount(
                    String.valueOf(800_000 + c),
                    "Load Studio " + c,
                    List.of(String.valueOf(88_000_000 + c)),
                    List.of(),
                    DiscoveredAccount.AppsState.NO_RECENT_SALES);
            SignIn.as(
                    context,
                    "load-customer-" + c,
                    () -> connections.finish(List.of(account), CredentialKind.ACCESS_TOKEN));
        }
        long finishedIn = System.nanoTime() - start;
        System.out.printf(
                "%,d Finishes took %.1f s; %,d integrations Pending%n",
                LOAD_CUSTOMERS,
                finishedIn / 1e9,
                jdbc.queryForObject("SELECT COUNT(*) FROM integration WHERE status = 'PENDING'", Integer.class));
        BenchmarkSupport.sleep(
                Math.max(0, Duration.ofSeconds(390).toMillis() - (System.nanoTime() - start) / 1_000_000));
        int fast = reporter.getAsInt() - reporter0;
        long fastCycles = jdbc.queryForObject("SELECT cycles FROM verifier_health", Long.class) - cycles0;
        System.out.printf(
                "first 6.5 min (Finish minute + 5 min at the 3 s pace): %d Reporter requests, %d verifier cycles%n",
                fast, fastCycles);
        jdbc.update(
                "UPDATE integration SET connected_at = connected_at - INTERVAL '10' MINUTE WHERE status = 'PENDING'");
        check.awaitIdle(Duration.ofSeconds(30));
        int reporter1 = reporter.getAsInt();
        long mid = System.nanoTime();
        BenchmarkSupport.sleep(Duration.ofMinutes(2).toMillis());
        int slow = reporter.getAsInt() - reporter1;
        double perMinute = slow / ((System.nanoTime() - mid) / 6e10);
        double hour = fast + perMinute * 53.5;
        System.out.printf(
                "then, every Pending integration 10 to 60 minutes old (15 s pace): %d Reporter requests in 2 min"
                        + " = %.1f a minute%n",
                slow, perMinute);
        System.out.printf(
                "Apple requests in the hour after the first Finish: %.0f (measured %d + %.1f/min x 53.5 min);"
                        + " budget %d an hour, of which the importer may use half%n",
                hour, fast, perMinute, AppleFacts.HOURLY_REQUEST_BUDGET);
        System.out.printf("TABLE | load | %d customers | %.0f requests/hour |%n", LOAD_CUSTOMERS, hour);
        KnownState.restore(context);
    }

    private void cleanUp() throws InterruptedException {
        // Let a burst check that is still completing finish first, so db-scheduler finds its row.
        check.awaitIdle(Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.queryForObject(
                                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'membership-check-soon'"
                                        + " AND picked = TRUE",
                                Integer.class)
                        > 0
                && System.nanoTime() < deadline) {
            BenchmarkSupport.sleep(10);
        }
        KnownState.restore(context);
        MockVaadin.clientRoundtrip();
    }
}
