package com.storemetrics.subscriptions.ui;

import com.storemetrics.metrics.ui.Figures;
import com.storemetrics.subscriptions.SubscriptionDashboard;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The sentences the view writes about its figures: one place, so screen and CSV say the same. */
final class SubscriptionTexts {

    private SubscriptionTexts() {}

    /** How fresh the figures are, and which days of the period are not published. */
    static String freshness(SubscriptionDashboard dashboard) {
        if (dashboard.publishedUpTo() == null) {
            return "Apple has not published subscription reports of this account yet (they come about two days"
                    + " after the day).";
        }
        return "Apple has published up to " + Figures.DAY.format(dashboard.publishedUpTo())
                + (dashboard.unreportedDays() > 0
                        ? ". " + dashboard.unreportedDays() + " day(s) of this period are not reported yet."
                        : ".");
    }

    static String progress(SubscriptionDashboard.Progress progress) {
        return "Importing subscription history: " + progress.daysDone() + " of " + progress.daysTotal() + " days"
                + (progress.lastFailure() == null ? "" : " (retrying after: " + progress.lastFailure() + ")");
    }

    /** How MRR was estimated, and what the figures leave out or Apple's files disagree on. */
    static String note(SubscriptionDashboard dashboard) {
        List<String> sentences = new ArrayList<>();
        SubscriptionDashboard.Mrr mrr = dashboard.current().mrr();
        sentences.add("MRR is estimated in " + dashboard.displayCurrency() + " at the report day's exchange rates: "
                + dashboard.rates().describe() + ". Exact amounts per currency are in the tables.");
        if (!mrr.unconverted().isEmpty()) {
            sentences.add("Not in the estimate (no exchange rate): "
                    + mrr.unconverted().stream()
                            .map(currency ->
                                    Figures.money(mrr.perCurrency().getOrDefault(currency, BigDecimal.ZERO), currency))
                            .collect(Collectors.joining(", "))
                    + ".");
        }
        if (!dashboard.withoutDuration().isEmpty()) {
            sentences.add(
                    "Not in MRR (a duration we cannot read): " + String.join(", ", dashboard.withoutDuration()) + ".");
        }
        Map<String, Long> unknown = dashboard.flows().unknownEvents();
        if (!unknown.isEmpty()) {
            sentences.add("Events Apple reported that no figure here counts yet: "
                    + unknown.entrySet().stream()
                            .map(event -> event.getKey() + " (" + Figures.count(event.getValue()) + ")")
                            .collect(Collectors.joining(", "))
                    + ".");
        }
        if (!dashboard.mismatchedDays().isEmpty()) {
            sentences.add("Warning: on " + dashboard.mismatchedDays().size() + " day(s) of this period ("
                    + dashboard.mismatchedDays().stream()
                            .map(Figures.DAY::format)
                            .collect(Collectors.joining(", "))
                    + ") Apple's Subscription report does not equal the day before plus that day's events;"
                    + " the figures are Apple's as sent.");
        }
        return String.join(" ", sentences);
    }
}
