package com.storemetrics.subscriptions;

import com.storemetrics.appstore.SubscriptionBalance;
import com.storemetrics.appstore.SubscriptionEventReport;
import com.storemetrics.appstore.SubscriptionReport;
import com.storemetrics.metrics.MonthRollUps;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces one vendor's day of both subscription reports in one transaction (joining the importer's,
 * which also writes the day's status): the active counts, the events, the subscriptions they name,
 * and what the files were like with the day-to-day check. What Apple sent is stored as it is.
 */
@Component
class SubscriptionDayWriter {

    private final SubscriptionCounts counts;
    private final SubscriptionEvents events;
    private final SubscriptionProducts products;
    private final SubscriptionChecks checks;

    SubscriptionDayWriter(
            SubscriptionCounts counts,
            SubscriptionEvents events,
            SubscriptionProducts products,
            SubscriptionChecks checks) {
        this.counts = counts;
        this.events = events;
        this.products = products;
        this.checks = checks;
    }

    @Transactional
    void replaceDay(
            long accountId,
            SubscriptionReport subscriptions,
            SubscriptionEventReport dayEvents,
            SubscriptionChecks.Findings findings) {
        Map<String, Object> day = MonthRollUps.day(accountId, subscriptions.vendorNumber(), subscriptions.date());
        counts.replace(day, subscriptions.rows(), SubscriptionBalance.changes(dayEvents.rows()));
        events.replace(day, dayEvents.rows());
        products.merge(
                accountId,
                subscriptions.date(),
                SubscriptionProducts.named(subscriptions.rows(), dayEvents.rows())
                        .values());
        checks.record(day, findings);
    }
}
