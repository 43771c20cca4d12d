package com.storemetrics.metrics.ui;

import com.storemetrics.metrics.Bucket;
import com.storemetrics.metrics.Dashboard;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/** A sortable table of units and proceeds per app or per country. */
class BreakdownGrid extends Grid<BreakdownGrid.Row> {

    /**
     * One row as the table shows it: the counts as numbers, and the per-currency amounts as the one
     * string the table prints. An open view keeps its rows (the grid sorts them in memory), so a
     * row holds no maps, where a {@link Dashboard.Totals} keeps a map and a set per row. The key
     * (SKU or country code) keeps two apps of the same title and figures apart in the grid.
     */
    record Row(
            String key,
            String label,
            long downloads,
            long redownloads,
            long updates,
            long inAppAndSubscriptions,
            long refunds,
            BigDecimal estimated,
            String unconverted,
            String perCurrency) {

        static Row of(Dashboard.Line line) {
            Dashboard.Totals totals = line.totals();
            return new Row(
                    line.key(),
                    line.label(),
                    totals.units(Bucket.DOWNLOADS),
                    totals.units(Bucket.REDOWNLOADS),
                    totals.units(Bucket.UPDATES),
                    totals.inAppAndSubscriptions(),
                    totals.refunds(),
                    totals.estimated(),
                    totals.unconverted().isEmpty() ? "" : String.join(", ", totals.unconverted()),
                    Figures.perCurrency(totals));
        }
    }

    private final Column<Row> estimated;
    /** The display currency of the estimates, known with the first dashboard. */
    private String displayCurrency = "";

    BreakdownGrid(String what) {
        addColumn(Row::label)
                .setHeader(what)
                .setSortable(true)
                .setComparator(Comparator.comparing(Row::label, String.CASE_INSENSITIVE_ORDER))
                .setAutoWidth(true)
                .setFlexGrow(1)
                .setKey("label");
        number("Downloads", Row::downloads, "downloads");
        number("Re-downloads", Row::redownloads, "redownloads");
        number("Updates", Row::updates, "updates");
        number("In-app & subscriptions", Row::inAppAndSubscriptions, "iap");
        number("Refunds", Row::refunds, "refunds");
        estimated = addColumn(row -> Figures.money(row.estimated(), displayCurrency)
                        + (row.unconverted().isEmpty() ? "" : " + " + row.unconverted()))
                .setHeader("Proceeds (estimated)")
                .setSortable(true)
                .setComparator(Comparator.comparing(Row::estimated))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setKey("estimated");
        addColumn(Row::perCurrency)
                .setHeader("Proceeds per currency")
                .setAutoWidth(true)
                .setKey("perCurrency");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        setAllRowsVisible(true);
        setAriaLabel(what.equals("App") ? "Units and proceeds by app" : "Units and proceeds by country");
    }

    private void number(String header, ToLongFunction<Row> value, String key) {
        addColumn(row -> Figures.count(value.applyAsLong(row)))
                .setHeader(header)
                .setSortable(true)
                .setComparator(Comparator.comparingLong(value))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setKey(key);
    }

    void show(List<Dashboard.Line> lines, String displayCurrency) {
        if (!displayCurrency.equals(this.displayCurrency)) {
            this.displayCurrency = displayCurrency;
            estimated.setHeader("Proceeds (estimated, " + displayCurrency + ")");
        }
        setItems(lines.stream().map(Row::of).toList());
    }
}
