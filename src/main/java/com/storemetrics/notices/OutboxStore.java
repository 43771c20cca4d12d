package com.storemetrics.notices;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tables {@code notice_outbox} and {@code notice_opt_out}, one SQL statement per step. Every
 * change of a message's state names the state it leaves ({@code WHERE state = ...}), so a step that
 * lost a race changes nothing and says so (0 rows): a message is claimed once, finished once. A group
 * (the messages of one e-mail) is claimed in one transaction and finished in one statement.
 */
@Component
class OutboxStore {

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String UNKNOWN = "UNKNOWN";
    static final String WITHDRAWN = "WITHDRAWN";

    private static final String COLUMNS =
            "user_id, kind, regarding, occurrence, recipient, account_name, happened_at, created_at, state,"
                    + " attempts, next_attempt_at";

    private static final String READ =
            "o.id, o.user_id, o.kind, o.occurrence, o.recipient, o.account_name, o.happened_at, o.created_at, o.attempts";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final boolean postgres;
    /** Written unless a message for the same (user, regarding, kind, occurrence) exists; never fails on that key. */
    private final String insertSql;

    OutboxStore(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.batches = new NamedParameterJdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.postgres = isPostgres(dataSource);
        this.insertSql = insertIfAbsentSql(postgres);
    }

    /**
     * Writes the message unless one for the same (user, regarding, kind, occurrence) exists, in the
     * caller's transaction. One statement that never fails on the unique key (on PostgreSQL a failed
     * statement would abort the caller's whole transaction, the change that caused the message).
     */
    boolean insertIfAbsent(OutgoingNotice notice, String recipient, Instant now) {
        return jdbc.sql(insertSql)
                        .paramSource(insertParameters(notice, recipient, now))
                        .update()
                == 1;
    }

    /** One message to write and the address it goes to. */
    record Insert(OutgoingNotice notice, String recipient) {}

    /**
     * As {@link #insertIfAbsent} for each, in one JDBC batch: a removal for everyone sharing an
     * account writes hundreds in the transaction that changes their rows, and one round trip each
     * would keep those rows locked, and the change unseen, for seconds under load.
     */
    void insertAllIfAbsent(List<Insert> inserts, Instant now) {
        if (inserts.isEmpty()) {
            return;
        }
        batches.batchUpdate(
                insertSql,
                inserts.stream()
                        .map(insert -> insertParameters(insert.notice(), insert.recipient(), now))
                        .toArray(SqlParameterSource[]::new));
    }

    private static MapSqlParameterSource insertParameters(OutgoingNotice notice, String recipient, Instant now) {
        return new MapSqlParameterSource()
                .addValue("user", notice.userId())
                .addValue("kind", notice.kind().name())
                .addValue("subject", notice.regarding())
                .addValue("occurrence", notice.occurrence())
                .addValue("recipient", recipient)
                .addValue("account", truncate(notice.accountName(), 300))
                .addValue("happened", at(notice.happenedAt()))
                .addValue("now", at(now));
    }

    private static String insertIfAbsentSql(boolean postgres) {
        String values = "CAST(:user AS BIGINT), CAST(:kind AS VARCHAR(30)), CAST(:subject AS VARCHAR(60)),"
                + " CAST(:occurrence AS VARCHAR(60)), CAST(:recipient AS VARCHAR(254)),"
                + " CAST(:account AS VARCHAR(300)), CAST(:happened AS TIMESTAMP WITH TIME ZONE),"
                + " CAST(:now AS TIMESTAMP WITH TIME ZONE), 'PENDING', 0, CAST(:now AS TIMESTAMP WITH TIME ZONE)";
        String sql = postgres
                ? "INSERT INTO notice_outbox (" + COLUMNS + ") VALUES (" + values + ")"
                        + " ON CONFLICT ON CONSTRAINT uk_notice_outbox_once DO NOTHING"
                : "MERGE INTO notice_outbox o USING (VALUES (" + values + ")) AS n(" + COLUMNS + ")"
                        + " ON o.user_id = n.user_id AND o.regarding = n.regarding AND o.kind = n.kind"
                        + " AND o.occurrence = n.occurrence"
                        + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (n."
                        + COLUMNS.replace(", ", ", n.") + ")";
        return sql;
    }

    /**
     * Messages left "sending" since before {@code before} that were never handed to the SMTP server
     * (their sender stopped while connecting, or before): nothing reached the server, so they are
     * pending again, due now, and leave once.
     */
    int releaseNotHandedOver(Instant before, Instant now) {
        return jdbc.sql("UPDATE notice_outbox SET state = 'PENDING', next_attempt_at = :now, outcome = :why"
                        + " WHERE state = 'SENDING' AND attempted_at < :before AND handed_over_at IS NULL")
                .param("now", at(now))
                .param("before", at(before))
                .param("why", "The sender stopped before handing it to the SMTP server: sent again")
                .update();
    }

    /**
     * Messages left "sending" since before {@code before} after they were handed to the SMTP server:
     * their sender stopped between handing them over and recording the answer. They become unknown,
     * final: whether the server accepted them cannot be known, and sending again could double them.
     */
    int giveUpOnAbandoned(Instant before, Instant now) {
        return jdbc.sql("UPDATE notice_outbox SET state = 'UNKNOWN', finished_at = :now, outcome = :why"
                        + " WHERE state = 'SENDING' AND attempted_at < :before AND handed_over_at IS NOT NULL")
                .param("now", at(now))
                .param("before", at(before))
                .param(
                        "why",
                        "The sender stopped before recording the SMTP server's answer: it may have been"
                                + " delivered, so it is not sent again")
                .update();
    }

    /**
     * The claimed group is about to be handed to the SMTP server (connected, nothing sent yet),
     * committed before the first byte of the message goes: from now on it is never sent again.
     */
    void markHandedOver(long lead, Instant now) {
        jdbc.sql("UPDATE notice_outbox SET handed_over_at = :now WHERE group_lead = :lead AND state = 'SENDING'")
                .param("lead", lead)
                .param("now", at(now))
                .update();
    }

    /**
     * The messages that lead a group due by now, oldest first: each customer's oldest message that is
     * pending or being sent, if it is pending, past its back-off and written before {@code windowStart}
     * (its grouping window has passed). A customer's later messages wait for it: they leave in order.
     */
    List<OutboxMessage> dueLeads(Instant now, Instant windowStart, int limit) {
        return jdbc.sql("SELECT " + READ + " FROM notice_outbox o WHERE o.state = 'PENDING'"
                        + " AND o.next_attempt_at <= :now AND o.created_at <= :windowStart AND NOT EXISTS"
                        + " (SELECT 1 FROM notice_outbox p WHERE p.user_id = o.user_id AND p.id < o.id"
                        + " AND p.state IN ('PENDING', 'SENDING')) ORDER BY o.id FETCH FIRST " + limit + " ROWS ONLY")
                .param("now", at(now))
                .param("windowStart", at(windowStart))
                .query(OutboxStore::message)
                .list();
    }

    /**
     * Claims a group in one transaction, before the SMTP session opens: the lead (a conditional update:
     * of two runs, one wins it and the other changes nothing), then every pending message of the same
     * customer and address written up to {@code until}. Each gets its attempt recorded and the lead's
     * id. Returns the group, oldest first; empty when the lead was no longer pending.
     */
    List<OutboxMessage> claimGroup(OutboxMessage lead, Instant until, Instant now) {
        return transactions.execute(status -> {
            String claim = "UPDATE notice_outbox SET state = 'SENDING', attempts = attempts + 1, attempted_at = :now,"
                    + " handed_over_at = NULL, group_lead = :lead WHERE state = 'PENDING' AND ";
            int leading = jdbc.sql(claim + "id = :lead")
                    .param("lead", lead.id())
                    .param("now", at(now))
                    .update();
            if (leading != 1) {
                return List.of();
            }
            jdbc.sql(claim + "user_id = :user AND id > :lead AND created_at <= :until AND (recipient = :recipient"
                            + " OR (recipient IS NULL AND CAST(:recipient AS VARCHAR(254)) IS NULL))")
                    .param("lead", lead.id())
                    .param("now", at(now))
                    .param("user", lead.userId())
                    .param("until", at(until))
                    .param("recipient", lead.recipient())
                    .update();
            return jdbc.sql("SELECT " + READ + " FROM notice_outbox o WHERE o.group_lead = :lead"
                            + " AND o.state = 'SENDING' ORDER BY o.id")
                    .param("lead", lead.id())
                    .query(OutboxStore::message)
                    .list();
        });
    }

    /** A claimed group ends, every message of it in one statement: sent, failed or unknown. */
    int finishGroup(long lead, String state, String outcome, Instant now) {
        return jdbc.sql("UPDATE notice_outbox SET state = :state, finished_at = :now, outcome = :outcome"
                        + " WHERE group_lead = :lead AND state = 'SENDING'")
                .param("lead", lead)
                .param("state", state)
                .param("now", at(now))
                .param("outcome", truncate(outcome, 500))
                .update();
    }

    /** A claimed group that failed for now waits, whole, until {@code next}; nothing reached the server. */
    int retryGroupLater(long lead, String outcome, Instant next) {
        return jdbc.sql("UPDATE notice_outbox SET state = 'PENDING', next_attempt_at = :next, outcome = :outcome"
                        + " WHERE group_lead = :lead AND state = 'SENDING'")
                .param("lead", lead)
                .param("next", at(next))
                .param("outcome", truncate(outcome, 500))
                .update();
    }

    /**
     * Messages not handed to SMTP yet (pending, also while waiting after a failed attempt) about
     * {@code regarding}, of {@code kind}, whose occurrence starts with {@code occurrencePrefix}, become
     * withdrawn, final, in the caller's transaction: their cause is gone. A message already claimed
     * for sending goes out as it is (the conditional update leaves it alone).
     */
    int withdraw(NoticeKind kind, String regarding, String occurrencePrefix, String why, Instant now) {
        return withdraw(kind, List.of(regarding), occurrencePrefix, why, now);
    }

    /** As {@link #withdraw(NoticeKind, String, String, String, Instant)} for every subject, in one statement. */
    int withdraw(NoticeKind kind, Collection<String> regardings, String occurrencePrefix, String why, Instant now) {
        if (occurrencePrefix.contains("%") || occurrencePrefix.contains("_")) {
            // The prefixes are ours ("once", "after:", "refused:"): no wildcard, no LIKE escapes to differ.
            throw new IllegalArgumentException("an occurrence prefix has no LIKE wildcard: " + occurrencePrefix);
        }
        if (regardings.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE notice_outbox SET state = 'WITHDRAWN', finished_at = :now, outcome = :why"
                        + " WHERE regarding IN (:regardings) AND kind = :kind AND state = 'PENDING'"
                        + " AND occurrence LIKE :prefix")
                .param("now", at(now))
                .param("why", truncate(why, 500))
                .param("regardings", regardings)
                .param("kind", kind.name())
                .param("prefix", occurrencePrefix + "%")
                .update();
    }

    Set<NoticeKind> optedOut(long userId) {
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        jdbc.sql("SELECT kind FROM notice_opt_out WHERE user_id = :user")
                .param("user", userId)
                .query(rs -> {
                    NoticeKind.ofKey(rs.getString(1).toLowerCase(Locale.ROOT)).ifPresent(kinds::add);
                });
        return kinds;
    }

    /** Which of these users switched {@code kind} off: one query for all of them. */
    Set<Long> optedOut(Collection<Long> userIds, NoticeKind kind) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT user_id FROM notice_opt_out WHERE kind = :kind AND user_id IN (:users)")
                .param("kind", kind.name())
                .param("users", userIds)
                .query(Long.class)
                .list());
    }

    /** Switches a kind off for the user; already off stays off (one statement, never a duplicate key). */
    void optOut(long userId, NoticeKind kind, Instant now) {
        jdbc.sql("INSERT INTO notice_opt_out (user_id, kind, since) SELECT CAST(:user AS BIGINT),"
                        + " CAST(:kind AS VARCHAR(30)), CAST(:now AS TIMESTAMP WITH TIME ZONE) FROM app_user"
                        + " WHERE id = :user AND NOT EXISTS (SELECT 1 FROM notice_opt_out WHERE user_id = :user"
                        + " AND kind = :kind)")
                .param("user", userId)
                .param("kind", kind.name())
                .param("now", at(now))
                .update();
    }

    void optIn(long userId, NoticeKind kind) {
        jdbc.sql("DELETE FROM notice_opt_out WHERE user_id = :user AND kind = :kind")
                .param("user", userId)
                .param("kind", kind.name())
                .update();
    }

    private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(
                rs.getLong("id"),
                rs.getLong("user_id"),
                NoticeKind.valueOf(rs.getString("kind")),
                rs.getString("occurrence"),
                rs.getString("recipient"),
                rs.getString("account_name"),
                rs.getObject("happened_at", OffsetDateTime.class).toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getInt("attempts"));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (MetaDataAccessException unknown) {
            throw new IllegalStateException("Could not tell which database holds the outbox", unknown);
        }
    }
}
