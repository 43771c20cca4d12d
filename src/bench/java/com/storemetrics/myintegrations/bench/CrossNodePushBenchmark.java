package com.storemetrics.myintegrations.bench;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.storemetrics.DemoAccounts;
import com.storemetrics.KaribuSession;
import com.storemetrics.KaribuTest;
import com.storemetrics.SignIn;
import com.storemetrics.TwoNodes;
import com.storemetrics.bench.BenchmarkSupport;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.myintegrations.IntegrationService;
import com.storemetrics.myintegrations.ui.DataIntegrationViewProbe;
import com.vaadin.flow.component.UI;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 15's cross-node figure: a change committed on node A until the open Data Integration view on
 * node B has applied it, over two app nodes on one embedded PostgreSQL. Not a test: a main class.
 * Each sample is one change made through the real services on A (alice connects Pixel Forge Studio,
 * then removes it, alternately); the clock starts when A's call returned (the transaction, with its
 * NOTIFY, committed) and stops when B's view, whose session thread runs its queued UI work every
 * millisecond as a push would, shows the change. Also printed: until B's listener had the signal.
 * Samples are 400 ms apart, above LiveUpdates' 250 ms pacing per view, so none waits for the pace.
 * System properties: {@code bench.warmup} (10), {@code bench.samples} (100).
 */
public final class CrossNodePushBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 100);

    private CrossNodePushBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (TwoNodes nodes = new TwoNodes();
                KaribuSession alice = new KaribuSession(nodes.b, "alice")) {
            alice.call(() -> {
                UI.getCurrent().navigate(DataIntegrationViewProbe.VIEW);
                return null;
            });
            List<Long> toView = new ArrayList<>();
            List<Long> toListener = new ArrayList<>();
            for (int i = 0; i < WARMUP + SAMPLES; i++) {
                boolean connecting = i % 2 == 0;
                long heard = TwoNodes.signals(nodes.b).received();
                long start;
                if (connecting) {
                    SignIn.as(
                            nodes.a,
                            "alice",
                            () -> nodes.a
                                    .getBean(ConnectionService.class)
                                    .finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
                    start = System.nanoTime();
                    nodes.jdbc()
                            .update("DELETE FROM scheduled_tasks WHERE task_name LIKE 'membership-check%'"
                                    + " AND task_instance <> 'recurring' AND picked = FALSE");
                } else {
                    long id = nodes.jdbc()
                            .queryForObject("SELECT id FROM integration WHERE status = 'PENDING'", Long.class);
                    SignIn.as(
                            nodes.a,
                            "alice",
                            () -> nodes.a.getBean(IntegrationService.class).remove(id));
                    start = System.nanoTime();
                }
                long listened = -1;
                int expectedRows = connecting ? 1 : 0;
                while (true) {
                    if (listened < 0 && TwoNodes.signals(nodes.b).received() > heard) {
                        listened = System.nanoTime() - start;
                    }
                    boolean shown = alice.call(() -> {
                        KaribuTest.roundtripWithoutSignedInUser();
                        return DataIntegrationViewProbe.knownRows(_get(DataIntegrationViewProbe.VIEW)) == expectedRows;
                    });
                    if (shown) {
                        break;
                    }
                    if (System.nanoTime() - start > 30_000_000_000L) {
                        throw new AssertionError("Node B's view did not show change " + i + " within 30 s");
                    }
                    Thread.sleep(1);
                }
                long elapsed = System.nanoTime() - start;
                if (i >= WARMUP) {
                    toView.add(elapsed);
                    toListener.add(listened < 0 ? elapsed : listened);
                }
                Thread.sleep(400);
            }
            System.out.println("== Cross-node push (commit on node A -> open view on node B), " + SAMPLES + " changes");
            System.out.println(BenchmarkSupport.machine());
            System.out.println(
                    "commit on A -> signal handled by B's listener: " + BenchmarkSupport.summary(toListener));
            System.out.println("commit on A -> B's view shows it:              " + BenchmarkSupport.summary(toView));
            System.out.println("load: " + BenchmarkSupport.load());
        }
        System.exit(0);
    }
}
