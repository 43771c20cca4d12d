package com.storemetrics.appstore;

import java.time.LocalDate;

/** Test-side access to the subscription report parsers, for harnesses outside this package (benchmarks). */
public final class SubscriptionReports {

    private static final long MAX_BYTES = 512L * 1024 * 1024;

    private SubscriptionReports() {}

    /** A Subscription report file as the client reads it (gunzip, parse by header name). */
    public static SubscriptionReport subscriptions(String vendor, LocalDate day, String version, byte[] gzip) {
        SubscriptionReportTsv.Parsed parsed = SubscriptionReportTsv.parseGzip(gzip, MAX_BYTES);
        return new SubscriptionReport(
                vendor, day, version, parsed.rows(), parsed.countColumns(), parsed.unknownColumns());
    }

    /** A Subscription Event report file as the client reads it. */
    public static SubscriptionEventReport events(String vendor, LocalDate day, String version, byte[] gzip) {
        SubscriptionEventTsv.Parsed parsed = SubscriptionEventTsv.parseGzipWithColumns(gzip, MAX_BYTES);
        return new SubscriptionEventReport(vendor, day, version, parsed.rows(), parsed.unknownColumns());
    }
}
