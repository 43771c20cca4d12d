package com.storemetrics.appstore;

import java.time.LocalDate;
import java.util.List;

/** A daily sales summary for one vendor number; a day without sales has no rows. */
public record SalesReport(String vendorNumber, LocalDate date, List<SalesRow> rows) {

    public SalesReport {
        rows = List.copyOf(rows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
