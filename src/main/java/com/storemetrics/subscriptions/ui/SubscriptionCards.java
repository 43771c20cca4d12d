package com.storemetrics.subscriptions.ui;

import com.storemetrics.metrics.ui.Figures;
import com.storemetrics.subscriptions.Flows;
import com.storemetrics.subscriptions.SubscriptionDashboard;
import com.storemetrics.subscriptions.SubscriptionDashboard.Snapshot;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The eight figure cards against the previous period, each with its definition (docs/subscriptions.md
 * says the same in full), and the note on how MRR is estimated. Built once; {@link #show} sets texts.
 */
final class SubscriptionCards extends Div {

    private final SubscriptionCard paid = new SubscriptionCard(
            "active-paid",
            "Active paid subscriptions",
            "Apple's count of paying subscriptions on the report day (Pacific time): standard price plus every"
                    + " pay-up-front and pay-as-you-go offer, from the Subscription report of the period's last"
                    + " day Apple has published.");
    private final SubscriptionCard trials = new SubscriptionCard(
            "free-trials",
            "Active free trials",
            "Subscriptions in a free trial (introductory, promotional, offer code or win-back) on the report"
                    + " day, from the Subscription report.");
    private final SubscriptionCard atRisk = new SubscriptionCard(
            "at-risk",
            "At risk",
            "Subscribers Apple could not bill on the report day: Billing Retry plus Grace Period in the"
                    + " Subscription report.");
    private final SubscriptionCard activations = new SubscriptionCard(
            "new",
            "New subscriptions",
            "Activations in the period: the Subscription Event report's Start Introductory Offer, Start"
                    + " Promotional Offer, Start Offer Code and Subscribe events (free trials included).");
    private final SubscriptionCard conversion = new SubscriptionCard(
            "conversion",
            "Trial to paid",
            "Free trials that turned paid (Paid Subscription from Introductory Offer, or an up-, down- or"
                    + " crossgrade from it, with offer type Free Trial) out of all free trials that ended in the"
                    + " period (those, trial cancellations and billing retries from a free trial).");
    private final SubscriptionCard cancellations = new SubscriptionCard(
            "cancellations",
            "Cancellations",
            "Paid subscriptions canceled in the period: Cancel events (not of a free trial), Canceled from"
                    + " Billing Retry, from Billing Grace Period and After Renewal Extension. Apple counts a"
                    + " cancellation when the subscription ends, not when auto-renew is turned off.");
    private final SubscriptionCard churn = new SubscriptionCard(
            "churn",
            "Churn rate",
            "Paid subscriptions that ended in the period (cancellations and refunds) out of the active paid"
                    + " subscriptions on the last published day before it.");
    private final SubscriptionCard mrr = new SubscriptionCard(
            "mrr",
            "MRR (estimated)",
            "Proceeds-based monthly recurring revenue on the report day: for every Subscription report row,"
                    + " active paid subscriptions x Developer Proceeds per subscription x what one period is worth"
                    + " per month (a week 4.35, a month 1, a year 1/12), converted to the display currency at the ECB"
                    + " reference rates of the report day (named below). An estimate, not Apple's figure.");
    private final Paragraph note = new Paragraph();

    SubscriptionCards() {
        FlexLayout row = new FlexLayout(paid, trials, atRisk, activations, conversion, cancellations, churn, mrr);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.addClassNames(LumoUtility.Gap.MEDIUM);
        row.setId("subscription-cards");
        note.setId("subscription-note");
        note.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        add(row, note);
    }

    void show(SubscriptionDashboard dashboard) {
        Snapshot now = dashboard.current();
        Snapshot before = dashboard.previous();
        String currency = dashboard.displayCurrency();
        count(paid, now, before, now.activePaid(), before.activePaid());
        count(trials, now, before, now.freeTrials(), before.freeTrials());
        count(atRisk, now, before, now.atRisk(), before.atRisk());
        Flows flows = dashboard.flows();
        Flows previous = dashboard.previousFlows();
        flow(activations, now, before, flows.activations(), previous.activations());
        conversion.show(
                percent(flows.trialConversionRate())
                        + (flows.trialsEnded() == 0
                                ? ""
                                : " (" + Figures.count(flows.trialConversions()) + " of "
                                        + Figures.count(flows.trialsEnded()) + ")"),
                points(flows.trialConversionRate(), previous.trialConversionRate()));
        flow(cancellations, now, before, flows.cancellations(), previous.cancellations());
        churn.show(percent(dashboard.churnRate()), points(dashboard.churnRate(), dashboard.previousChurnRate()));
        mrr.show(
                now.day() == null ? "not reported yet" : Figures.money(now.mrr().estimated(), currency),
                now.day() == null || before.day() == null
                        ? "no published day to compare"
                        : change(now.mrr().estimated(), before.mrr().estimated()));
        note.setText(SubscriptionTexts.note(dashboard));
    }

    /** Events over a period: a period without a published day is not reported, never zero. */
    private static void flow(SubscriptionCard card, Snapshot now, Snapshot before, long current, long previous) {
        if (now.day() == null) {
            card.show("not reported yet", "Apple has not published a day of this period");
            return;
        }
        card.show(
                Figures.count(current),
                before.day() == null ? "no published day in the previous period" : change(current, previous));
    }

    private static void count(SubscriptionCard card, Snapshot now, Snapshot before, long current, long previous) {
        if (now.day() == null) {
            card.show("not reported yet", "Apple has not published a day of this period");
            return;
        }
        card.show(
                Figures.count(current),
                "on " + Figures.DAY.format(now.day()) + " · "
                        + (before.day() == null
                                ? "no published day in the previous period"
                                : change(current, previous) + " (" + Figures.DAY.format(before.day()) + ")"));
    }

    static String change(double current, double previous) {
        if (previous == 0) {
            return current == 0 ? "no change vs previous period" : "none in the previous period";
        }
        long percent = Math.round((current - previous) * 100.0 / Math.abs(previous));
        return (percent > 0 ? "+" : "") + percent + "% vs previous period";
    }

    static String change(BigDecimal current, BigDecimal previous) {
        return change(current.doubleValue(), previous.doubleValue());
    }

    static String percent(Double rate) {
        return rate == null ? "n/a" : String.format(Locale.US, "%.1f%%", rate * 100);
    }

    private static String points(Double rate, Double previous) {
        if (rate == null || previous == null) {
            return "nothing to compare in the previous period";
        }
        double points = (rate - previous) * 100;
        return String.format(Locale.US, "%+.1f points vs previous period", points);
    }
}
