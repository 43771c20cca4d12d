package com.storemetrics.appstore;

import java.time.LocalDate;
import java.util.List;

/**
 * What Apple answered for one vendor's daily sales summary of one day: a report with rows, a day
 * without sales (a real zero), or a report not published yet (ask again later; never a zero).
 */
public record DailySales(Outcome outcome, SalesReport report) {

    public enum Outcome {
        DATA,
        NO_SALES,
        NOT_YET_AVAILABLE
    }

    static DailySales noSales(String vendor, LocalDate date) {
        return new DailySales(Outcome.NO_SALES, new SalesReport(vendor, date, List.of()));
    }

    static DailySales notYetAvailable(String vendor, LocalDate date) {
        return new DailySales(Outcome.NOT_YET_AVAILABLE, new SalesReport(vendor, date, List.of()));
    }
}
