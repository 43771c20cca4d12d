package com.storemetrics.appstore;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A vendor's daily Subscription report: active subscriptions per row on the report day (Pacific
 * time). {@code reportVersion} is the version asked for and served; {@code countColumns} are the
 * count columns the file had, by their current names, so a count the version lacks is told from a
 * zero. A day without subscriptions has no rows.
 */
public record SubscriptionReport(
        String vendorNumber,
        LocalDate date,
        String reportVersion,
        List<SubscriptionRow> rows,
        Set<String> countColumns) {

    public SubscriptionReport {
        rows = List.copyOf(rows);
        countColumns = Set.copyOf(countColumns);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
