package com.storemetrics.appstore;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A vendor's daily Subscription Event report: what happened to subscriptions on the report day
 * (Pacific time). {@code reportVersion} is the version asked for and served; {@code unknownColumns}
 * are the file's columns this client does not read. A day without events has no rows.
 */
public record SubscriptionEventReport(
        String vendorNumber,
        LocalDate date,
        String reportVersion,
        List<SubscriptionEventRow> rows,
        Set<String> unknownColumns) {

    public SubscriptionEventReport {
        rows = List.copyOf(rows);
        unknownColumns = Set.copyOf(unknownColumns);
    }

    public SubscriptionEventReport(
            String vendorNumber, LocalDate date, String reportVersion, List<SubscriptionEventRow> rows) {
        this(vendorNumber, date, reportVersion, rows, Set.of());
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Events of a name this client does not know, by Apple's text, with their total quantity. */
    public Map<String, Integer> unknownEvents() {
        Map<String, Integer> unknown = new TreeMap<>();
        for (SubscriptionEventRow row : rows) {
            if (row.type() == SubscriptionEventType.UNKNOWN) {
                unknown.merge(row.event(), row.quantity(), Integer::sum);
            }
        }
        return unknown;
    }
}
