package com.storemetrics.base.cluster;

import com.storemetrics.base.Backoff;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cross-node signals over PostgreSQL LISTEN/NOTIFY. Sending is {@code pg_notify} on the caller's
 * own connection, so a signal sent inside a transaction leaves with its commit. Listening happens
 * on one connection of its own, opened outside the pool (a pool retires connections, and a LISTEN
 * dies silently with them), polled by one thread. When that connection breaks (database restart,
 * {@code pg_terminate_backend}, network), the thread reconnects with back-off, LISTENs again and
 * publishes {@link SignalsResumed}, because NOTIFY replays nothing that was sent while nobody
 * listened. Each signal of another node is published as a {@link SignalReceived} event on that
 * thread; a node ignores its own signals (its in-process broadcasters told its views already).
 */
public final class PostgresSignals implements CrossNodeSignals, SmartLifecycle {

    public static final String CHANNEL = "storemetrics_updates";
    /** The listening connection's application_name (visible in pg_stat_activity), followed by the node id. */
    public static final String APPLICATION_NAME = "storemetrics-listener-";

    private static final Logger log = LoggerFactory.getLogger(PostgresSignals.class);
    private static final int POLL_MILLIS = 250;
    private static final Duration PING_EVERY = Duration.ofSeconds(15);
    /** Reconnecting after a broken connection: 250 ms, doubling up to 10 s. */
    private static final Backoff RECONNECT = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10));

    /** Opens the listening connection; PostgreSQL's JDBC URL and credentials, not a pooled DataSource. */
    @FunctionalInterface
    public interface ListenerConnections {
        Connection open(Properties extra) throws SQLException;
    }

    private final String node = UUID.randomUUID().toString().substring(0, 13);
    private final JdbcTemplate jdbc;
    private final ListenerConnections connections;
    private final ApplicationEventPublisher events;
    private final TaskExecutor listenerThread;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final Object pause = new Object();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection current;
    private volatile CountDownLatch stopped = new CountDownLatch(0);

    public PostgresSignals(
            JdbcTemplate jdbc,
            ListenerConnections connections,
            ApplicationEventPublisher events,
            TaskExecutor listenerThread) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.events = events;
        this.listenerThread = listenerThread;
    }

    @Override
    public void send(String topic, String body) {
        String payload = node + "|" + topic + "|" + body;
        if (payload.length() > 7_900) {
            throw new IllegalArgumentException("A cross-node signal must stay under 8,000 bytes; split the ids");
        }
        jdbc.queryForList("SELECT pg_notify(?, ?)", CHANNEL, payload);
    }

    @Override
    public boolean spansNodes() {
        return true;
    }

    /** This node's id in every signal it sends (and in its listening connection's application_name). */
    public String node() {
        return node;
    }

    /** Whether the listening connection is up now. */
    public boolean isListening() {
        return listening;
    }

    /** Signals of other nodes handled so far; for health details and tests. */
    public long received() {
        return received.get();
    }

    /** How often the listening connection was opened again after it broke. */
    public long reconnects() {
        return reconnects.get();
    }

    @Override
    public void start() {
        running = true;
        CountDownLatch listenerStopped = new CountDownLatch(1);
        stopped = listenerStopped;
        listenerThread.execute(() -> {
            try {
                listen();
            } finally {
                listenerStopped.countDown();
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        closeQuietly(current);
        try {
            stopped.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        int failures = 0;
        boolean listenedBefore = false;
        while (running) {
            Properties extra = new Properties();
            extra.setProperty("ApplicationName", APPLICATION_NAME + node);
            extra.setProperty("tcpKeepAlive", "true");
            // A dead peer that never closed the socket shows as a time-out on the next ping.
            extra.setProperty(
                    "socketTimeout", Long.toString(PING_EVERY.multipliedBy(2).toSeconds()));
            try (Connection connection = connections.open(extra)) {
                current = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                listening = true;
                failures = 0;
                if (listenedBefore) {
                    reconnects.incrementAndGet();
                    log.info("Listening for other nodes' changes again; open views reload what they may have missed");
                    events.publishEvent(new SignalsResumed());
                }
                listenedBefore = true;
                poll(connection);
            } catch (SQLException | RuntimeException failure) {
                listening = false;
                if (!running) {
                    break;
                }
                Duration backoff = RECONNECT.after(++failures);
                log.warn(
                        "The connection that hears other nodes' changes broke ({}); connecting again in {} ms",
                        failure.getMessage(),
                        backoff.toMillis());
                if (!pauseFor(backoff)) {
                    break;
                }
            } finally {
                listening = false;
                current = null;
            }
        }
    }

    private void poll(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long nextPing = System.nanoTime() + PING_EVERY.toNanos();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    dispatch(notification.getParameter());
                }
            }
            if (System.nanoTime() > nextPing) {
                try (Statement ping = connection.createStatement()) {
                    ping.execute("SELECT 1");
                }
                nextPing = System.nanoTime() + PING_EVERY.toNanos();
            }
        }
    }

    /** Waits before connecting again; false when the node stops meanwhile. */
    private boolean pauseFor(Duration backoff) {
        synchronized (pause) {
            try {
                if (running) {
                    pause.wait(backoff.toMillis());
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return running;
    }

    private void dispatch(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split("\\|", 3);
        if (parts.length != 3) {
            log.warn("Ignored a cross-node signal that is not node|topic|body");
            return;
        }
        if (parts[0].equals(node)) {
            return;
        }
        received.incrementAndGet();
        try {
            events.publishEvent(new SignalReceived(parts[1], parts[2]));
        } catch (RuntimeException failure) {
            // One listener's trouble must not stop this node from hearing the next signal.
            log.warn("A listener failed on the cross-node signal '{}'", parts[1], failure);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing to stop listening: nothing left to do with it.
            }
        }
    }
}
