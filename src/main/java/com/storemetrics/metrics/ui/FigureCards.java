package com.storemetrics.metrics.ui;

import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.metrics.Bucket;
import com.storemetrics.metrics.Dashboard;
import com.storemetrics.metrics.SettledByApple;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The period's six figure cards, each against the previous period, and the note on how proceeds
 * were estimated. Built once; {@link #show} sets their texts.
 */
final class FigureCards extends Div {

    private final MetricCard downloads = new MetricCard("downloads", "Downloads");
    private final MetricCard redownloads = new MetricCard("redownloads", "Re-downloads");
    private final MetricCard updates = new MetricCard("updates", "Updates");
    private final MetricCard inApp = new MetricCard("iap", "In-app purchases & subscriptions");
    private final MetricCard proceeds = new MetricCard("proceeds", "Proceeds (estimated)");
    private final MetricCard refunds = new MetricCard("refunds", "Refunds");
    private final Paragraph currencyNote = new Paragraph();

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    FigureCards() {
        FlexLayout cardRow = new FlexLayout(downloads, redownloads, updates, inApp, proceeds, refunds);
        cardRow.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cardRow.addClassNames(LumoUtility.Gap.MEDIUM);
        cardRow.setId("metric-cards");
        currencyNote.setId("currency-note");
        currencyNote.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        add(cardRow, currencyNote);
    }

    void show(Dashboard dashboard) {
        String currency = dashboard.displayCurrency();
        Dashboard.Totals now = dashboard.current();
        Dashboard.Totals before = dashboard.previous();
        downloads.show(now.units(Bucket.DOWNLOADS), before.units(Bucket.DOWNLOADS));
        redownloads.show(now.units(Bucket.REDOWNLOADS), before.units(Bucket.REDOWNLOADS));
        updates.show(now.units(Bucket.UPDATES), before.units(Bucket.UPDATES));
        inApp.show(now.inAppAndSubscriptions(), before.inAppAndSubscriptions());
        proceeds.note(settled(dashboard.settled()));
        proceeds.show(
                Figures.money(now.estimated(), currency),
                now.estimated().doubleValue(),
                before.estimated().doubleValue());
        refunds.show(now.refunds(), before.refunds());
        currencyNote.setText("Proceeds are estimated in " + currency + ", each day at its own exchange rates: "
                + dashboard.rates().describe() + ". Exact amounts per currency are in the tables."
                + (now.unconverted().isEmpty()
                        ? ""
                        : " Not in the estimate (no exchange rate): "
                                + String.join(", ", now.unconverted()) + ", shown in its own currency: "
                                + now.unconverted().stream()
                                        .map(c -> Figures.money(now.proceeds().getOrDefault(c, BigDecimal.ZERO), c))
                                        .reduce((a, b) -> a + ", " + b)
                                        .orElse("")
                                + "."));
    }

    /**
     * "Settled by Apple, FY2027 P2 (Nov), Nov 1 – Nov 28, 2026: 1,051.13 AUD, 233.36 CHF": per
     * currency, never added together; null when Apple has not settled every whole fiscal month of the period.
     */
    static String settled(SettledByApple.Settled settled) {
        if (settled == null) {
            return null;
        }
        FiscalMonth first = settled.months().get(0);
        FiscalMonth last = settled.months().get(settled.months().size() - 1);
        return "Settled by Apple, " + first.shortName()
                + (first.equals(last) ? "" : " to " + last.shortName()) + ", " + SHORT.format(first.start())
                + " – " + Figures.DAY.format(last.end()) + ": "
                + (settled.amounts().isEmpty()
                        ? "nothing (no sales)"
                        : settled.amounts().entrySet().stream()
                                .map(entry -> Figures.money(entry.getValue(), entry.getKey()))
                                .collect(Collectors.joining(", ")));
    }
}
