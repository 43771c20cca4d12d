package com.storemetrics.attempts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counters of attempts in the table {@code attempt_counter}, shared by every node: each change is
 * one atomic SQL statement (a {@code MERGE}, which HSQLDB and PostgreSQL both run), so two nodes
 * counting at once never lose or double an attempt. A counter is forgotten at its {@code forget_at}
 * (reads ignore it, the next attempt starts it again at 1) and then deleted by {@link #prune()},
 * which also keeps the table within {@code storemetrics.attempts.max-counters}.
 *
 * <p>A counter whose last attempt lies more than {@link #CLOCK_TOLERANCE} ahead of now was written
 * before the clock went back (in development, the sandbox's Reset turns the shared clock back by
 * days): it counts as forgotten, instead of making someone wait days. Nodes' clocks a few
 * milliseconds apart stay well inside the tolerance.
 *
 * <p>Each statement commits on its own (never inside a caller's transaction): on PostgreSQL a
 * {@code MERGE} that races another node's insert of the same key fails with a duplicate key, and
 * is simply run again, which then finds the row. Times come from the application's {@link Clock}.
 */
@Component
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public class AttemptCounters {

    /** A live counter: attempts since it (re)started, the last one, and when it is forgotten. */
    public record Count(int attempts, Instant last, Instant forgetAt) {}

    /** How far ahead of now a counter's last attempt may be before it counts as written under another clock. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(1);

    private static final int KEY_LENGTH = 64;

    /** A counter that no longer counts (two parameters: now, and now plus the tolerance). */
    private static final String FORGOTTEN = "(c.forget_at <= ? OR c.last_at > ?)";

    private static final int MAX_SCOPE_LENGTH = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AttemptProperties properties;
    private final boolean postgres;

    AttemptCounters(JdbcClient jdbc, DataSource dataSource, Clock clock, AttemptProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (MetaDataAccessException unknown) {
            throw new IllegalStateException("Could not tell which database stores the attempt counters", unknown);
        }
    }

    /**
     * The key of what is counted: its scope ({@code login-pair}, {@code check-again}...) and a hash
     * of the subject, so the table holds no text a user typed (a user name may be a mistyped
     * password) and every key has the same short length.
     */
    public static String key(String scope, String subject) {
        if (scope.isEmpty() || scope.length() > MAX_SCOPE_LENGTH || scope.contains(":")) {
            throw new IllegalArgumentException("A scope is 1 to " + MAX_SCOPE_LENGTH + " characters without ':'");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
            String key = scope + ":" + encoded;
            return key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The live counters among these keys; forgotten and unknown ones are absent. One query. */
    public Map<String, Count> read(Collection<String> keys) {
        Map<String, Count> counts = new HashMap<>();
        if (keys.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT counter_id, attempts, last_at, forget_at FROM attempt_counter"
                        + " WHERE counter_id IN (:keys) AND forget_at > :now AND last_at <= :ahead")
                .param("keys", List.copyOf(keys))
                .param("now", at(clock.instant()))
                .param("ahead", at(clock.instant().plus(CLOCK_TOLERANCE)))
                .query(rs -> {
                    counts.put(
                            rs.getString(1),
                            new Count(
                                    rs.getInt(2),
                                    rs.getObject(3, OffsetDateTime.class).toInstant(),
                                    rs.getObject(4, OffsetDateTime.class).toInstant()));
                });
        return counts;
    }

    /**
     * One more attempt under each key. A counter counts for {@code window} from its first attempt
     * and is kept at least {@code keep} after its last one (so a wait that a count implies never
     * outlives the count); once forgotten, the next attempt starts it again at 1. One statement
     * for all keys.
     */
    public void add(Collection<String> keys, Duration window, Duration keep) {
        List<String> distinct = keys.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant keepUntil = now.plus(keep);
        Instant windowEnd = now.plus(window).isAfter(keepUntil) ? now.plus(window) : keepUntil;
        Instant ahead = now.plus(CLOCK_TOLERANCE);
        String values = String.join(
                ", ", distinct.stream().map(k -> "(CAST(? AS VARCHAR(64)))").toList());
        String counted = " attempts = CASE WHEN " + FORGOTTEN + " THEN 1 ELSE c.attempts + 1 END,"
                + " last_at = ?,"
                + " forget_at = CASE WHEN " + FORGOTTEN + " THEN ? ELSE GREATEST(c.forget_at, ?) END";
        List<Object> update = List.of(at(now), at(ahead), at(now), at(now), at(ahead), at(windowEnd), at(keepUntil));
        List<Object> parameters = new ArrayList<>();
        if (postgres()) {
            parameters.addAll(List.of(at(now), at(windowEnd)));
            parameters.addAll(distinct);
            parameters.addAll(update);
            upsert(
                    "INSERT INTO attempt_counter AS c (counter_id, attempts, last_at, forget_at)"
                            + " SELECT k.counter_id, 1, ?, ? FROM (VALUES " + values + ") AS k(counter_id)"
                            + " ON CONFLICT (counter_id) DO UPDATE SET" + counted,
                    parameters);
        } else {
            parameters.addAll(distinct);
            parameters.addAll(update);
            parameters.addAll(List.of(at(now), at(windowEnd)));
            upsert(
                    "MERGE INTO attempt_counter c USING (VALUES " + values + ") AS k(counter_id)"
                            + " ON c.counter_id = k.counter_id WHEN MATCHED THEN UPDATE SET" + counted
                            + " WHEN NOT MATCHED THEN INSERT (counter_id, attempts, last_at, forget_at)"
                            + " VALUES (k.counter_id, 1, ?, ?)",
                    parameters);
        }
    }

    /**
     * At most {@code max} attempts under this key per {@code window} (which starts with the first
     * of them): takes one if one is left, or answers when the window ends and one is free again.
     * Check and take are one statement, so two nodes cannot both take the last one.
     */
    public Optional<Instant> tryTake(String key, int max, Duration window) {
        Instant now = clock.instant();
        Instant windowEnd = now.plus(window);
        Instant ahead = now.plus(CLOCK_TOLERANCE);
        String counted = " attempts = CASE WHEN " + FORGOTTEN + " THEN 1 ELSE c.attempts + 1 END,"
                + " last_at = ?,"
                + " forget_at = CASE WHEN " + FORGOTTEN + " THEN ? ELSE c.forget_at END";
        String left = "(" + FORGOTTEN + " OR c.attempts < ?)";
        List<Object> update = List.of(at(now), at(ahead), at(now), at(now), at(ahead), at(windowEnd));
        List<Object> parameters = new ArrayList<>();
        int taken;
        if (postgres()) {
            parameters.addAll(List.of(key, at(now), at(windowEnd)));
            parameters.addAll(update);
            parameters.addAll(List.of(at(now), at(ahead), max));
            taken = upsert(
                    "INSERT INTO attempt_counter AS c (counter_id, attempts, last_at, forget_at) VALUES (?, 1, ?, ?)"
                            + " ON CONFLICT (counter_id) DO UPDATE SET" + counted + " WHERE " + left,
                    parameters);
        } else {
            parameters.addAll(List.of(key, at(now), at(ahead), max));
            parameters.addAll(update);
            parameters.addAll(List.of(at(now), at(windowEnd)));
            taken = upsert(
                    "MERGE INTO attempt_counter c USING (VALUES (CAST(? AS VARCHAR(64)))) AS k(counter_id)"
                            + " ON c.counter_id = k.counter_id WHEN MATCHED AND " + left + " THEN UPDATE SET" + counted
                            + " WHEN NOT MATCHED THEN INSERT (counter_id, attempts, last_at, forget_at)"
                            + " VALUES (k.counter_id, 1, ?, ?)",
                    parameters);
        }
        if (taken > 0) {
            return Optional.empty();
        }
        Count current = read(List.of(key)).get(key);
        // Forgotten between the two statements: free now (the caller may ask again).
        return Optional.of(current == null ? now : current.forgetAt());
    }

    /** Forgets a counter at once. */
    public void forget(String key) {
        jdbc.sql("DELETE FROM attempt_counter WHERE counter_id = ?").param(key).update();
    }

    /**
     * Deletes the counters forgotten by now (or written under a clock since turned back) and, should more than {@code max-counters} be left
     * (attempts under ever new names from ever new addresses), the ones forgotten soonest. Returns
     * how many it deleted.
     */
    public int prune() {
        Instant now = clock.instant();
        int deleted = jdbc.sql("DELETE FROM attempt_counter WHERE forget_at <= ? OR last_at > ?")
                .param(at(now))
                .param(at(now.plus(CLOCK_TOLERANCE)))
                .update();
        long left = jdbc.sql("SELECT COUNT(*) FROM attempt_counter")
                .query(Long.class)
                .single();
        long excess = left - properties.maxCounters();
        if (excess > 0) {
            deleted += jdbc.sql("DELETE FROM attempt_counter WHERE counter_id IN (SELECT counter_id FROM"
                            + " attempt_counter ORDER BY forget_at, counter_id FETCH FIRST ? ROWS ONLY)")
                    .param(excess)
                    .update();
        }
        return deleted;
    }

    /**
     * Whether the database is PostgreSQL: there one counter changes with {@code INSERT ... ON
     * CONFLICT DO UPDATE}, which is atomic under concurrency; PostgreSQL's {@code MERGE} lost about one
     * count in twenty when eight threads added to one counter (measured, embedded PostgreSQL 17).
     * HSQLDB, which locks, runs {@code MERGE}.
     */
    private boolean postgres() {
        return postgres;
    }

    private int upsert(String sql, List<Object> parameters) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.sql(sql).params(parameters).update();
            } catch (DuplicateKeyException raced) {
                // Another node inserted the same key between our look and our insert: the row is there now.
                if (attempt == 3) {
                    throw raced;
                }
            }
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
