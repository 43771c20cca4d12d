package com.storemetrics.appstore;

import java.util.List;

/** Test-side access to the report parser, for harnesses outside this package (benchmarks). */
public final class SalesReports {

    private SalesReports() {}

    public static List<SalesRow> parseGzip(byte[] gzip) {
        return SalesSummaryTsv.parseGzip(gzip, 512L * 1024 * 1024);
    }
}
