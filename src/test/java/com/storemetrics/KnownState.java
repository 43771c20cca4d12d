package com.storemetrics;

import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.storemetrics.base.NodeLocalState;
import com.storemetrics.base.ui.BackgroundCalls;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Puts every shared, stateful thing a Spring test can touch back to a known state before each test,
 * whatever ran before it (Surefire runs the classes in random order): the one place that does so.
 *
 * <ol>
 *   <li>Background work stops: db-scheduler's waiting executions move an hour out, running ones
 *       finish, one-time ones ("check soon", "import soon") go; each recurring one (the verifier's
 *       check, the importer's batch) runs next when its schedule says, as after a run that just ended.
 *   <li>Every table holds what it held right after the migrations ran (their seeded rows, e.g. the
 *       verifier's health row), plus the demo users the start-up seeded; nothing else. New tables
 *       are covered without being named here.
 *   <li>Calls to Apple that views started in the background have ended. The application's clock
 *       is real time again; the sandbox is back to its seeded world (its clock, faults, rate
 *       limit, required report versions; a request still in a fault's delay is dropped); every
 *       {@link NodeLocalState} bean (what this node keeps in memory only: Apple requests in the
 *       last hour, learned report versions, minted tokens, ...) is cleared. After the test, the
 *       test thread has nobody signed in.
 * </ol>
 */
public final class KnownState implements BeforeEachCallback, AfterEachCallback {

    /** Tables whose rows the start-up writes after the migrations: the demo users (DemoUserSeeder). */
    private static final Set<String> SEEDED_AT_START_UP = Set.of("app_user");

    private static final Set<String> NOT_RESTORED = Set.of("flyway_schema_history", "scheduled_tasks");
    private static final Duration OUT_OF_THE_WAY = Duration.ofHours(1);

    @Override
    public void beforeEach(ExtensionContext extension) {
        restore(SpringExtension.getApplicationContext(extension));
    }

    /**
     * The test thread's signed-in user goes with the test (not before it: Spring Security's
     * {@code @WithUserDetails} signs in before this extension's {@code beforeEach} runs).
     */
    @Override
    public void afterEach(ExtensionContext extension) {
        SignIn.securityOf(SpringExtension.getApplicationContext(extension)).clearContext();
        SecurityContextHolder.clearContext();
    }

    /** Restores the known state of one application context and its database (see the class comment). */
    public static void restore(ApplicationContext context) {
        // Every context the JVM started made its own strategy the global one: this test's context's is.
        SecurityContextHolder.setContextHolderStrategy(SignIn.securityOf(context));
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        stopBackgroundWork(jdbc);
        context.getBean(SeededRows.class).restore(jdbc);
        scheduleRecurringTasksAsTheirSchedulesSay(context, jdbc);
        restoreNode(context);
    }

    /**
     * Restores what one node keeps outside the database: its clock, its sandbox (if it runs one) and
     * its {@link NodeLocalState}. For a second node on a database that {@link #restore} restored.
     */
    public static void restoreNode(ApplicationContext context) {
        awaitBackgroundCallsEnded(context);
        context.getBean(TestClock.class).reset();
        Environment environment = context.getEnvironment();
        if (environment.getProperty("storemetrics.sandbox.enabled", Boolean.class, false)) {
            new SandboxControl(environment.getRequiredProperty("local.server.port", Integer.class)).reset();
        }
        context.getBeansOfType(NodeLocalState.class).values().forEach(NodeLocalState::clear);
    }

    /**
     * A view's call to Apple still running from the test before (a dialog closed while it checked a
     * key) would otherwise reach the freshly reset sandbox, acting on it and counting against its budget.
     */
    private static void awaitBackgroundCallsEnded(ApplicationContext context) {
        if (!context.containsBean(BackgroundCalls.THREADS)) {
            return;
        }
        ThreadPoolTaskExecutor calls = context.getBean(BackgroundCalls.THREADS, ThreadPoolTaskExecutor.class);
        await("every background call of a view to end")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> calls.getActiveCount() == 0 && calls.getQueueSize() == 0);
    }

    private static void stopBackgroundWork(JdbcTemplate jdbc) {
        // Nothing new is picked once every waiting execution is an hour out; then the running ones end.
        postponeWaitingExecutions(jdbc);
        await("every running db-scheduler execution to finish")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() ->
                        jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE picked = TRUE", Integer.class)
                                == 0);
        jdbc.update("DELETE FROM scheduled_tasks WHERE picked = FALSE AND task_instance <> ?", RecurringTask.INSTANCE);
        // A recurring execution that finished meanwhile scheduled its next run: out of the way too.
        postponeWaitingExecutions(jdbc);
        jdbc.update("UPDATE scheduled_tasks SET consecutive_failures = 0, last_failure = NULL WHERE picked = FALSE");
    }

    private static void postponeWaitingExecutions(JdbcTemplate jdbc) {
        jdbc.update(
                "UPDATE scheduled_tasks SET execution_time = ? WHERE picked = FALSE",
                Timestamp.from(Instant.now().plus(OUT_OF_THE_WAY)));
    }

    /**
     * Each recurring task (the verifier's check, the importer's batch) runs next when its own schedule
     * says it would after a run that ended now, on the restored tables: an hour out with the test
     * profile's intervals, sooner in a test context that asks for a shorter interval.
     */
    private static void scheduleRecurringTasksAsTheirSchedulesSay(ApplicationContext context, JdbcTemplate jdbc) {
        Instant now = Instant.now();
        for (RecurringTask<?> task : context.getBeansOfType(RecurringTask.class).values()) {
            Instant next = scheduleOf(task).getNextExecutionTime(ExecutionComplete.simulatedSuccess(now));
            jdbc.update(
                    "UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ? AND task_instance = ?"
                            + " AND picked = FALSE",
                    Timestamp.from(next),
                    task.getName(),
                    RecurringTask.INSTANCE);
        }
    }

    /** db-scheduler keeps a recurring task's schedule to itself; the tests read it to restore the next run. */
    private static Schedule scheduleOf(RecurringTask<?> task) {
        try {
            Field schedule = RecurringTask.class.getDeclaredField("schedule");
            schedule.setAccessible(true);
            return (Schedule) schedule.get(task);
        } catch (ReflectiveOperationException changedLibrary) {
            throw new IllegalStateException(
                    "db-scheduler's RecurringTask no longer has a 'schedule' field", changedLibrary);
        }
    }

    /**
     * The rows every table held right after Flyway migrated (read before anything else runs), plus
     * the demo users, read at the first restore (the start-up seeds them after the migrations).
     */
    public static final class SeededRows implements FlywayMigrationStrategy {

        private record Table(String name, List<String> columns, List<List<Object>> rows) {}

        private List<String> deleteOrder = List.of();
        private final Map<String, Table> seeded = new LinkedHashMap<>();
        private boolean startUpRowsRead;

        @Override
        public void migrate(Flyway flyway) {
            flyway.migrate();
            DataSource dataSource = flyway.getConfiguration().getDataSource();
            try (Connection connection = dataSource.getConnection()) {
                deleteOrder = childrenFirst(connection);
                for (String table : deleteOrder) {
                    Table rows = read(connection, table);
                    if (!rows.rows().isEmpty()) {
                        seeded.put(table, rows);
                    }
                }
            } catch (SQLException failure) {
                throw new IllegalStateException("Could not read the seeded rows after the migrations", failure);
            }
        }

        synchronized void restore(JdbcTemplate jdbc) {
            jdbc.execute((Connection connection) -> {
                if (!startUpRowsRead) {
                    for (String table : deleteOrder) {
                        if (SEEDED_AT_START_UP.contains(table.toLowerCase(Locale.ROOT))) {
                            seeded.put(table, read(connection, table));
                        }
                    }
                    startUpRowsRead = true;
                }
                try (Statement statement = connection.createStatement()) {
                    for (String table : deleteOrder) {
                        statement.executeUpdate("DELETE FROM " + table);
                    }
                }
                for (String table : reversed(deleteOrder)) {
                    Table rows = seeded.get(table);
                    if (rows != null) {
                        insert(connection, rows);
                    }
                }
                return null;
            });
        }

        private static Table read(Connection connection, String table) throws SQLException {
            List<String> columns = new ArrayList<>();
            List<List<Object>> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData meta = result.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(result.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return new Table(table, columns, rows);
        }

        private static void insert(Connection connection, Table table) throws SQLException {
            String sql = "INSERT INTO " + table.name() + " (" + String.join(", ", table.columns()) + ") VALUES ("
                    + String.join(", ", table.columns().stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (List<Object> row : table.rows()) {
                    for (int i = 0; i < row.size(); i++) {
                        insert.setObject(i + 1, row.get(i));
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        /** The application's tables (all but Flyway's and db-scheduler's), each after the tables referring to it. */
        private static List<String> childrenFirst(Connection connection) throws SQLException {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            Set<String> tables = new LinkedHashSet<>();
            try (ResultSet result = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (result.next()) {
                    String name = result.getString("TABLE_NAME");
                    if (!NOT_RESTORED.contains(name.toLowerCase(Locale.ROOT))) {
                        tables.add(name);
                    }
                }
            }
            Map<String, Set<String>> parentsOf = new LinkedHashMap<>();
            for (String table : tables) {
                Set<String> parents = new LinkedHashSet<>();
                try (ResultSet keys = meta.getImportedKeys(null, schema, table)) {
                    while (keys.next()) {
                        String parent = keys.getString("PKTABLE_NAME");
                        if (!parent.equals(table)) {
                            parents.add(parent);
                        }
                    }
                }
                parentsOf.put(table, parents);
            }
            // Parents first (a table once all its parents are listed), then reversed: children first.
            List<String> parentsFirst = new ArrayList<>();
            while (parentsFirst.size() < tables.size()) {
                boolean progress = false;
                for (String table : tables) {
                    if (!parentsFirst.contains(table) && parentsFirst.containsAll(parentsOf.get(table))) {
                        parentsFirst.add(table);
                        progress = true;
                    }
                }
                if (!progress) {
                    throw new IllegalStateException("Foreign keys form a cycle among " + tables);
                }
            }
            return reversed(parentsFirst);
        }

        private static List<String> reversed(List<String> tables) {
            List<String> reversed = new ArrayList<>(tables);
            Collections.reverse(reversed);
            return reversed;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        SeededRows seededRows() {
            return new SeededRows();
        }
    }
}
