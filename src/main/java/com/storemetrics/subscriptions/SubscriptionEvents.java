package com.storemetrics.subscriptions;

import static com.storemetrics.subscriptions.SubscriptionCounts.THE_DAY;

import com.storemetrics.appstore.SubscriptionEventRow;
import com.storemetrics.appstore.SubscriptionEventType;
import com.storemetrics.metrics.MonthRollUps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a vendor's day of subscription events (V37) inside the day's transaction, the database
 * adding up: the event rows MERGEd per (subscription, country, event, offer type, cancellation
 * reason), the roll-ups without country and without subscription summed from them, and the month
 * tables changed by (new day - old day) ({@link MonthRollUps}). An event name Apple added since this
 * was written is stored as Apple wrote it; known names in their current wording.
 */
@Component
class SubscriptionEvents {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final MonthRollUps months;

    SubscriptionEvents(JdbcClient jdbc, NamedParameterJdbcTemplate batches, MonthRollUps months) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.months = months;
    }

    void replace(Map<String, Object> day, List<SubscriptionEventRow> events) {
        List<MonthRollUps.Replacing> replacing = new ArrayList<>();
        for (EventTables tables : EventTables.values()) {
            replacing.add(months.leave(tables.tables(), day));
        }
        batches.batchUpdate(
                "MERGE INTO subscription_event t USING (VALUES (CAST(:account AS BIGINT), CAST(:day AS DATE),"
                        + " CAST(:vendor AS VARCHAR(20)), CAST(:subscription AS VARCHAR(40)), CAST(:country AS VARCHAR(8)),"
                        + " CAST(:event AS VARCHAR(80)), CAST(:offer AS VARCHAR(40)), CAST(:reason AS VARCHAR(100)),"
                        + " CAST(:quantity AS BIGINT))) AS s (account_id, report_date, vendor_number, subscription_id,"
                        + " country, event, offer_type, reason, quantity) ON t.account_id = s.account_id"
                        + " AND t.report_date = s.report_date AND t.vendor_number = s.vendor_number"
                        + " AND t.subscription_id = s.subscription_id AND t.country = s.country AND t.event = s.event"
                        + " AND t.offer_type = s.offer_type AND t.reason = s.reason"
                        + " WHEN MATCHED THEN UPDATE SET quantity = t.quantity + s.quantity"
                        + " WHEN NOT MATCHED THEN INSERT (account_id, report_date, vendor_number, subscription_id, country,"
                        + " event, offer_type, reason, quantity) VALUES (s.account_id, s.report_date, s.vendor_number,"
                        + " s.subscription_id, s.country, s.event, s.offer_type, s.reason, s.quantity)",
                events.stream()
                        .map(event -> new MapSqlParameterSource(day)
                                .addValue("subscription", Texts.clip(event.subscriptionAppleId(), 40))
                                .addValue("country", Texts.clip(event.country(), 8))
                                .addValue("event", name(event))
                                .addValue("offer", Texts.clip(event.subscriptionOfferType(), 40))
                                .addValue("reason", Texts.clip(event.cancellationReason(), 100))
                                .addValue("quantity", event.quantity()))
                        .toArray(SqlParameterSource[]::new));
        for (EventTables rollUp : List.of(EventTables.PRODUCT, EventTables.COUNTRY)) {
            String columns = String.join(", ", rollUp.tables().keyColumns());
            jdbc.sql("INSERT INTO " + rollUp.tables().dayTable() + " (account_id, report_date, vendor_number, "
                            + columns + ", quantity) SELECT account_id, report_date, vendor_number, " + columns
                            + ", SUM(quantity) FROM subscription_event WHERE " + THE_DAY
                            + " GROUP BY account_id, report_date, vendor_number, " + columns)
                    .params(day)
                    .update();
        }
        replacing.forEach(months::enter);
    }

    /** The event's current name in Apple's wording, or Apple's own text for a name we do not know. */
    static String name(SubscriptionEventRow event) {
        SubscriptionEventType type = event.type();
        return Texts.clip(type == SubscriptionEventType.UNKNOWN ? event.event() : type.appleName(), 80);
    }
}
