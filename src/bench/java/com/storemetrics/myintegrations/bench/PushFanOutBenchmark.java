package com.storemetrics.myintegrations.bench;

import static com.storemetrics.bench.BenchmarkSupport.mb;
import static com.storemetrics.bench.BenchmarkSupport.summary;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.storemetrics.SandboxControl;
import com.storemetrics.base.live.LiveUpdates;
import com.storemetrics.bench.BenchmarkSupport;
import com.storemetrics.bench.KaribuBenchmarkSupport;
import com.storemetrics.integration.IntegrationBroadcaster;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.IntegrationsChanged;
import com.storemetrics.myintegrations.ui.DataIntegrationView;
import com.storemetrics.myintegrations.ui.DataIntegrationViewProbe;
import com.storemetrics.sandbox.SandboxWorld;
import com.storemetrics.support.IntegrationOverview;
import com.storemetrics.support.ui.SupportIntegrationsView;
import com.storemetrics.support.ui.SupportIntegrationsViewProbe;
import com.storemetrics.verification.MembershipCheck;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.PushConnection;
import com.vaadin.flow.server.communication.UidlWriter;
import com.vaadin.flow.shared.communication.PushMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntPredicate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalApplicationListener;
import org.springframework.transaction.event.TransactionalApplicationListenerAdapter;

/**
 * Issue 16 section 4, "push fan-out, measured": one removal that touches 100 customers' rows, from
 * its commit until the last of 1,020 open views has applied it. Not a test: a main class.
 *
 * <p><b>Set-up.</b> The real application (profile {@code test}, in-memory HSQLDB, the embedded
 * sandbox over real HTTP). 100 customers ({@code app_user}, role CUSTOMER) all connected one shared
 * App Store Connect account (Approved, our service user a member in the sandbox), and each has 9
 * accounts of its own (6 Approved, 2 Expired, 1 Pending): 10 rows a grid. 1,000 Karibu sessions on
 * the running context show the Data Integration view, 10 per customer, and 20 sessions of carol show
 * support's Integrations view; each grid has been asked for its first 50 rows, as a browser does.
 *
 * <p><b>Threading as in production.</b> After opening, the harness releases every session's lock
 * (a browser between requests) and gives each UI automatic push with a push connection that does what
 * Vaadin's {@code AtmospherePushConnection} does when connected: builds the UIDL message
 * ({@code UidlWriter.createUidl(ui, true)}, where the lazy grids fetch their pages) and serialises
 * it; only the socket write is left out. So, exactly as in production, {@code LiveUpdates}' delivery
 * threads call {@code UI.access}, find the session lock free, run the queued work, and push on
 * unlock. Nothing runs UI work on the harness's thread. The verifier cycle runs on a thread of its
 * own with nobody signed in, as db-scheduler's would.
 *
 * <p><b>One run.</b> Restore (not timed): the shared account gets our service user back in the
 * sandbox and 100 new Approved integrations (what customers connecting again would give), open
 * notices are dismissed, and every view reloads ({@code LiveUpdates.reloadEverywhere}) until each
 * customer view shows its new row and no notice. Then the account holder removes our service user in
 * the sandbox (control API over HTTP). The verifier needs two checks that miss the membership: the
 * harness writes what the first one records (membership MISSING, missed once), or, with
 * {@code -Dbench.first-check=true}, runs it through the verifier and waits for its pushes (every view
 * hears a check; this makes a run about a third longer and changes nothing measured). The measured
 * check is the verifier's second, through {@code MembershipCheck.run}, the scheduled task's own entry
 * point, on the verifier's thread: one Reporter call to the sandbox, then one transaction that removes
 * the 100 Approved rows for every customer and posts a notice each. <b>The clock starts</b> in the
 * first after-commit listener of that transaction (ordered before every other), on the verifier's
 * thread, right after the JDBC commit returned. <b>It stops</b> when the
 * last of the 1,020 UIs has pushed a message built from a state that shows the removal: a customer
 * view whose grid no longer knows its shared row and which shows the notice banner; a support view
 * whose top row (sorted by "since", newest first) is one of the removed rows, now Removed. The check
 * runs in the push connection, right after the message was built, on the pushing thread.
 *
 * <p><b>Delivering on the committing thread</b> is the time from that first after-commit listener
 * to one ordered after every other (see {@link #listenToCommits}): the broadcaster handing the check,
 * 100 notices and the change to the subscribers, which only queue (the store-metrics import trigger
 * also listens and does nothing with the test profile). Thread CPU time and wall time of the
 * verifier's thread.
 *
 * <p>System properties: {@code bench.customers} (100), {@code bench.views-per-customer} (10),
 * {@code bench.support-views} (20), {@code bench.runs} (20), {@code bench.warmup} (2),
 * {@code bench.first-check} (false).
 */
public final class PushFanOutBenchmark {

    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 100);
    private static final int VIEWS_PER_CUSTOMER = Integer.getInteger("bench.views-per-customer", 10);
    private static final int SUPPORT_VIEWS = Integer.getInteger("bench.support-views", 20);
    private static final int RUNS = Integer.getInteger("bench.runs", 20);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 2);
    private static final int PAGE = 50;
    /** Run the first (miss-counting) cycle through the verifier too, instead of restoring its result. */
    private static final boolean FIRST_CHECK = Boolean.getBoolean("bench.first-check");

    private static final String DUMP_MESSAGES = System.getProperty("bench.dump-messages");

    private static final String SHARED_NUMBER = "710000";
    private static final String SHARED_NAME = "Fan-out Shared Studio";
    /** Per customer: 6 Approved accounts (our user a member), 2 Expired, 1 Pending (not yet invited). */
    private static final String[] OWN = {
        "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "APPROVED", "EXPIRED", "EXPIRED", "PENDING"
    };

    // ---------------------------------------------------------------- what the push connections report

    /** What one phase waits for: per UI, the first push whose state satisfies the phase's test. */
    private static final class Phase {
        final IntPredicate satisfied;
        final AtomicLongArray at;
        final CountDownLatch latch;

        Phase(IntPredicate satisfied, int uis) {
            this.satisfied = satisfied;
            this.at = new AtomicLongArray(uis);
            this.latch = new CountDownLatch(uis);
        }
    }

    private static volatile Phase phase;
    private static final AtomicLong lastPush = new AtomicLong(System.nanoTime());
    private static volatile long checkStatements;
    private static volatile long checkJdbcNanos;
    private static volatile List<String> checkTopStatements = List.of();
    private static volatile List<String> viewTopStatements = List.of();
    private static final AtomicLong pushes = new AtomicLong();
    private static final AtomicLong pushNanos = new AtomicLong();
    private static final AtomicLong pushChars = new AtomicLong();

    /**
     * What {@code AtmospherePushConnection.push()} does when connected, minus the socket write: build
     * the UIDL message (grids fetch and render here) and serialise it. Then tell the harness.
     */
    private static final class BenchPushConnection implements PushConnection {
        private final UI ui;
        private final int index;

        BenchPushConnection(UI ui, int index) {
            this.ui = ui;
            this.index = index;
        }

        @Override
        public void push() {
            long start = System.nanoTime();
            lastPush.set(start);
            String message = new UidlWriter().createUidl(ui, true).toString();
            long end = System.nanoTime();
            pushes.incrementAndGet();
            pushNanos.addAndGet(end - start);
            pushChars.addAndGet(message.length());
            if (DUMP_MESSAGES != null && phase != null && (index == 0 || index == CUSTOMERS * VIEWS_PER_CUSTOMER)) {
                // -Dbench.dump-messages=DIR: the first customer view's and first support view's messages, to read what
                // a push carries.
                try {
                    Files.writeString(Path.of(DUMP_MESSAGES, "push-" + index + "-" + end + ".json"), message);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            lastPush.set(end);
            Phase current = phase;
            if (current != null
                    && current.at.get(index) == 0
                    && current.satisfied.test(index)
                    && current.at.compareAndSet(index, 0, end)) {
                current.latch.countDown();
            }
        }

        @Override
        public void disconnect() {}

        @Override
        public boolean isConnected() {
            return true;
        }
    }

    // ---------------------------------------------------------------- the commit, seen from the verifier's thread

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long commitNanos;
    private static volatile long commitCpu;
    private static volatile long deliveredNanos;
    private static volatile long deliveredCpu;
    private static volatile Thread committer;

    private static boolean isRemoval(Object payload) {
        return payload instanceof IntegrationsChanged changed
                && changed.changes().stream().anyMatch(change -> change.row().status() == IntegrationStatus.REMOVED);
    }

    /**
     * Two after-commit transactional listeners on the removal. Spring runs after-commit listeners in
     * the transaction's after-completion callbacks (right after the JDBC commit returned), sorted by
     * order, ties in the order they joined the transaction: the first listener is ordered before every
     * other (nothing has been delivered yet); the second is ordered last (as the broadcaster's listeners
     * are) and joins after every listener of the events published before the removal's
     * {@code IntegrationsChanged} (the check, the 100 notices) and after the broadcaster's listener of
     * that event itself (added to the context later), so it runs once everything was handed over.
     * Both hear every payload event (a lambda's payload type is not resolvable): they look for the removal.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void listenToCommits(ConfigurableApplicationContext context) {
        TransactionalApplicationListenerAdapter committed = (TransactionalApplicationListenerAdapter)
                TransactionalApplicationListener.forPayload(TransactionPhase.AFTER_COMMIT, (Object payload) -> {
                    if (isRemoval(payload) && committer == null) {
                        commitCpu = THREADS.getCurrentThreadCpuTime();
                        commitNanos = System.nanoTime();
                        committer = Thread.currentThread();
                    }
                });
        committed.setOrder(Ordered.HIGHEST_PRECEDENCE);
        TransactionalApplicationListenerAdapter completed = (TransactionalApplicationListenerAdapter)
                TransactionalApplicationListener.forPayload(TransactionPhase.AFTER_COMMIT, (Object payload) -> {
                    if (isRemoval(payload) && committer == Thread.currentThread() && deliveredNanos == 0) {
                        deliveredNanos = System.nanoTime();
                        deliveredCpu = THREADS.getCurrentThreadCpuTime();
                    }
                });
        completed.setOrder(Ordered.LOWEST_PRECEDENCE);
        context.addApplicationListener(committed);
        context.addApplicationListener(completed);
    }

    // ---------------------------------------------------------------- the harness

    private record Seeded(List<Long> customerIds, List<String> usernames, long sharedAccountId) {}

    private PushFanOutBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("vaadin.devmode.componentTracker.enabled", "false");
        System.out.println(BenchmarkSupport.machine());
        int customerViews = CUSTOMERS * VIEWS_PER_CUSTOMER;
        int uis = customerViews + SUPPORT_VIEWS;
        ExecutorService verifierThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "verifier-bench");
            thread.setDaemon(true);
            return thread;
        });
        try (ConfigurableApplicationContext context = BenchmarkSupport.startApp(
                "fanout",
                // No background check may interfere: the harness runs every cycle itself.
                "--storemetrics.verifier.young-pending-interval=1h",
                "--storemetrics.verifier.recent-pending-interval=1h")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            SandboxWorld world = context.getBean(SandboxWorld.class);
            SandboxControl sandbox = new SandboxControl(BenchmarkSupport.port(context));
            MembershipCheck check = context.getBean(MembershipCheck.class);
            LiveUpdates live = context.getBean(LiveUpdates.class);
            IntegrationBroadcaster broadcaster = context.getBean(IntegrationBroadcaster.class);
            Seeded seeded = seed(jdbc, world);
            System.out.printf(
                    "seeded: %d customers sharing account %s, %s%n",
                    CUSTOMERS,
                    SHARED_NUMBER,
                    jdbc.queryForList("SELECT status, COUNT(*) AS n FROM integration GROUP BY status ORDER BY status"));
            listenToCommits(context);

            // ---- open the views
            long liveBefore = BenchmarkSupport.liveHistogram().get("TOTAL")[1];
            Map<String, long[]> histogramBefore = BenchmarkSupport.liveHistogram();
            KaribuBenchmarkSupport karibu = new KaribuBenchmarkSupport(context);
            UI[] ui = new UI[uis];
            DataIntegrationView[] customerView = new DataIntegrationView[customerViews];
            SupportIntegrationsView[] supportView = new SupportIntegrationsView[SUPPORT_VIEWS];
            int[] customerOf = new int[customerViews];
            long opening = System.nanoTime();
            for (int i = 0; i < uis; i++) {
                ui[i] = karibu.newSession();
                if (i < customerViews) {
                    customerOf[i] = i % CUSTOMERS;
                    karibu.login(seeded.usernames().get(customerOf[i]));
                    ui[i].navigate(DataIntegrationView.class);
                    // The target, not the security proxy that getCurrentView() returns (its fields are empty).
                    customerView[i] = LocatorJ._get(DataIntegrationView.class);
                    open(DataIntegrationViewProbe.grid(customerView[i]));
                } else {
                    karibu.login("carol");
                    ui[i].navigate(SupportIntegrationsView.class);
                    supportView[i - customerViews] = LocatorJ._get(SupportIntegrationsView.class);
                    open(SupportIntegrationsViewProbe.grid(supportView[i - customerViews]));
                }
                ui[i].getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
                ui[i].getInternals().setPushConnection(new BenchPushConnection(ui[i], i));
                // The request is over: the browser waits, the session's lock is free for pushes.
                releaseLock(VaadinSession.getCurrent());
            }
            CurrentInstance.clearAll();
            SecurityContextHolder.clearContext();
            opening = System.nanoTime() - opening;
            Map<String, long[]> histogramAfter = BenchmarkSupport.liveHistogram();
            long liveAfter = histogramAfter.get("TOTAL")[1];
            System.out.printf(
                    "opened %d customer views (%d customers x %d) and %d support views in %.1f s; %d views"
                            + " follow live updates, %d listeners on the broadcaster%n",
                    customerViews,
                    CUSTOMERS,
                    VIEWS_PER_CUSTOMER,
                    SUPPORT_VIEWS,
                    opening / 1e9,
                    live.openViews(),
                    broadcaster.listenerCount());
            System.out.printf(
                    "live heap (class histogram, after a full GC): %s -> %s: %s for %d UIs, %.0f KB per UI%n",
                    mb(liveBefore),
                    mb(liveAfter),
                    mb(liveAfter - liveBefore),
                    uis,
                    (liveAfter - liveBefore) / 1024.0 / uis);
            BenchmarkSupport.topGrowth(histogramBefore, histogramAfter, 8, uis)
                    .forEach(line -> System.out.println("  " + line));

            long[] sharedIds = new long[CUSTOMERS];
            List<Long> lastUi = new ArrayList<>();
            List<Long> lastCustomerUi = new ArrayList<>();
            List<Long> lastSupportUi = new ArrayList<>();
            List<Long> firstUi = new ArrayList<>();
            List<Long> medianUi = new ArrayList<>();
            List<Long> deliverCpu = new ArrayList<>();
            List<Long> deliverWall = new ArrayList<>();
            List<Long> untilCommit = new ArrayList<>();
            List<Long> liveThreadsCpu = new ArrayList<>();
            List<Long> pushesPerRun = new ArrayList<>();
            List<Long> pushMean = new ArrayList<>();
            List<String> loads = new ArrayList<>();
            for (int run = -WARMUP; run < RUNS; run++) {
                // ---- restore (not timed): the shared account is ours again, each customer has a new row
                restore(jdbc, world, seeded, sharedIds);
                long[] expect = sharedIds.clone();
                await(
                        "every view reloaded",
                        new Phase(
                                i -> i >= customerViews
                                        || DataIntegrationViewProbe.knowsRow(customerView[i], expect[customerOf[i]])
                                                && DataIntegrationViewProbe.noticeBanners(customerView[i]) == 0,
                                uis),
                        live::reloadEverywhere);
                settle();
                browserConfirms(ui, customerView, supportView);
                settle();

                // ---- the account holder removes our user; the first check sees it missing once
                sandbox.removeUser(SHARED_NUMBER, SandboxControl.SERVICE_APPLE_ID);
                long checkStart = System.nanoTime();
                String checkFanOut = "";
                if (FIRST_CHECK) {
                    // Every view hears this check too: what every verifier cycle costs the open views.
                    long cpu0 = liveUpdatesCpu();
                    long pushes0 = pushes.get();
                    String first = verifierThread
                            .submit(() -> check.run("bench-miss"))
                            .get()
                            .name();
                    long returned = System.nanoTime();
                    // At least a second after the cycle returned: its deliveries may not have started yet.
                    settle(returned);
                    checkFanOut = String.format(
                            "; first check's pushes: %d, until the last %.0f ms after the cycle"
                                    + " returned, delivery threads CPU %.0f ms",
                            pushes.get() - pushes0, (lastPush.get() - returned) / 1e6, (liveUpdatesCpu() - cpu0) / 1e6);
                    if (!"CHECKED".equals(first)) {
                        throw new IllegalStateException("the first check failed: " + first);
                    }
                } else {
                    // What the first check records, written directly (its pushes are not what is measured).
                    jdbc.update(
                            "UPDATE store_account SET membership = 'MISSING', membership_missing_count = 1,"
                                    + " membership_checked_at = ? WHERE id = ?",
                            Timestamp.from(Instant.now().minusSeconds(30)),
                            seeded.sharedAccountId());
                }
                long checkDone = System.nanoTime();
                if (jdbc.queryForObject(
                                "SELECT membership_missing_count FROM store_account WHERE id = ?",
                                Integer.class,
                                seeded.sharedAccountId())
                        != 1) {
                    throw new IllegalStateException("the first check did not count the miss");
                }

                // ---- the measured check removes the shared rows for all 100 customers
                Set<Long> removed = new HashSet<>();
                for (long id : expect) {
                    removed.add(id);
                }
                Phase removal = new Phase(
                        i -> {
                            if (i < customerViews) {
                                return !DataIntegrationViewProbe.knowsRow(customerView[i], expect[customerOf[i]])
                                        && DataIntegrationViewProbe.noticeBanners(customerView[i]) > 0;
                            }
                            IntegrationOverview top =
                                    SupportIntegrationsViewProbe.firstRow(supportView[i - customerViews]);
                            return top != null
                                    && removed.contains(top.id())
                                    && top.status() == IntegrationStatus.REMOVED;
                        },
                        uis);
                committer = null;
                commitNanos = 0;
                deliveredNanos = 0;
                long liveCpu0 = liveUpdatesCpu();
                long pushes0 = pushes.get();
                long pushNanos0 = pushNanos.get();
                long pushChars0 = pushChars.get();
                phase = removal;
                long allStatements0 = BenchmarkSupport.JdbcTiming.allThreadsStatements();
                BenchmarkSupport.JdbcTiming.startAllThreadsProfile();
                long measuredStart = System.nanoTime();
                String second = verifierThread
                        .submit(() -> {
                            // The verifier's own statements: how many, how long, and the costliest.
                            BenchmarkSupport.JdbcTiming.startProfile();
                            long[] jdbc0 = BenchmarkSupport.JdbcTiming.current();
                            String result = check.run("bench-removal").name();
                            long[] jdbc1 = BenchmarkSupport.JdbcTiming.current();
                            checkStatements = jdbc1[1] - jdbc0[1];
                            checkJdbcNanos = jdbc1[0] - jdbc0[0];
                            checkTopStatements = BenchmarkSupport.JdbcTiming.topStatements(6);
                            return result;
                        })
                        .get();
                if (!removal.latch.await(300, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(
                            removal.latch.getCount() + " views did not show the removal within 300 s");
                }
                phase = null;
                // Everything but the verifier's own: what the views read while applying the removal.
                long viewStatements =
                        BenchmarkSupport.JdbcTiming.allThreadsStatements() - allStatements0 - checkStatements;
                viewTopStatements = BenchmarkSupport.JdbcTiming.topStatementsAllThreads(10);
                long liveCpu1 = liveUpdatesCpu();
                long runPushes = pushes.get() - pushes0;
                long runPushNanos = pushNanos.get() - pushNanos0;
                long runPushChars = pushChars.get() - pushChars0;
                if (!"CHECKED".equals(second) || commitNanos == 0 || deliveredNanos == 0) {
                    throw new IllegalStateException("the removal was not seen committing: " + second);
                }
                int removedRows = jdbc.queryForObject(
                        "SELECT COUNT(*) FROM integration WHERE status = 'REMOVED'"
                                + " AND account_id = ? AND id IN ("
                                + String.join(
                                        ",",
                                        removed.stream().map(String::valueOf).toList())
                                + ")",
                        Integer.class,
                        seeded.sharedAccountId());
                if (removedRows != CUSTOMERS) {
                    throw new IllegalStateException("removed " + removedRows + " rows, expected " + CUSTOMERS);
                }
                long[] after = new long[uis];
                long last = 0;
                long lastCustomer = 0;
                long lastSupport = 0;
                for (int i = 0; i < uis; i++) {
                    after[i] = removal.at.get(i) - commitNanos;
                    last = Math.max(last, after[i]);
                    if (i < customerViews) {
                        lastCustomer = Math.max(lastCustomer, after[i]);
                    } else {
                        lastSupport = Math.max(lastSupport, after[i]);
                    }
                }
                long[] sorted = after.clone();
                Arrays.sort(sorted);
                settle();
                String line = String.format(
                        "run %3d: last UI %7.1f ms after commit (customers %7.1f, support %7.1f),"
                                + " first %6.1f ms, median UI %7.1f ms; committing thread after commit: CPU %5.1f ms, wall %5.1f ms;"
                                + " delivery threads CPU %7.1f ms, %d pushes (%.2f ms, %,d chars each); first check %.0f ms%s;"
                                + " measured check's start (Reporter call + removal transaction) -> commit %.1f ms"
                                + " (%d statements, %.1f ms in JDBC); the views' statements %d; %s",
                        run,
                        last / 1e6,
                        lastCustomer / 1e6,
                        lastSupport / 1e6,
                        sorted[0] / 1e6,
                        sorted[uis / 2] / 1e6,
                        (deliveredCpu - commitCpu) / 1e6,
                        (deliveredNanos - commitNanos) / 1e6,
                        (liveCpu1 - liveCpu0) / 1e6,
                        runPushes,
                        runPushes == 0 ? 0 : runPushNanos / 1e6 / runPushes,
                        runPushes == 0 ? 0 : runPushChars / runPushes,
                        (checkDone - checkStart) / 1e6,
                        checkFanOut,
                        (commitNanos - measuredStart) / 1e6,
                        checkStatements,
                        checkJdbcNanos / 1e6,
                        viewStatements,
                        BenchmarkSupport.load());
                System.out.println(line + (run < 0 ? " (warm-up)" : ""));
                if (run >= 0) {
                    lastUi.add(last);
                    lastCustomerUi.add(lastCustomer);
                    lastSupportUi.add(lastSupport);
                    firstUi.add(sorted[0]);
                    medianUi.add(sorted[uis / 2]);
                    deliverCpu.add(deliveredCpu - commitCpu);
                    deliverWall.add(deliveredNanos - commitNanos);
                    untilCommit.add(commitNanos - measuredStart);
                    liveThreadsCpu.add(liveCpu1 - liveCpu0);
                    pushesPerRun.add(runPushes * 1_000_000L);
                    pushMean.add(runPushes == 0 ? 0 : runPushNanos / runPushes);
                    loads.add(BenchmarkSupport.load());
                }
            }

            System.out.printf(
                    "%n== Push fan-out (issue 16 section 4): one removal touching %d customers' rows, %d customer"
                            + " views + %d support views open, %d runs after %d warm-up%n",
                    CUSTOMERS, customerViews, SUPPORT_VIEWS, RUNS, WARMUP);
            System.out.println(BenchmarkSupport.machine());
            System.out.println(
                    "commit -> last of " + uis + " UIs pushed the removal:  " + summary(lastUi) + "   goal <= 1 s");
            System.out.println("  last customer view:                         " + summary(lastCustomerUi));
            System.out.println("  last support view:                          " + summary(lastSupportUi));
            System.out.println("  first UI:                                   " + summary(firstUi));
            System.out.println("  median UI of each run:                      " + summary(medianUi));
            System.out.println(
                    "committing (verifier) thread, after commit, CPU:  " + summary(deliverCpu) + "   goal <= 50 ms");
            System.out.println("committing (verifier) thread, after commit, wall: " + summary(deliverWall));
            System.out.println("measured check's start -> commit (one Reporter call + the removal's transaction): "
                    + summary(untilCommit));
            System.out.println("the last measured check's costliest statements (prepare + execute):");
            checkTopStatements.forEach(line -> System.out.println("  " + line));
            System.out.println(
                    "the last measured run's costliest statements on every thread (the check's and the views'):");
            viewTopStatements.forEach(line -> System.out.println("  " + line));
            System.out.println("LiveUpdates delivery threads' CPU per run:        " + summary(liveThreadsCpu));
            System.out.printf(
                    "pushes per run: p50 %.0f; one push (UIDL built + serialised) mean %.2f ms (p50 of runs)%n",
                    BenchmarkSupport.percentileMillis(pushesPerRun, 50),
                    BenchmarkSupport.percentileMillis(pushMean, 50));
            System.out.printf(
                    "live heap of the %d UIs: %s, %.0f KB per UI%n",
                    uis, mb(liveAfter - liveBefore), (liveAfter - liveBefore) / 1024.0 / uis);
            System.out.println("load during the measured runs: " + loads.get(0) + " .. " + loads.get(loads.size() - 1)
                    + "; now " + BenchmarkSupport.load());
        } finally {
            verifierThread.shutdownNow();
        }
        System.exit(0);
    }

    /** What the browser does on opening: asks for the first rows; the response is built; it confirms. */
    private static void open(Grid<?> grid) {
        KaribuBenchmarkSupport.serverResponse();
        KaribuBenchmarkSupport.requestRows(grid, 0, PAGE);
        KaribuBenchmarkSupport.serverResponse();
        KaribuBenchmarkSupport.confirmUpdates(grid);
    }

    /** Every hold of this thread on the session's lock, as at the end of a request. */
    private static void releaseLock(VaadinSession session) {
        ReentrantLock lock = (ReentrantLock) session.getLockInstance();
        while (lock.getHoldCount() > 1) {
            lock.unlock();
        }
        if (lock.isHeldByCurrentThread()) {
            session.unlock();
        }
    }

    /**
     * What browsers do between pushes, outside the timing: confirm the grids' updates (so the server
     * may drop rows that left them) and let notifications close (a browser closes them after 10 s).
     */
    private static void browserConfirms(
            UI[] uis, DataIntegrationView[] customerViews, SupportIntegrationsView[] supportViews) {
        for (int i = 0; i < uis.length; i++) {
            UI ui = uis[i];
            VaadinSession session = ui.getSession();
            session.lock();
            try {
                CurrentInstance.setCurrent(ui);
                KaribuBenchmarkSupport.confirmUpdates(
                        i < customerViews.length
                                ? DataIntegrationViewProbe.grid(customerViews[i])
                                : SupportIntegrationsViewProbe.grid(supportViews[i - customerViews.length]));
                ui.getChildren()
                        .filter(Notification.class::isInstance)
                        .map(Notification.class::cast)
                        .toList()
                        .forEach(Notification::close);
            } finally {
                session.unlock();
                CurrentInstance.clearAll();
            }
        }
    }

    /** Waits until every UI satisfied the phase after {@code start} ran (pushes only; no sleeps in the test). */
    private static void await(String what, Phase waiting, Runnable start) throws InterruptedException {
        phase = waiting;
        start.run();
        if (!waiting.latch.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException(waiting.latch.getCount() + " views missed: " + what);
        }
        phase = null;
    }

    /** Until no view has pushed for a second: the previous step's pushes are over (not timed). */
    private static void settle() {
        settle(0);
    }

    /** As {@link #settle()}, and at least a second after {@code notBefore} (a {@code System.nanoTime()}). */
    private static void settle(long notBefore) {
        while (System.nanoTime() - Math.max(lastPush.get(), notBefore)
                < Duration.ofSeconds(1).toNanos()) {
            BenchmarkSupport.sleep(100);
        }
    }

    /** CPU time of LiveUpdates' delivery threads so far (they run the UI work and the pushes). */
    private static long liveUpdatesCpu() {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("live-updates-")) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /**
     * The shared account is ours again (sandbox and record), each customer has a new Approved row of
     * it (the previous one stays Removed, as in production), and open notices are dismissed.
     */
    private static void restore(JdbcTemplate jdbc, SandboxWorld world, Seeded seeded, long[] sharedIds) {
        world.addAccounts(Map.of(SHARED_NUMBER, SHARED_NAME), true);
        Timestamp dayAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(1)));
        jdbc.update(
                "UPDATE store_account SET membership = 'MEMBER', membership_missing_count = 0,"
                        + " membership_seen_at = ? WHERE id = ?",
                dayAgo,
                seeded.sharedAccountId());
        jdbc.update(
                "UPDATE customer_notice SET dismissed_at = ? WHERE dismissed_at IS NULL",
                Timestamp.from(Instant.now()));
        List<Object[]> rows = new ArrayList<>();
        for (long customer : seeded.customerIds()) {
            rows.add(new Object[] {
                customer,
                seeded.sharedAccountId(),
                seeded.sharedAccountId(),
                "APPROVED",
                null,
                "DONE",
                dayAgo,
                dayAgo,
                null
            });
        }
        insertIntegrations(jdbc, rows);
        for (int c = 0; c < CUSTOMERS; c++) {
            sharedIds[c] = jdbc.queryForObject(
                    "SELECT id FROM integration WHERE customer_id = ? AND live_account_id = ?",
                    Long.class,
                    seeded.customerIds().get(c),
                    seeded.sharedAccountId());
        }
    }

    private static Seeded seed(JdbcTemplate jdbc, SandboxWorld world) {
        Instant now = Instant.now();
        List<Object[]> users = new ArrayList<>();
        List<String> usernames = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            usernames.add("fanout-customer-" + c);
            users.add(
                    new Object[] {"fanout-customer-" + c, "Fan-out Customer " + c, "{noop}not-a-password", "CUSTOMER"});
        }
        jdbc.batchUpdate(
                "INSERT INTO app_user (username, display_name, password_hash, role) VALUES (?, ?, ?, ?)", users);
        List<Long> customerIds = jdbc.queryForList(
                "SELECT id FROM app_user WHERE username LIKE 'fanout-customer-%' ORDER BY id", Long.class);

        // The shared account, then each customer's own accounts; our user a member of the shared and the Approved ones.
        List<Object[]> accounts = new ArrayList<>();
        Map<String, String> visible = new LinkedHashMap<>();
        accounts.add(new Object[] {SHARED_NUMBER, SHARED_NAME, Timestamp.from(now), "MEMBER", Timestamp.from(now)});
        for (int c = 0; c < CUSTOMERS; c++) {
            for (int k = 0; k < OWN.length; k++) {
                String number = String.valueOf(720_000 + c * 10 + k);
                String name = "Studio " + c + "-" + k;
                boolean member = OWN[k].equals("APPROVED");
                accounts.add(new Object[] {
                    number,
                    name,
                    Timestamp.from(now),
                    member ? "MEMBER" : "UNKNOWN",
                    member ? Timestamp.from(now) : null
                });
                if (member) {
                    visible.put(number, name);
                }
            }
        }
        jdbc.batchUpdate(
                "INSERT INTO store_account (account_number, name, created_at, version, membership,"
                        + " membership_seen_at) VALUES (?, ?, ?, 0, ?, ?)",
                accounts);
        List<Map<String, Object>> ids = jdbc.queryForList(
                "SELECT id, account_number FROM store_account WHERE account_number >= '710000' ORDER BY account_number");
        Map<String, Long> idByNumber = new HashMap<>();
        ids.forEach(row -> idByNumber.put((String) row.get("ACCOUNT_NUMBER"), ((Number) row.get("ID")).longValue()));
        List<Object[]> vendors = new ArrayList<>();
        idByNumber.forEach((number, id) -> vendors.add(new Object[] {id, "9" + number}));
        jdbc.batchUpdate("INSERT INTO store_account_vendor (account_id, vendor_number) VALUES (?, ?)", vendors);
        jdbc.update("UPDATE store_account SET primary_vendor = '9' || account_number WHERE account_number >= '710000'");

        long shared = idByNumber.get(SHARED_NUMBER);
        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            long customer = customerIds.get(c);
            for (int k = 0; k < OWN.length; k++) {
                long account = idByNumber.get(String.valueOf(720_000 + c * 10 + k));
                String status = OWN[k];
                Timestamp connected = Timestamp.from(now.minus(Duration.ofHours(2 + k)));
                rows.add(new Object[] {
                    customer,
                    account,
                    account,
                    status,
                    status.equals("EXPIRED") ? "The invitation was not accepted in time." : null,
                    status.equals("PENDING") ? "WAITING_FOR_INVITATION" : "DONE",
                    connected,
                    connected,
                    status.equals("EXPIRED") ? connected : null
                });
            }
        }
        insertIntegrations(jdbc, rows);
        visible.put(SHARED_NUMBER, SHARED_NAME);
        world.addAccounts(visible, true);
        return new Seeded(customerIds, usernames, shared);
    }

    private static void insertIntegrations(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate(
                "INSERT INTO integration (customer_id, account_id, live_account_id, status, status_reason,"
                        + " progress, credential_kind, connected_at, status_changed_at, last_checked_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'ACCESS_TOKEN', ?, ?, ?, 0)",
                rows);
    }
}
