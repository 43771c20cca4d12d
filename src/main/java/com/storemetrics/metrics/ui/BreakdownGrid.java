package com.storemetrics.metrics.ui;

import com.storemetrics.metrics.Bucket;
import com.storemetrics.metrics.Dashboard;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.Comparator;
import java.util.List;

/** A sortable table of units and proceeds per app or per country. */
class BreakdownGrid extends Grid<Dashboard.Line> {

    BreakdownGrid(String what, String displayCurrency) {
        addColumn(Dashboard.Line::label).setHeader(what).setSortable(true)
                .setComparator(Comparator.comparing(Dashboard.Line::label, String.CASE_INSENSITIVE_ORDER))
                .setAutoWidth(true).setFlexGrow(1).setKey("label");
        number("Downloads", line -> line.totals().units(Bucket.DOWNLOADS), "downloads");
        number("Re-downloads", line -> line.totals().units(Bucket.REDOWNLOADS), "redownloads");
        number("Updates", line -> line.totals().units(Bucket.UPDATES), "updates");
        number("In-app & subscriptions", line -> line.totals().inAppAndSubscriptions(), "iap");
        number("Refunds", line -> line.totals().refunds(), "refunds");
        addColumn(line -> Figures.money(line.totals().estimated(), displayCurrency)
                + (line.totals().unconverted().isEmpty() ? "" : " + " + String.join(", ", line.totals().unconverted())))
                .setHeader("Proceeds (estimated, " + displayCurrency + ")").setSortable(true)
                .setComparator(Comparator.comparing(line -> line.totals().estimated()))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setKey("estimated");
        addColumn(line -> Figures.perCurrency(line.totals())).setHeader("Proceeds per currency").setAutoWidth(true)
                .setKey("perCurrency");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        setAriaLabel(what.equals("App") ? "Units and proceeds by app" : "Units and proceeds by country");
    }

    private void number(String header, java.util.function.ToLongFunction<Dashboard.Line> value, String key) {
        addColumn(line -> Figures.count(value.applyAsLong(line))).setHeader(header).setSortable(true)
                .setComparator(Comparator.comparingLong(value)).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setKey(key);
    }

    void show(List<Dashboard.Line> lines) {
        setItems(lines);
    }
}
