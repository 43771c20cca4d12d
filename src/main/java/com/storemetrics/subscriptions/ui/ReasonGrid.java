package com.storemetrics.subscriptions.ui;

import com.storemetrics.metrics.ui.Figures;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The period's cancellations by Apple's Cancellation Reason (or the event, where Apple gives no reason). */
class ReasonGrid extends Grid<ReasonGrid.Reason> {

    record Reason(String reason, long count, double share) {}

    ReasonGrid() {
        addColumn(Reason::reason).setHeader("Reason").setFlexGrow(1).setKey("reason");
        addColumn(reason -> Figures.count(reason.count()))
                .setHeader("Cancellations")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setKey("count");
        addColumn(reason -> String.format(Locale.US, "%.1f%%", reason.share() * 100))
                .setHeader("Share")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setKey("share");
        addThemeVariants(GridVariant.LUMO_COMPACT);
        setAllRowsVisible(true);
        setAriaLabel("Cancellations by reason");
    }

    static List<Reason> of(Map<String, Long> byReason) {
        long total = byReason.values().stream().mapToLong(Long::longValue).sum();
        List<Reason> reasons = new ArrayList<>();
        byReason.forEach(
                (reason, count) -> reasons.add(new Reason(reason, count, total == 0 ? 0 : count / (double) total)));
        reasons.sort(Comparator.comparingLong(Reason::count).reversed().thenComparing(Reason::reason));
        return reasons;
    }

    void show(Map<String, Long> byReason) {
        setItems(of(byReason));
    }
}
