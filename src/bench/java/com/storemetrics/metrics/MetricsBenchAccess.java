package com.storemetrics.metrics;

import com.storemetrics.appstore.SalesRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** Test-side access to the importer's write path, for harnesses outside this package (benchmarks). */
public final class MetricsBenchAccess {

    private MetricsBenchAccess() {}

    /** Aggregates and stores one vendor's day exactly as the importer does after Apple answered with data. */
    public static int storeDay(
            ApplicationContext context, long accountId, String vendor, LocalDate day, List<SalesRow> rows) {
        return context.getBean(SalesDayWriter.class).replaceDay(accountId, vendor, day, SalesLines.of(rows));
    }

    /** What the importer does with a published answer: stores it and the day's status in one transaction. */
    public static void storePublished(
            ApplicationContext context, DailyReport report, DailyReport.Day day, DailyReport.Answer answer) {
        context.getBean(ReportImporter.class).storePublished(report, day, answer, Instant.now());
    }
}
