package com.storemetrics.appstore;

import java.util.List;

/** One vendor of {@code Finance.getVendorsAndRegions}: the regions it has reports in, and which reports. */
public record VendorRegions(String vendor, List<Region> regions) {

    /** A report region (one currency, e.g. US for USD, EU for EUR) and the reports it has ("Financial"). */
    public record Region(String code, List<String> reports) {

        public boolean hasFinancialReport() {
            return reports.stream().anyMatch(report -> report.equalsIgnoreCase("Financial"));
        }
    }
}
