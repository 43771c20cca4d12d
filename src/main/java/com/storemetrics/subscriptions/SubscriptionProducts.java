package com.storemetrics.subscriptions;

import com.storemetrics.appstore.SubscriptionEventRow;
import com.storemetrics.appstore.SubscriptionRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The subscriptions an account's reports named ({@code subscription_product}): name, app, group and
 * standard duration, as the newest report day gave them (an older day read again renames nothing).
 */
@Component
class SubscriptionProducts {

    /** A subscription as the reports describe it. */
    record Product(
            String subscriptionId, String name, String appAppleId, String appName, String groupId, String duration) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    SubscriptionProducts(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The products named by a day's rows and events (the Subscription report's wording first). */
    static Map<String, Product> named(List<SubscriptionRow> rows, List<SubscriptionEventRow> events) {
        Map<String, Product> products = new LinkedHashMap<>();
        for (SubscriptionRow row : rows) {
            products.putIfAbsent(
                    row.subscriptionAppleId(),
                    new Product(
                            row.subscriptionAppleId(),
                            row.subscriptionName(),
                            row.appAppleId(),
                            row.appName(),
                            row.subscriptionGroupId(),
                            row.standardSubscriptionDuration()));
        }
        for (SubscriptionEventRow event : events) {
            products.putIfAbsent(
                    event.subscriptionAppleId(),
                    new Product(
                            event.subscriptionAppleId(),
                            event.subscriptionName(),
                            event.appAppleId(),
                            event.appName(),
                            event.subscriptionGroupId(),
                            event.standardSubscriptionDuration()));
        }
        return products;
    }

    void merge(long accountId, LocalDate day, Iterable<Product> products) {
        List<SqlParameterSource> args = new ArrayList<>();
        for (Product product : products) {
            args.add(new MapSqlParameterSource()
                    .addValue("account", accountId)
                    .addValue("subscription", Texts.clip(product.subscriptionId(), 40))
                    .addValue("name", orId(product.name(), product.subscriptionId(), 300))
                    .addValue("app", Texts.clip(product.appAppleId(), 40))
                    .addValue("appName", orId(product.appName(), product.appAppleId(), 300))
                    .addValue("group", Texts.clip(product.groupId(), 40))
                    .addValue("duration", Texts.clip(product.duration(), 40))
                    .addValue("day", day));
        }
        batches.batchUpdate(
                "MERGE INTO subscription_product t USING (VALUES (CAST(:account AS BIGINT),"
                        + " CAST(:subscription AS VARCHAR(40)), CAST(:name AS VARCHAR(300)), CAST(:app AS VARCHAR(40)),"
                        + " CAST(:appName AS VARCHAR(300)), CAST(:group AS VARCHAR(40)), CAST(:duration AS VARCHAR(40)),"
                        + " CAST(:day AS DATE))) AS s (account_id, subscription_id, name, app_apple_id, app_name, group_id,"
                        + " duration, last_seen_date) ON t.account_id = s.account_id AND t.subscription_id = s.subscription_id"
                        + " WHEN MATCHED AND t.last_seen_date <= s.last_seen_date THEN UPDATE SET name = s.name,"
                        + " app_apple_id = s.app_apple_id, app_name = s.app_name, group_id = s.group_id,"
                        + " duration = s.duration, last_seen_date = s.last_seen_date"
                        + " WHEN NOT MATCHED THEN INSERT (account_id, subscription_id, name, app_apple_id, app_name,"
                        + " group_id, duration, last_seen_date) VALUES (s.account_id, s.subscription_id, s.name,"
                        + " s.app_apple_id, s.app_name, s.group_id, s.duration, s.last_seen_date)",
                args.toArray(SqlParameterSource[]::new));
    }

    /** Every subscription the account's reports named, by app name and name. */
    List<Product> of(long accountId) {
        return jdbc.sql(
                        "SELECT subscription_id, name, app_apple_id, app_name, group_id, duration FROM subscription_product"
                                + " WHERE account_id = :account ORDER BY app_name, name, subscription_id")
                .param("account", accountId)
                .query((rs, i) -> new Product(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
    }

    /** A name, or (blank in the report) the Apple ID it belongs to. */
    private static String orId(String name, String id, int max) {
        return Texts.clip(name == null || name.isBlank() ? id : name, max);
    }
}
