package com.storemetrics.verification.bench;

import static com.storemetrics.bench.BenchmarkSupport.allocatedBytes;
import static com.storemetrics.bench.BenchmarkSupport.mb;
import static com.storemetrics.bench.BenchmarkSupport.summary;

import com.storemetrics.TestDatabases;
import com.storemetrics.appstore.AppleCallAccounting;
import com.storemetrics.appstore.AppleProtocol;
import com.storemetrics.bench.BenchmarkSupport;
import com.storemetrics.bench.BenchmarkSupport.JdbcTiming;
import com.storemetrics.bench.BenchmarkSupport.SandboxRequests;
import com.storemetrics.integration.WatchedAccount;
import com.storemetrics.integration.Watchlist;
import com.storemetrics.sandbox.SandboxWorld;
import com.storemetrics.verification.MembershipCheck;
import com.storemetrics.verification.VerifierSees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #5's figures: what one verifier cycle costs with 10,000 accounts and 10,000 or 100,000
 * integrations. Not a test: a main class that seeds the database with JDBC batches, runs
 * {@code MembershipCheck.run} (real HTTP to the embedded sandbox's Reporter) after warm-up, and prints
 * per cycle the Apple requests, wall time, JDBC time and statements, and allocation; then times
 * the reconciler's two halves on their own and reports the live heap.
 *
 * <p>Two scenarios ({@code bench.scenarios}, default {@code steady,all-missing}):
 * <ul>
 * <li>{@code steady}: the sandbox lists our service user in every account with an Approved
 * integration (added to its world for the run), as in production when nothing changed at Apple:
 * the cycle should write no account or integration row. The harness checks that by comparing the
 * sum of the rows' versions before and after the measured cycles.</li>
 * <li>{@code all-missing}: the sandbox lists none of the seeded accounts, so every cycle sees every
 * member account missing; before each cycle the seeded membership is restored (outside the timing),
 * so each cycle changes 9,500 accounts from MEMBER to MISSING: the worst case, a state change for
 * every account, and what every cycle cost before the steady state wrote nothing.</li>
 * </ul>
 *
 * <p>System properties: {@code bench.integrations} (comma-separated, default {@code 10000,100000}),
 * {@code bench.accounts} (10000), {@code bench.customers} (1000), {@code bench.warmup} (10),
 * {@code bench.cycles} (20), {@code bench.db} ({@code mem}, or {@code file} for the production
 * default: an HSQLDB file database under {@code target/bench-db} with {@code write_delay=false}),
 * {@code bench.app-args} (extra application arguments, space-separated, e.g. to try
 * {@code --spring.jpa.properties.hibernate.jdbc.batch_size=100}).
 */
public final class VerifierCycleBenchmark {

    private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 10_000);
    private static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);
    private static final int CYCLES = Integer.getInteger("bench.cycles", 20);
    /** Every 20th account is new: its integrations are Pending, our membership there is unknown. */
    private static final int PENDING_EVERY = 20;
    /** {@code -Dbench.db=file}: the production default database (HSQLDB file, write_delay=false) instead of memory. */
    private static final boolean FILE_DB = "file".equals(System.getProperty("bench.db", "mem"));

    private VerifierCycleBenchmark() {}

    public static void main(String[] args) {
        System.out.println(BenchmarkSupport.machine());
        for (String size :
                System.getProperty("bench.integrations", "10000,100000").split(",")) {
            for (String scenario :
                    System.getProperty("bench.scenarios", "steady,all-missing").split(",")) {
                run(Integer.parseInt(size.trim()), scenario.trim());
            }
        }
        System.exit(0);
    }

    private static void run(int integrations, String scenario) {
        boolean steady = switch (scenario) {
            case "steady" -> true;
            case "all-missing" -> false;
            default -> throw new IllegalArgumentException("bench.scenarios: steady or all-missing, not " + scenario);
        };
        System.out.printf(
                "%n=== Verifier cycle (%s): %,d accounts, %,d integrations, %,d customers ===%n",
                scenario, ACCOUNTS, integrations, CUSTOMERS);
        Path fileDb = FILE_DB ? Path.of("target", "bench-db", "verifier-" + UUID.randomUUID()) : null;
        List<String> args = new ArrayList<>();
        if (FILE_DB) {
            args.add("--spring.datasource.url=jdbc:hsqldb:file:" + fileDb.resolve("db") + ";hsqldb.write_delay=false");
        }
        String extra = System.getProperty("bench.app-args", "").strip();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
            System.out.println("application arguments: " + extra);
        }
        System.out.println("database: "
                + (TestDatabases.onPostgres()
                        ? "embedded PostgreSQL 17 (-Dstoremetrics.test.database=postgresql; fsync and synchronous_commit off, as in the tests)"
                        : FILE_DB
                                ? "HSQLDB file (the production default, write_delay=false) in " + fileDb
                                : "HSQLDB in memory (as the tests)"));
        try (ConfigurableApplicationContext context =
                BenchmarkSupport.startApp("verifier", args.toArray(String[]::new))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long seedStart = System.nanoTime();
            seed(jdbc, integrations);
            System.out.printf(
                    "seeded in %.1f s: %s%n",
                    (System.nanoTime() - seedStart) / 1e9,
                    jdbc.queryForList("SELECT status, COUNT(*) AS n FROM integration GROUP BY status ORDER BY status"));

            Map<String, String> visible = steady ? approvedAccounts() : Map.of();
            context.getBean(SandboxWorld.class).addAccounts(visible, true);
            MembershipCheck check = context.getBean(MembershipCheck.class);
            AppleCallAccounting accounting = context.getBean(AppleCallAccounting.class);
            int activeBefore = countActive(jdbc);
            long[] versionsBefore = null;

            List<Long> wall = new ArrayList<>();
            List<Long> cpu = new ArrayList<>();
            List<Long> jdbcTime = new ArrayList<>();
            List<Long> statements = new ArrayList<>();
            List<Long> allocated = new ArrayList<>();
            List<long[]> requests = new ArrayList<>();
            List<Long> logWrites = new ArrayList<>();
            int checkpoints = 0;
            for (int cycle = -WARMUP; cycle < CYCLES; cycle++) {
                if (!steady) {
                    restoreMembership(jdbc);
                }
                if (cycle == 0) {
                    versionsBefore = versions(jdbc);
                }
                int reporter0 = accounting.requestsInLastHour(AppleProtocol.REPORTER);
                int api0 = accounting.requestsInLastHour(AppleProtocol.APP_STORE_CONNECT_API);
                long[] sandbox0 = SandboxRequests.snapshot();
                long[] jdbc0 = JdbcTiming.current();
                long log0 = FILE_DB ? logBytes(fileDb) : 0;
                long alloc0 = allocatedBytes();
                long cpu0 = BenchmarkSupport.cpuNanos();
                long start = System.nanoTime();
                MembershipCheck.CycleResult result = check.run("bench");
                long elapsed = System.nanoTime() - start;
                long cpuUsed = BenchmarkSupport.cpuNanos() - cpu0;
                long logGrowth = FILE_DB ? logBytes(fileDb) - log0 : 0;
                long alloc = allocatedBytes() - alloc0;
                long[] jdbc1 = JdbcTiming.current();
                long[] sandbox1 = SandboxRequests.snapshot();
                int reporter = accounting.requestsInLastHour(AppleProtocol.REPORTER) - reporter0;
                int api = accounting.requestsInLastHour(AppleProtocol.APP_STORE_CONNECT_API) - api0;
                if (result != MembershipCheck.CycleResult.CHECKED) {
                    throw new IllegalStateException("cycle " + cycle + " did not check: " + result);
                }
                System.out.printf(
                        "%s %3d: %7.1f ms wall, %7.1f ms CPU, %7.1f ms in JDBC (%,d statements), %s allocated;"
                                + " Apple requests: Reporter %d, API %d; sandbox requests: reporter %d, api %d, control %d%n",
                        cycle < 0 ? "warm-up" : "cycle  ",
                        cycle,
                        elapsed / 1e6,
                        cpuUsed / 1e6,
                        (jdbc1[0] - jdbc0[0]) / 1e6,
                        jdbc1[1] - jdbc0[1],
                        mb(alloc),
                        reporter,
                        api,
                        sandbox1[0] - sandbox0[0],
                        sandbox1[1] - sandbox0[1],
                        sandbox1[2] - sandbox0[2]);
                if (FILE_DB) {
                    System.out.println(
                            logGrowth >= 0
                                    ? "          database log +" + kb(logGrowth)
                                    : "          database log shrank: HSQLDB checkpointed (rewrote the whole database) in this cycle");
                }
                if (cycle >= 0) {
                    if (FILE_DB) {
                        if (logGrowth >= 0) {
                            logWrites.add(logGrowth);
                        } else {
                            checkpoints++;
                        }
                    }
                    wall.add(elapsed);
                    cpu.add(cpuUsed);
                    jdbcTime.add(jdbc1[0] - jdbc0[0]);
                    statements.add(jdbc1[1] - jdbc0[1]);
                    allocated.add(alloc);
                    requests.add(new long[] {reporter, api});
                }
            }
            if (FILE_DB) {
                System.out.printf(
                        "database log written per cycle: %s (median of cycles without checkpoint);"
                                + " %d of %d measured cycles checkpointed; files now %s%n",
                        logWrites.isEmpty()
                                ? "-"
                                : kb(logWrites.stream().sorted().toList().get(logWrites.size() / 2)),
                        checkpoints,
                        CYCLES,
                        mb(diskBytes(fileDb)));
            }
            if (countActive(jdbc) != activeBefore) {
                throw new IllegalStateException("cycles changed statuses; the figures are not comparable");
            }
            long[] versionsAfter = versions(jdbc);
            System.out.printf(
                    "rows changed by the %d measured cycles (sum of row versions): accounts %,d, integrations %,d%n",
                    CYCLES, versionsAfter[0] - versionsBefore[0], versionsAfter[1] - versionsBefore[1]);
            System.out.println(
                    "--- " + integrations + " integrations, " + CYCLES + " cycles after " + WARMUP + " warm-up:");
            System.out.println("cycle wall time:  " + summary(wall) + "; " + BenchmarkSupport.load());
            System.out.println("cycle CPU (thread): " + summary(cpu));
            System.out.println("JDBC time:        " + summary(jdbcTime));
            System.out.printf("JDBC statements:  %,d per cycle%n", statements.get(0));
            System.out.printf(
                    "allocated:        %s per cycle (median)%n",
                    mb(allocated.stream().sorted().toList().get(allocated.size() / 2)));
            System.out.printf(
                    "Apple requests:   Reporter %s, API %s per cycle%n",
                    requests.stream().map(r -> r[0]).distinct().toList(),
                    requests.stream().map(r -> r[1]).distinct().toList());

            reconcilerAlone(context, jdbc, steady, visible);

            long heap = BenchmarkSupport.usedHeapAfterGc();
            long live = BenchmarkSupport.liveHistogram().get("TOTAL")[1];
            System.out.printf(
                    "heap after the cycles: %s used after System.gc() x4 (MemoryMXBean), %s live (class histogram)%n",
                    mb(heap), mb(live));
        }
    }

    /** The two reconciler calls a cycle makes, timed on their own with an observation like the sandbox's. */
    private static void reconcilerAlone(
            ConfigurableApplicationContext context, JdbcTemplate jdbc, boolean steady, Map<String, String> visible) {
        Watchlist watchlist = context.getBean(Watchlist.class);
        List<Long> watchedWall = new ArrayList<>();
        List<Long> watchedCpu = new ArrayList<>();
        List<Long> reconcileCpu = new ArrayList<>();
        List<Long> watchedJdbc = new ArrayList<>();
        List<Long> reconcileWall = new ArrayList<>();
        List<Long> reconcileJdbc = new ArrayList<>();
        long watchedStatements = 0;
        long reconcileStatements = 0;
        int watchedCount = 0;
        String outcome = null;
        for (int i = -WARMUP; i < CYCLES; i++) {
            if (!steady) {
                restoreMembership(jdbc);
            }
            JdbcTiming.startProfile();
            long[] j0 = JdbcTiming.current();
            long c0 = BenchmarkSupport.cpuNanos();
            long t0 = System.nanoTime();
            List<WatchedAccount> watched = watchlist.watched(Instant.now()).accounts();
            long t1 = System.nanoTime();
            long c1 = BenchmarkSupport.cpuNanos();
            long[] j1 = JdbcTiming.current();
            long c1b = BenchmarkSupport.cpuNanos();
            long t1b = System.nanoTime();
            outcome = VerifierSees.memberships(context, Instant.now(), visible);
            long t2 = System.nanoTime();
            long c2 = BenchmarkSupport.cpuNanos();
            long[] j2 = JdbcTiming.current();
            if (i >= 0) {
                watchedWall.add(t1 - t0);
                watchedJdbc.add(j1[0] - j0[0]);
                reconcileWall.add(t2 - t1b);
                watchedCpu.add(c1 - c0);
                reconcileCpu.add(c2 - c1b);
                reconcileJdbc.add(j2[0] - j1[0]);
                watchedStatements = j1[1] - j0[1];
                reconcileStatements = j2[1] - j1[1];
                watchedCount = watched.size();
            }
        }
        System.out.printf("watchedAccounts() alone (%,d accounts): wall %s%n", watchedCount, summary(watchedWall));
        System.out.printf("                   CPU %s%n", summary(watchedCpu));
        System.out.printf("                   JDBC %s, %,d statements%n", summary(watchedJdbc), watchedStatements);
        System.out.println("statements of the last watchedAccounts() + reconcile(), by execution time:");
        JdbcTiming.topStatements(8).forEach(line -> System.out.println("  " + line));
        System.out.printf("reconcile() alone (%s): wall %s%n", outcome, summary(reconcileWall));
        System.out.printf("                   CPU %s%n", summary(reconcileCpu));
        System.out.printf("                   JDBC %s, %,d statements%n", summary(reconcileJdbc), reconcileStatements);
    }

    private static String kb(long bytes) {
        return String.format("%,.1f KB", bytes / 1024.0);
    }

    /** HSQLDB's redo log ({@code db.log}): every committed change is appended, until a checkpoint. */
    private static long logBytes(Path directory) {
        return directory.resolve("db.log").toFile().length();
    }

    private static long diskBytes(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every seeded account with Approved integrations (all but every 20th), number to name, as seeded. */
    private static Map<String, String> approvedAccounts() {
        Map<String, String> accounts = new LinkedHashMap<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            if (a % PENDING_EVERY != 0) {
                accounts.put(String.valueOf(300_000 + a), "Bench Studio " + a);
            }
        }
        return accounts;
    }

    /** Sums of the optimistic-lock versions: every row write adds one. */
    private static long[] versions(JdbcTemplate jdbc) {
        return new long[] {
            jdbc.queryForObject("SELECT COALESCE(SUM(version), 0) FROM store_account", Long.class),
            jdbc.queryForObject("SELECT COALESCE(SUM(version), 0) FROM integration", Long.class)
        };
    }

    private static int countActive(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM integration WHERE status = 'APPROVED'", Integer.class);
    }

    /** The seeded membership: accounts with an Approved integration are MEMBER, never missed. */
    private static void restoreMembership(JdbcTemplate jdbc) {
        jdbc.update("UPDATE store_account SET membership = 'MEMBER', membership_missing_count = 0"
                + " WHERE id IN (SELECT account_id FROM integration WHERE status = 'APPROVED')");
    }

    private static void seed(JdbcTemplate jdbc, int integrations) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> users = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            users.add(new Object[] {"bench-customer-" + c, "Bench Customer " + c, "{noop}not-a-password", "CUSTOMER"});
        }
        jdbc.batchUpdate(
                "INSERT INTO app_user (username, display_name, password_hash, role) VALUES (?, ?, ?, ?)", users);
        List<Long> customerIds = jdbc.queryForList(
                "SELECT id FROM app_user WHERE username LIKE 'bench-customer-%' ORDER BY id", Long.class);

        List<Object[]> accounts = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            accounts.add(new Object[] {
                String.valueOf(300_000 + a),
                "Bench Studio " + a,
                now,
                a % PENDING_EVERY == 0 ? "UNKNOWN" : "MEMBER",
                a % PENDING_EVERY == 0 ? null : now
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO store_account (account_number, name, created_at, version, membership,"
                        + " membership_seen_at) VALUES (?, ?, ?, 0, ?, ?)",
                accounts);
        List<Long> accountIds = jdbc.queryForList(
                "SELECT id FROM store_account WHERE account_number >= '300000' ORDER BY account_number", Long.class);
        List<Object[]> vendors = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            vendors.add(new Object[] {accountIds.get(a), String.valueOf(90_000_000 + a)});
        }
        jdbc.batchUpdate("INSERT INTO store_account_vendor (account_id, vendor_number) VALUES (?, ?)", vendors);

        // Integration i is of account i % ACCOUNTS; the k-th customer of an account is distinct for k < 10.
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < integrations; i++) {
            int a = i % ACCOUNTS;
            int k = i / ACCOUNTS;
            long customer = customerIds.get((a + k * 101) % CUSTOMERS);
            boolean pending = a % PENDING_EVERY == 0;
            long account = accountIds.get(a);
            rows.add(new Object[] {
                customer,
                account,
                account,
                pending ? "PENDING" : "APPROVED",
                pending ? "WAITING_FOR_INVITATION" : "DONE",
                now,
                now
            });
            if (rows.size() == 5_000) {
                insertIntegrations(jdbc, rows);
                rows.clear();
            }
        }
        insertIntegrations(jdbc, rows);
    }

    private static void insertIntegrations(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate(
                "INSERT INTO integration (customer_id, account_id, live_account_id, status, progress,"
                        + " credential_kind, connected_at, status_changed_at, version) VALUES (?, ?, ?, ?, ?, 'ACCESS_TOKEN', ?, ?, 0)",
                rows);
    }
}
