package com.storemetrics.integration;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The history rows and notices that one change of many integrations appends (an approval, a lapse
 * or a removal for everyone sharing an account: hundreds of rows), one JDBC batch per table, in the
 * caller's transaction. Both tables have {@code IDENTITY} ids, which Hibernate inserts one statement
 * at a time; under load each statement is a round trip while the changed rows stay locked and the
 * change unseen (docs/benchmarks.md, "Stop 35"). Writes the same columns as the entities'
 * mappings ({@link IntegrationEvent}, {@link CustomerNotice}); a single change still saves its
 * entities through JPA.
 */
@Component
class BatchAppends {

    private final JdbcTemplate jdbc;

    BatchAppends(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void history(List<IntegrationEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO integration_event (integration_id, occurred_at, from_status, to_status, reason,"
                        + " actor_kind, actor_name) VALUES (?, ?, ?, ?, ?, ?, ?)",
                events,
                events.size(),
                (statement, event) -> {
                    statement.setLong(1, event.getIntegration().getId());
                    statement.setObject(2, at(event.getOccurredAt()));
                    statement.setString(
                            3,
                            event.getFromStatus() == null
                                    ? null
                                    : event.getFromStatus().name());
                    statement.setString(4, event.getToStatus().name());
                    statement.setString(5, event.getReason());
                    statement.setString(6, event.getActor().kind().name());
                    statement.setString(7, event.getActor().name());
                });
    }

    /** Inserts the notices and returns them as customers see them, with their new ids, in order. */
    List<Notice> notices(List<CustomerNotice> notices) {
        if (notices.isEmpty()) {
            return List.of();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(
                connection -> connection.prepareStatement(
                        "INSERT INTO customer_notice (customer_id, created_at, message) VALUES (?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        CustomerNotice notice = notices.get(i);
                        statement.setLong(1, notice.getCustomerId());
                        statement.setObject(2, at(notice.getCreatedAt()));
                        statement.setString(3, notice.getMessage());
                    }

                    @Override
                    public int getBatchSize() {
                        return notices.size();
                    }
                },
                keys);
        List<Map<String, Object>> ids = keys.getKeyList();
        if (ids.size() != notices.size()) {
            throw new IllegalStateException(
                    "The database returned " + ids.size() + " ids for " + notices.size() + " notices");
        }
        List<Notice> posted = new ArrayList<>(notices.size());
        for (int i = 0; i < notices.size(); i++) {
            CustomerNotice notice = notices.get(i);
            // The key maps ignore case: "id" on PostgreSQL, "ID" on HSQLDB.
            long id = ((Number) ids.get(i).get("id")).longValue();
            posted.add(new Notice(id, notice.getCreatedAt(), notice.getMessage()));
        }
        return posted;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
