package com.storemetrics.subscriptions;

import com.storemetrics.appstore.DailySubscriptionEvents;
import com.storemetrics.appstore.DailySubscriptions;
import com.storemetrics.appstore.ReportOutcome;
import com.storemetrics.appstore.SubscriptionEventReport;
import com.storemetrics.appstore.SubscriptionReport;
import com.storemetrics.metrics.DailyReport;
import com.storemetrics.metrics.MetricsBenchAccess;
import org.springframework.context.ApplicationContext;

/** Test-side access to the subscription import's write path, for harnesses outside this package (benchmarks). */
public final class SubscriptionsBenchAccess {

    private SubscriptionsBenchAccess() {}

    /**
     * Stores one vendor's published day of both reports exactly as the importer does once Apple
     * answered with files: the findings, the day's tables and roll-ups, and the day's status row, in
     * one transaction.
     */
    public static void storeDay(
            ApplicationContext context,
            long accountId,
            String accountNumber,
            SubscriptionReport subscriptions,
            SubscriptionEventReport events) {
        SubscriptionDays report = context.getBean(SubscriptionDays.class);
        DailyReport.Answer answer = report.published(
                accountId,
                new DailySubscriptions(ReportOutcome.DATA, subscriptions),
                new DailySubscriptionEvents(ReportOutcome.DATA, events));
        MetricsBenchAccess.storePublished(
                context,
                report,
                new DailyReport.Day(accountId, accountNumber, subscriptions.vendorNumber(), subscriptions.date()),
                answer);
    }
}
