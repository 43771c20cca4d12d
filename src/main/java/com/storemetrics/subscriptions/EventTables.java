package com.storemetrics.subscriptions;

import com.storemetrics.metrics.DayMonthTables;
import java.util.ArrayList;
import java.util.List;

/** The subscription events' day tables and the month tables that sum them (V37). */
enum EventTables {
    /** Full grain: one subscription's countries. */
    FULL("subscription_event", "subscription_event_month", List.of("subscription_id", "country")),
    PRODUCT("subscription_event_product_day", "subscription_event_product_month", List.of("subscription_id")),
    COUNTRY("subscription_event_country_day", "subscription_event_country_month", List.of("country"));

    private final DayMonthTables tables;

    EventTables(String dayTable, String monthTable, List<String> keyColumns) {
        List<String> key = new ArrayList<>(keyColumns);
        key.addAll(List.of("event", "offer_type", "reason"));
        this.tables = new DayMonthTables(dayTable, monthTable, key, List.of("quantity"), List.of());
    }

    DayMonthTables tables() {
        return tables;
    }
}
