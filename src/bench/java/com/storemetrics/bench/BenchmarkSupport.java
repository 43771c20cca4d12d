package com.storemetrics.bench;

import com.storemetrics.Application;
import com.storemetrics.KnownState;
import com.storemetrics.TestClock;
import com.sun.management.ThreadMXBean;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import javax.management.ObjectName;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * What the benchmark harnesses share: starting the application the way the tests do (profile
 * {@code test}, random port, own in-memory database), a JDBC timer, a sandbox request counter,
 * percentiles and heap figures. Deliberately no Spring stereotype annotations anywhere under
 * {@code bench}: the application's component scan covers {@code com.storemetrics}, and the test
 * contexts would otherwise pick these classes up.
 */
public final class BenchmarkSupport {

    private BenchmarkSupport() {}

    /**
     * Starts the application with the {@code test} profile (recurring verifier every hour, so no
     * background cycle interferes), a fresh in-memory database (unless {@code extraArgs} names
     * another {@code --spring.datasource.url}), a random port, warn-level logging, the JDBC timer
     * around the pool and the sandbox request counter.
     */
    public static ConfigurableApplicationContext startApp(String name, String... extraArgs) {
        List<String> args = new ArrayList<>(
                List.of("--server.port=0", "--logging.level.root=warn", "--spring.main.banner-mode=off"));
        if (Arrays.stream(extraArgs).noneMatch(arg -> arg.startsWith("--spring.datasource.url="))) {
            args.add("--spring.datasource.url=jdbc:hsqldb:mem:bench-" + name + "-" + UUID.randomUUID());
        }
        args.addAll(Arrays.asList(extraArgs));
        // The test clock and KnownState's seeded rows, so a harness can restore the known state between runs.
        return new SpringApplicationBuilder(Application.class, TestClock.Config.class, KnownState.Config.class)
                .profiles("test")
                .initializers(context -> {
                    context.getBeanFactory().addBeanPostProcessor(new JdbcTimingPostProcessor());
                    ((GenericApplicationContext) context)
                            .registerBean("benchSandboxRequestCounter", FilterRegistrationBean.class, () -> {
                                FilterRegistrationBean<Filter> registration =
                                        new FilterRegistrationBean<>(SandboxRequests.FILTER);
                                registration.addUrlPatterns("/sandbox/apple/*");
                                return registration;
                            });
                })
                .run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** One line describing where the figures come from. */
    public static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return "machine: " + runtime.availableProcessors() + " cores (shared with other engineers' builds), Java "
                + System.getProperty("java.version") + ", max heap " + runtime.maxMemory() / (1024 * 1024) + " MB, GC "
                + ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(gc -> gc.getName())
                        .toList();
    }

    // ---------------------------------------------------------------- statistics

    /** Nearest-rank percentile of nanosecond samples, in milliseconds. */
    public static double percentileMillis(List<Long> nanos, double percentile) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    public static double maxMillis(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }

    public static double meanMillis(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    }

    public static String summary(List<Long> nanos) {
        return String.format(
                "p50 %.1f ms, p95 %.1f ms, max %.1f ms, mean %.1f ms (n=%d)",
                percentileMillis(nanos, 50),
                percentileMillis(nanos, 95),
                maxMillis(nanos),
                meanMillis(nanos),
                nanos.size());
    }

    // ---------------------------------------------------------------- heap

    /** Heap in use after several full collections (MemoryMXBean), in bytes. */
    public static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * The live-object class histogram ({@code jcmd <pid> GC.class_histogram}, through the
     * DiagnosticCommand MBean): it runs a full GC first and counts only reachable objects, so its
     * total is the live heap. Bytes per class name, plus "TOTAL".
     */
    public static Map<String, long[]> liveHistogram() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            Map<String, long[]> byClass = new HashMap<>();
            for (String line : text.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 4 && parts[0].endsWith(":")) {
                    byClass.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                } else if (parts.length == 3 && parts[0].equals("Total")) {
                    byClass.put("TOTAL", new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                }
            }
            return byClass;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the class histogram", e);
        }
    }

    /** The classes that grew most between two histograms: "bytes instances class" lines. */
    public static List<String> topGrowth(
            Map<String, long[]> before, Map<String, long[]> after, int limit, int divideBy) {
        return after.entrySet().stream()
                .filter(e -> !e.getKey().equals("TOTAL"))
                .map(e -> Map.entry(e.getKey(), new long[] {
                    e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                    e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]
                }))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(limit)
                .map(e -> String.format(
                        "%10.1f KB %8.1f objects  %s",
                        e.getValue()[1] / 1024.0 / divideBy, e.getValue()[0] / (double) divideBy, e.getKey()))
                .toList();
    }

    /** CPU time used so far by the current thread, in nanoseconds. */
    public static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The one-minute load average: other engineers' builds share the 2 cores. */
    public static String load() {
        return String.format(
                "load average %.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Bytes allocated so far by the current thread (HotSpot's per-thread allocation counter). */
    public static long allocatedBytes() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** The text gzipped, as Apple serves its reports. */
    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static String mb(long bytes) {
        return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- JDBC timing

    /**
     * Time spent inside JDBC calls on connections and statements (prepare, parameter binding,
     * execute, commit, close; HSQLDB compiles SQL in {@code prepareStatement}) and the number of
     * statement executions, per thread: the harness reads its own thread's figures, so
     * db-scheduler's polling and other threads do not count. HSQLDB in memory materialises results
     * during execution, so this is nearly all the database's own work; Hibernate's hydration, dirty
     * checking and flush bookkeeping are not in it. Result-set reads are not wrapped.
     */
    public static final class JdbcTiming {
        private static final ThreadLocal<long[]> STATS = ThreadLocal.withInitial(() -> new long[2]);
        private static final AtomicLong ALL_STATEMENTS = new AtomicLong();

        private JdbcTiming() {}

        /** {nanos in execute*, executions} of the current thread so far. */
        public static long[] current() {
            long[] stats = STATS.get();
            return new long[] {stats[0], stats[1]};
        }

        public static long allThreadsStatements() {
            return ALL_STATEMENTS.get();
        }

        private static final ThreadLocal<Map<String, long[]>> PROFILE = ThreadLocal.withInitial(HashMap::new);

        /** Starts collecting execution time per SQL text on the current thread, from empty. */
        public static void startProfile() {
            PROFILE.get().clear();
        }

        /** Every thread's executions per SQL text, counted since {@link #startAllThreadsProfile}. */
        private static final Map<String, long[]> ALL_PROFILE = new ConcurrentHashMap<>();

        /** Starts collecting execution time per SQL text on every thread, from empty. */
        public static void startAllThreadsProfile() {
            ALL_PROFILE.clear();
        }

        /**
         * The statements that took longest since {@link #startProfile} (prepare plus execute):
         * "ms  executions  sql" lines.
         */
        public static List<String> topStatements(int limit) {
            return top(PROFILE.get(), limit);
        }

        /** As {@link #topStatements}, on every thread since {@link #startAllThreadsProfile}. */
        public static List<String> topStatementsAllThreads(int limit) {
            return top(ALL_PROFILE, limit);
        }

        private static List<String> top(Map<String, long[]> profile, int limit) {
            return profile.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .limit(limit)
                    .map(e -> String.format(
                            "%9.1f ms %7d x  %s",
                            e.getValue()[0] / 1e6,
                            e.getValue()[1],
                            e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "..." : e.getKey()))
                    .toList();
        }

        static void profile(String sql, long nanos, boolean execution) {
            long[] entry = PROFILE.get().computeIfAbsent(sql, key -> new long[2]);
            entry[0] += nanos;
            if (execution) {
                entry[1]++;
            }
            long[] shared = ALL_PROFILE.computeIfAbsent(sql, key -> new long[2]);
            synchronized (shared) {
                shared[0] += nanos;
                if (execution) {
                    shared[1]++;
                }
            }
        }

        static void time(long nanos) {
            STATS.get()[0] += nanos;
        }

        static void executed() {
            STATS.get()[1]++;
            ALL_STATEMENTS.incrementAndGet();
        }
    }

    static final class JdbcTimingPostProcessor implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource && !(bean instanceof TimingDataSource)) {
                return new TimingDataSource(dataSource);
            }
            return bean;
        }
    }

    static final class TimingDataSource extends DelegatingDataSource {
        TimingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        private static Connection wrap(Connection connection) {
            return (Connection) Proxy.newProxyInstance(
                    BenchmarkSupport.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    new ConnectionHandler(connection));
        }
    }

    private record ConnectionHandler(Connection target) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            long start = System.nanoTime();
            String sql = method.getName().startsWith("prepare") && args[0] instanceof String text ? text : null;
            Object result;
            try {
                result = invokeOn(target, method, args);
            } finally {
                long nanos = System.nanoTime() - start;
                JdbcTiming.time(nanos);
                if (sql != null) {
                    // HSQLDB compiles the statement here, every time (pooled connections cache nothing).
                    JdbcTiming.profile(sql, nanos, false);
                }
            }
            if (result instanceof CallableStatement statement) {
                return proxy(CallableStatement.class, statement, sql);
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, statement, sql);
            }
            if (result instanceof Statement statement) {
                return proxy(Statement.class, statement, sql);
            }
            return result;
        }

        private static Object proxy(Class<? extends Statement> type, Statement statement, String sql) {
            return Proxy.newProxyInstance(
                    BenchmarkSupport.class.getClassLoader(),
                    new Class<?>[] {type},
                    new StatementHandler(statement, sql));
        }
    }

    private record StatementHandler(Statement target, String sql) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            long start = System.nanoTime();
            try {
                return invokeOn(target, method, args);
            } finally {
                long nanos = System.nanoTime() - start;
                JdbcTiming.time(nanos);
                if (method.getName().startsWith("execute")) {
                    JdbcTiming.executed();
                    String text = sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
                    JdbcTiming.profile(text, nanos, true);
                }
            }
        }
    }

    private static Object invokeOn(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    // ---------------------------------------------------------------- sandbox requests

    /** Requests that reached the embedded sandbox, by protocol (counted by a servlet filter). */
    public static final class SandboxRequests {
        static final AtomicLong REPORTER = new AtomicLong();
        static final AtomicLong API = new AtomicLong();
        static final AtomicLong CONTROL = new AtomicLong();

        static final AtomicLong REPORTER_NANOS = new AtomicLong();
        static final AtomicLong CONTROL_NANOS = new AtomicLong();

        static final Filter FILTER = (request, response, chain) -> {
            String path = ((HttpServletRequest) request).getRequestURI();
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                long nanos = System.nanoTime() - start;
                if (path.startsWith("/sandbox/apple/reportservice")) {
                    REPORTER.incrementAndGet();
                    REPORTER_NANOS.addAndGet(nanos);
                } else if (path.startsWith("/sandbox/apple/control")) {
                    CONTROL.incrementAndGet();
                    CONTROL_NANOS.addAndGet(nanos);
                } else if (path.startsWith("/sandbox/apple/v1")) {
                    API.incrementAndGet();
                }
            }
        };

        private SandboxRequests() {}

        /** {reporter, api, control} requests so far (counted when answered). */
        public static long[] snapshot() {
            return new long[] {REPORTER.get(), API.get(), CONTROL.get()};
        }

        /** {reporter, control} server-side handling time so far, in nanoseconds. */
        public static long[] handlingNanos() {
            return new long[] {REPORTER_NANOS.get(), CONTROL_NANOS.get()};
        }
    }
}
