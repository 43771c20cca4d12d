package com.storemetrics.support;

import com.storemetrics.DemoAccounts;
import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.integration.IntegrationStatus;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Rows for support's tests, written straight into the tables (the funnel is exercised elsewhere). */
public final class SupportTestData {

    public static final DiscoveredAccount PIXEL_FORGE = DemoAccounts.PIXEL_FORGE;

    private SupportTestData() {}

    public static long userId(JdbcTemplate jdbc, String username) {
        return jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, username);
    }

    public static long account(JdbcTemplate jdbc, String number, String name, String vendor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                connection -> {
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO store_account (account_number, name,"
                                    + " created_at, version) VALUES (?, ?, ?, 0)",
                            new String[] {connection.getMetaData().storesLowerCaseIdentifiers() ? "id" : "ID"});
                    insert.setString(1, number);
                    insert.setString(2, name);
                    insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    return insert;
                },
                key);
        long id = key.getKey().longValue();
        if (vendor != null) {
            jdbc.update("INSERT INTO store_account_vendor (account_id, vendor_number) VALUES (?, ?)", id, vendor);
        }
        return id;
    }

    public static long integration(
            JdbcTemplate jdbc,
            long customerId,
            long accountId,
            IntegrationStatus status,
            String reason,
            Instant changedAt) {
        return integrations(jdbc, List.of(new Row(customerId, accountId, status, reason, changedAt)))
                .get(0);
    }

    public record Row(long customerId, long accountId, IntegrationStatus status, String reason, Instant changedAt) {}

    /** Inserts the rows in one JDBC batch; returns their ids in order. */
    public static List<Long> integrations(JdbcTemplate jdbc, List<Row> rows) {
        jdbc.batchUpdate(
                "INSERT INTO integration (customer_id, account_id, live_account_id, status, status_reason,"
                        + " progress, credential_kind, connected_at, status_changed_at, last_checked_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'ACCESS_TOKEN', ?, ?, ?, 0)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement insert, int i) throws SQLException {
                        Row row = rows.get(i);
                        OffsetDateTime changed = OffsetDateTime.ofInstant(row.changedAt(), ZoneOffset.UTC);
                        insert.setLong(1, row.customerId());
                        insert.setLong(2, row.accountId());
                        if (row.status() == IntegrationStatus.REMOVED) {
                            insert.setNull(3, Types.BIGINT);
                        } else {
                            insert.setLong(3, row.accountId());
                        }
                        insert.setString(4, row.status().name());
                        insert.setString(5, row.reason());
                        insert.setString(
                                6, row.status() == IntegrationStatus.PENDING ? "WAITING_FOR_INVITATION" : "DONE");
                        insert.setObject(7, changed.minusDays(1));
                        insert.setObject(8, changed);
                        // Expired and removed rows keep the check that changed them; live rows show the
                        // verifier's last check (recorded below), like the verifier leaves them.
                        insert.setObject(
                                9,
                                row.status() == IntegrationStatus.PENDING || row.status() == IntegrationStatus.APPROVED
                                        ? null
                                        : changed);
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                });
        // The verifier last looked a minute after the newest row's change.
        rows.stream().map(Row::changedAt).max(Instant::compareTo).ifPresent(newest -> {
            OffsetDateTime checked = OffsetDateTime.ofInstant(newest.plusSeconds(60), ZoneOffset.UTC);
            jdbc.update(
                    "UPDATE integration_check SET checked_at = ? WHERE checked_at IS NULL OR checked_at < ?",
                    checked,
                    checked);
        });
        List<Long> ids = new ArrayList<>(
                jdbc.queryForList("SELECT id FROM integration ORDER BY id DESC LIMIT ?", Long.class, rows.size()));
        Collections.reverse(ids);
        return ids;
    }
}
