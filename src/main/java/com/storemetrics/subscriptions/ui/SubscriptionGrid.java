package com.storemetrics.subscriptions.ui;

import com.storemetrics.metrics.ui.Figures;
import com.storemetrics.subscriptions.SubscriptionDashboard.Line;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A sortable table of subscriptions per subscription or per country: the counts on the report day,
 * the period's new subscriptions and cancellations, and MRR (estimated, and exact per currency). Its
 * rows are the dashboard's compact lines (no maps), since the grid keeps them for sorting.
 */
class SubscriptionGrid extends Grid<Line> {

    private final Column<Line> mrr;
    private String displayCurrency = "";

    SubscriptionGrid(String what, String ariaLabel) {
        addColumn(Line::label)
                .setHeader(what)
                .setSortable(true)
                .setComparator(Comparator.comparing(Line::label, String.CASE_INSENSITIVE_ORDER))
                .setAutoWidth(true)
                .setFlexGrow(1)
                .setKey("label");
        number("Active paid", Line::activePaid, "paid");
        number("Free trials", Line::freeTrials, "trials");
        number("At risk", Line::atRisk, "risk");
        number("New", Line::activations, "new");
        number("Cancellations", Line::cancellations, "cancellations");
        mrr = addColumn(line -> Figures.money(line.mrrEstimated(), displayCurrency))
                .setHeader("MRR (estimated)")
                .setSortable(true)
                .setComparator(Comparator.comparing(Line::mrrEstimated))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setKey("mrr");
        addColumn(Line::mrrPerCurrency)
                .setHeader("MRR per currency")
                .setAutoWidth(true)
                .setKey("mrrPerCurrency");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        setAriaLabel(ariaLabel);
    }

    private void number(String header, ToLongFunction<Line> value, String key) {
        addColumn(line -> Figures.count(value.applyAsLong(line)))
                .setHeader(header)
                .setSortable(true)
                .setComparator(Comparator.comparingLong(value))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setKey(key);
    }

    void show(List<Line> lines, String displayCurrency) {
        if (!displayCurrency.equals(this.displayCurrency)) {
            this.displayCurrency = displayCurrency;
            mrr.setHeader("MRR (estimated, " + displayCurrency + ")");
        }
        setItems(lines);
    }
}
