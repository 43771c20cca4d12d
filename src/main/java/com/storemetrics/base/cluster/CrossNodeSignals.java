package com.storemetrics.base.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Wake-up signals between the app nodes that share one database, so that a change committed on one
 * node reaches the open views on every node. A signal names a topic and carries ids only (never a
 * secret, never what a screen shows). Another node hears it as a {@link SignalReceived} event: each
 * feature re-reads what changed from the database and hands it to its own broadcaster, so views
 * never know which node a change came from.
 *
 * <p>On PostgreSQL this is LISTEN/NOTIFY ({@link PostgresSignals}); on HSQLDB, which serves one
 * node only, nothing needs to cross and {@link #send} does nothing.
 */
public interface CrossNodeSignals {

    /**
     * Tells the other nodes. Inside a transaction they hear it when that transaction commits, and
     * never when it rolls back; outside one, at once. The body must stay well under 8,000 bytes:
     * use {@link #chunks} for long lists of ids.
     */
    void send(String topic, String body);

    /**
     * {@link #send} for callers whose own work has already committed (outside a transaction): a
     * signal that cannot be sent only delays the other nodes' screens (they reload when their
     * listening connection comes back), so it must not turn finished work into a failure.
     */
    default void sendAfterCommit(String topic, String body) {
        try {
            send(topic, body);
        } catch (RuntimeException databaseTrouble) {
            LoggerFactory.getLogger(CrossNodeSignals.class)
                    .warn("Could not tell the other nodes about '{}': {}", topic, databaseTrouble.toString());
        }
    }

    /** Whether other nodes may exist at all; when false, senders may skip building signals. */
    boolean spansNodes();

    /** Ids joined by commas in bodies of at most {@value #MAX_BODY} characters. */
    static List<String> chunks(Collection<Long> ids) {
        List<String> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (Long id : ids) {
            String next = Long.toString(id);
            if (body.length() + next.length() + 1 > MAX_BODY) {
                bodies.add(body.toString());
                body.setLength(0);
            }
            body.append(body.isEmpty() ? "" : ",").append(next);
        }
        if (!body.isEmpty()) {
            bodies.add(body.toString());
        }
        return bodies;
    }

    /** The ids of a body made by {@link #chunks}. */
    static List<Long> ids(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        return Arrays.stream(body.split(","))
                .map(String::trim)
                .map(Long::valueOf)
                .toList();
    }

    /** PostgreSQL's NOTIFY payload limit is 8,000 bytes; the node id and topic take the rest. */
    int MAX_BODY = 7_000;
}
