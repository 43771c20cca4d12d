package com.storemetrics.appstore;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A vendor's daily Subscription report: active subscriptions per row on the report day (Pacific
 * time). {@code reportVersion} is the version asked for and served; {@code countColumns} are the
 * count columns the file had, by their current names, so a count the version lacks is told from a
 * zero; {@code unknownColumns} are the file's columns this client does not read (a new column Apple
 * added, or a known one renamed), so that a caller can say so. A day without subscriptions has no rows.
 */
public record SubscriptionReport(
        String vendorNumber,
        LocalDate date,
        String reportVersion,
        List<SubscriptionRow> rows,
        Set<String> countColumns,
        Set<String> unknownColumns) {

    public SubscriptionReport {
        rows = List.copyOf(rows);
        countColumns = Set.copyOf(countColumns);
        unknownColumns = Set.copyOf(unknownColumns);
    }

    public SubscriptionReport(
            String vendorNumber,
            LocalDate date,
            String reportVersion,
            List<SubscriptionRow> rows,
            Set<String> countColumns) {
        this(vendorNumber, date, reportVersion, rows, countColumns, Set.of());
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
