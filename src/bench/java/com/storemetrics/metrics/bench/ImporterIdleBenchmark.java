package com.storemetrics.metrics.bench;

import static com.storemetrics.bench.BenchmarkSupport.summary;

import com.storemetrics.SandboxControl;
import com.storemetrics.bench.BenchmarkSupport;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.ReportImporter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an importer batch costs when nothing is due (issue 23 section 3): the state every account is
 * in for nearly all of its life once its year is imported, and the batch runs every 3 s on one node.
 * Not a test: a main class, started as docs/benchmarks.md says.
 *
 * <p>Pixel Forge Studio is back-filled over real HTTP by the real importer; {@code bench.accounts}
 * more Approved accounts (one vendor each) get a whole published year written straight to the
 * importer's day table, read just now, so that none of their days is due. Then {@code bench.samples}
 * batches run on this thread after {@code bench.warmup} unmeasured ones, and each must ask Apple for
 * nothing. Prints per batch: statements executed and JDBC time on this thread, wall and CPU time,
 * bytes allocated.
 */
public final class ImporterIdleBenchmark {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 20);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 100);

    private ImporterIdleBenchmark() {}

    public static void main(String[] args) {
        System.out.println(BenchmarkSupport.machine());
        try (ConfigurableApplicationContext context = BenchmarkSupport.startApp("idle")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ReportImporter importer = context.getBean(ReportImporter.class);
            MetricsFixture.serviceUserJoins(
                    new SandboxControl(BenchmarkSupport.port(context)), MetricsFixture.PIXEL_FORGE);
            MetricsFixture.approved(
                    jdbc, "alice", MetricsFixture.PIXEL_FORGE, "Pixel Forge Studio", MetricsFixture.PIXEL_FORGE_VENDOR);
            int backFill = MetricsFixture.importUntilIdle(importer);
            LocalDate today = LocalDate.now(PACIFIC);
            for (int i = 0; i < ACCOUNTS; i++) {
                String vendor = String.valueOf(97_000_000 + i);
                long account = MetricsFixture.approved(jdbc, "alice", String.valueOf(700_000 + i), "Idle " + i, vendor);
                publishedYear(jdbc, account, vendor, today);
            }
            // The first batch after the new approvals starts their imports; from then on nothing is due.
            importer.runBatch();
            measure(importer, backFill);
        }
        System.exit(0);
    }

    private static void publishedYear(JdbcTemplate jdbc, long account, String vendor, LocalDate today) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> days = new ArrayList<>();
        for (int back = 1; back <= 365; back++) {
            days.add(new Object[] {account, vendor, today.minusDays(back), back % 11 == 0 ? "NO_SALES" : "DATA", now});
        }
        jdbc.batchUpdate(
                "INSERT INTO metrics_day_import (account_id, vendor_number, report_date, status, fetched_at, attempts)"
                        + " VALUES (?, ?, ?, ?, ?, 0)",
                days);
    }

    private static void measure(ReportImporter importer, int backFill) {
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> jdbcTime = new ArrayList<>();
        List<Long> statements = new ArrayList<>();
        List<Long> allocated = new ArrayList<>();
        for (int i = -WARMUP; i < SAMPLES; i++) {
            if (i == 0) {
                BenchmarkSupport.JdbcTiming.startProfile();
            }
            long[] j0 = BenchmarkSupport.JdbcTiming.current();
            long a0 = BenchmarkSupport.allocatedBytes();
            long c0 = BenchmarkSupport.cpuNanos();
            long w0 = System.nanoTime();
            ReportImporter.RunResult result = importer.runBatch();
            long w1 = System.nanoTime();
            long[] j1 = BenchmarkSupport.JdbcTiming.current();
            if (result.requests() != 0) {
                throw new IllegalStateException("an idle batch asked Apple: " + result);
            }
            if (i >= 0) {
                wall.add(w1 - w0);
                cpu.add(BenchmarkSupport.cpuNanos() - c0);
                jdbcTime.add(j1[0] - j0[0]);
                statements.add(j1[1] - j0[1]);
                allocated.add(BenchmarkSupport.allocatedBytes() - a0);
            }
        }
        System.out.printf(
                "%n=== idle importer batch: %d accounts with a published year each (Pixel Forge back-filled in %d"
                        + " requests, %d more written), nothing due ===%n",
                ACCOUNTS + 1, backFill, ACCOUNTS);
        System.out.printf(
                "statements per batch: min %d, max %d; JDBC time: %s%n",
                statements.stream().mapToLong(Long::longValue).min().orElse(0),
                statements.stream().mapToLong(Long::longValue).max().orElse(0),
                summary(jdbcTime));
        System.out.printf("wall per batch: %s%nCPU of this thread: %s%n", summary(wall), summary(cpu));
        System.out.printf(
                "allocated per batch: %.0f KB mean; %s%n",
                allocated.stream().mapToLong(Long::longValue).average().orElse(0) / 1024, BenchmarkSupport.load());
        System.out.println("statements over the samples:");
        BenchmarkSupport.JdbcTiming.topStatements(12).forEach(line -> System.out.println("    " + line));
    }
}
