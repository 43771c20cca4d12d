package com.storemetrics.notices;

import com.storemetrics.security.Roles;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Support's read-only view of the outbox: the newest messages with their state and outcome, so a
 * failed or unknown one is seen and explained. No message text is stored, so none is shown; the
 * recipient's address is (support helps customers whose mail did not arrive).
 */
@Service
@PreAuthorize("hasRole('" + Roles.SUPPORT + "')")
public class SentNotices {

    /** One outbox row as support sees it. */
    public record Row(
            long id,
            Instant createdAt,
            String customer,
            String recipient,
            NoticeKind kind,
            String accountName,
            String state,
            int attempts,
            Instant finishedAt,
            String outcome) {}

    /** The states a message can be in, for support's filter. */
    public static final List<String> STATES = List.of(
            OutboxStore.PENDING,
            OutboxStore.SENDING,
            OutboxStore.SENT,
            OutboxStore.FAILED,
            OutboxStore.UNKNOWN,
            OutboxStore.WITHDRAWN);

    private final JdbcClient jdbc;

    SentNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest {@code limit} messages, in one state or all (null). */
    public List<Row> newest(String state, int limit) {
        return jdbc.sql("SELECT o.id, o.created_at, u.username, o.recipient, o.kind, o.account_name, o.state,"
                        + " o.attempts, o.finished_at, o.outcome FROM notice_outbox o JOIN app_user u"
                        + " ON u.id = o.user_id WHERE (CAST(:state AS VARCHAR(10)) IS NULL OR o.state = :state)"
                        + " ORDER BY o.id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY")
                .param("state", state)
                .query((rs, row) -> new Row(
                        rs.getLong(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        NoticeKind.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8),
                        rs.getObject(9, OffsetDateTime.class) == null
                                ? null
                                : rs.getObject(9, OffsetDateTime.class).toInstant(),
                        rs.getString(10)))
                .list();
    }
}
