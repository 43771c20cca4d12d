package com.storemetrics;

import com.storemetrics.base.cluster.CrossNodeSignals;
import com.storemetrics.base.cluster.PostgresSignals;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two app nodes (two Spring contexts on random ports) on one embedded PostgreSQL database, as the
 * production set-up runs them behind a load balancer. Node A runs the embedded App Store Connect
 * sandbox; node B has none and talks to A's, by configuration only (docs/scale-out.md), so both
 * see one Apple. Heartbeats are short so that a stopped node's execution is revived in seconds.
 */
public final class TwoNodes implements AutoCloseable {

    public final String databaseUrl = TestDatabases.createDatabase();
    public ConfigurableApplicationContext a;
    public ConfigurableApplicationContext b;

    public TwoNodes(Class<?>... extraSources) {
        this(List.of(), extraSources);
    }

    /** Two nodes with these command-line arguments each, on top of the ones every pair has. */
    public TwoNodes(List<String> arguments, Class<?>... extraSources) {
        a = start("node-a", extraSources, arguments.toArray(String[]::new));
        int sandboxPort = port(a);
        List<String> ofB = new ArrayList<>(arguments);
        ofB.add("--storemetrics.sandbox.enabled=false");
        ofB.add("--storemetrics.sandbox.shared-url=http://localhost:" + sandboxPort);
        b = start("node-b", extraSources, ofB.toArray(String[]::new));
    }

    public ConfigurableApplicationContext start(String name, Class<?>[] extraSources, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=6",
                "--db-scheduler.scheduler-name=" + name,
                // The pool's connections say which node they belong to (pg_stat_activity), for fault tests.
                "--spring.datasource.hikari.data-source-properties.ApplicationName=" + name,
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.missed-heartbeats-limit=4",
                "--db-scheduler.polling-interval=200ms",
                // Checks run when a test runs them (the fast pace after a Finish would run them on either node).
                "--storemetrics.verifier.young-pending-interval=1h",
                "--storemetrics.verifier.recent-pending-interval=1h"));
        arguments.addAll(List.of(more));
        List<Class<?>> sources =
                new ArrayList<>(List.of(Application.class, TestClock.Config.class, KnownState.Config.class));
        sources.addAll(List.of(extraSources));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .profiles("test")
                .run(arguments.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    public static PostgresSignals signals(ConfigurableApplicationContext node) {
        return (PostgresSignals) node.getBean(CrossNodeSignals.class);
    }

    /** Both nodes and their database back to the known state (see {@link KnownState}); node A's seeded rows count. */
    public void restoreKnownState() {
        KnownState.restore(a);
        if (b.isActive()) {
            KnownState.restoreNode(b);
        }
    }

    public JdbcTemplate jdbc() {
        return (a.isActive() ? a : b).getBean(JdbcTemplate.class);
    }

    @Override
    public void close() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }
}
