package com.storemetrics.verification.bench;

import com.storemetrics.integration.Integration;
import com.storemetrics.integration.funnel.ConnectionService;
import static com.storemetrics.bench.BenchmarkSupport.percentileMillis;
import static com.storemetrics.bench.BenchmarkSupport.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.storemetrics.SandboxControl;
import com.storemetrics.TestData;
import com.storemetrics.bench.BenchmarkSupport;
import com.storemetrics.bench.BenchmarkSupport.SandboxRequests;
import com.storemetrics.bench.KaribuBenchmarkSupport;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.DiscoveredAccount;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.ui.DataIntegrationView;
import com.storemetrics.verification.MembershipCheck;
import com.storemetrics.verification.VerificationTriggers;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #5's latency: from the sandbox accepting our service user's invitation to the open Data
 * Integration view (Karibu, signed in as alice) showing the row Approved. Not a test: a main class.
 *
 * <p>Per run: open the view, Finish for Pixel Forge Studio through {@link ConnectionService#finish}
 * (which schedules the burst of early checks, as in production), wait until the Pending row shows,
 * invite our service Apple ID through the sandbox's control API and accept it there ourselves;
 * the clock starts when the accept call returns. Then run {@code MockVaadin.clientRoundtrip()} in a
 * tight loop (100 us pauses) until the grid's row is APPROVED. Clean up with
 * {@code TestData.deleteIntegrations} and a sandbox reset.
 *
 * <p>Modes ({@code bench.modes}, comma-separated):
 * <ul>
 * <li>{@code pipeline}: the burst is cancelled and {@code MembershipCheck.run} is called on another
 * thread right after the accept: the verifier's own cost plus the push to the UI.</li>
 * <li>{@code recheck}: the burst is cancelled and support's {@code VerificationTriggers.recheckNow()}
 * schedules a check now through db-scheduler (immediate execution).</li>
 * <li>{@code burst}: accepted right after Finish (the customer invited before pressing Finish, as the
 * checkbox says); the burst's first check (2 s after Finish) approves it.</li>
 * <li>{@code burst-spread}: accepted at a uniformly random moment in the burst window (0-40 s
 * after Finish): how long the next burst check makes the customer wait.</li>
 * </ul>
 * In the burst modes each run waits a random 0-1 s before Finish, so the burst falls at a random
 * point of db-scheduler's 1 s polling cycle (back-to-back runs would otherwise be phase-locked to it).
 * System properties: {@code bench.runs} (50), {@code bench.warmup} (3).
 */
public final class ApprovalLatencyBenchmark {

    private static final DiscoveredAccount PIXEL_FORGE = new DiscoveredAccount(SandboxControl.PIXEL_FORGE,
            "Pixel Forge Studio", List.of("85000001"), List.of(), DiscoveredAccount.AppsState.NO_RECENT_SALES);
    private static final int RUNS = Integer.getInteger("bench.runs", 50);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    private static final Duration BURST_WINDOW = Duration.ofSeconds(40);
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
    private final List<long[]> sandboxInCheck = new java.util.concurrent.CopyOnWriteArrayList<>();

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
            benchmark.sandbox.reset();
            TestData.deleteIntegrations(context);
            try {
                for (String mode : System.getProperty("bench.modes", "pipeline,recheck,burst,burst-spread").split(",")) {
                    benchmark.measure(mode.trim());
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
            System.out.printf("%s %2d: accept -> Approved shown %8.1f ms; Finish -> accept %8.1f ms, Finish -> shown %8.1f ms%s%n",
                    run < 0 ? "warm-up" : "run    ", run, sample.acceptToShown / 1e6, sample.finishToAccept / 1e6,
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
            List<long[]> measured = sandboxInCheck.subList(sandboxInCheck.size() - cycles.size(), sandboxInCheck.size());
            System.out.println("  of which the sandbox answering Sales.getAccounts: "
                    + summary(measured.stream().map(nanos -> nanos[0]).toList()));
            System.out.println("  of which the sandbox answering the inbox's GET /control/world: "
                    + summary(measured.stream().map(nanos -> nanos[1]).toList()));
        }
        if (raced > 0) {
            System.out.println(raced + " run(s) discarded: a burst check accepted the invitation before we did");
        }
        System.out.printf("TABLE | %s | %.0f | %.0f |%n", mode, percentileMillis(acceptToShown, 50),
                percentileMillis(acceptToShown, 95));
    }

    private record Sample(long acceptToShown, long finishToAccept, long cycle) {
    }

    @SuppressWarnings("unchecked")
    private Sample once(String mode) throws Exception {
        UI ui = UI.getCurrent();
        ui.navigate("sandbox");
        ui.navigate(DataIntegrationView.class);
        Grid<IntegrationRow> grid = LocatorJ._get(Grid.class, spec -> spec.withId("integrations-grid"));

        if (mode.startsWith("burst")) {
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
        await(grid, rows -> rows.size() == 1 && rows.get(0).status() == IntegrationStatus.PENDING, Duration.ofSeconds(30));
        if (mode.equals("pipeline") || mode.equals("recheck")) {
            // Only the check under measurement runs.
            jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = 'membership-check-soon'");
            check.awaitIdle(Duration.ofSeconds(30));
        } else if (mode.equals("burst-spread")) {
            long acceptAt = finished + (long) (random.nextDouble() * BURST_WINDOW.toNanos());
            while (System.nanoTime() < acceptAt) {
                MockVaadin.clientRoundtrip();
                LockSupport.parkNanos(Math.min(20_000_000L, Math.max(0, acceptAt - System.nanoTime())));
            }
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
        long shown = await(grid, rows -> rows.size() == 1 && rows.get(0).status() == IntegrationStatus.APPROVED,
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
            if (condition.test(grid.getListDataView().getItems().toList())) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out; rows: " + grid.getListDataView().getItems().toList());
            }
            LockSupport.parkNanos(100_000);
        }
    }

    private void cleanUp() throws InterruptedException {
        // Let a burst check that is still completing finish first, so db-scheduler finds its row.
        check.awaitIdle(Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'membership-check-soon'"
                + " AND picked = TRUE", Integer.class) > 0 && System.nanoTime() < deadline) {
            BenchmarkSupport.sleep(10);
        }
        TestData.deleteIntegrations(context);
        sandbox.reset();
        MockVaadin.clientRoundtrip();
    }
}
