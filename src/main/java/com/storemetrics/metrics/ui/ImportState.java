package com.storemetrics.metrics.ui;

import com.storemetrics.metrics.Dashboard;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** How far Apple has published, and the history import's progress while it runs. */
final class ImportState extends Div {

    final Paragraph freshness = new Paragraph();
    final Span progressText = new Span();
    final ProgressBar progressBar = new ProgressBar();
    private final Div progress = new Div(progressText, progressBar);

    ImportState() {
        freshness.setId("freshness");
        freshness.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        progressText.setId("import-progress-text");
        progressBar.setMin(0);
        progressBar.setMax(1);
        progressBar.getElement().setAttribute("aria-labelledby", "import-progress-text");
        progress.setId("import-progress");
        progress.addClassNames(LumoUtility.Width.FULL);
        addClassNames(LumoUtility.Width.FULL);
        add(freshness, progress);
    }

    void show(Dashboard dashboard) {
        freshness.setText(
                dashboard.publishedUpTo() == null
                        ? "Apple has not published any day of this account yet."
                        : "Apple has published up to " + Figures.DAY.format(dashboard.publishedUpTo())
                                + (dashboard.unreportedDays() > 0
                                        ? ". " + dashboard.unreportedDays()
                                                + " day(s) of this period are not reported yet."
                                        : "."));
        Dashboard.Progress state = dashboard.progress();
        progress.setVisible(!state.complete());
        progressText.setText(
                state.active()
                        ? "Importing history: " + state.daysDone() + " of " + state.daysTotal() + " days"
                                + (state.lastFailure() == null ? "" : " (retrying after: " + state.lastFailure() + ")")
                        : "History import stopped at " + state.daysDone() + " of " + state.daysTotal()
                                + " days: no Approved integration of this account is left.");
        progressBar.setValue(state.daysDone() / (double) state.daysTotal());
    }
}
