package com.storemetrics.subscriptions.ui;

import com.storemetrics.metrics.ui.TopRows;
import com.storemetrics.subscriptions.SubscriptionDashboard;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * Everything the view shows of one dashboard: how fresh it is and the import's progress, then the
 * cards, the chart, cancellations by reason and both tables. Built once; {@link #show} fills them.
 */
final class SubscriptionFigures extends Div {

    final Paragraph freshness = new Paragraph();
    final Span progressText = new Span();
    final ProgressBar progressBar = new ProgressBar(0, 1);
    private final Div progress = new Div(progressText, progressBar);
    private final SubscriptionCards cards = new SubscriptionCards();
    final SubscriptionChart chart = new SubscriptionChart();
    final ReasonTable reasons = new ReasonTable();
    final SubscriptionGrid byProduct = new SubscriptionGrid("Subscription", "Subscriptions by subscription");
    final SubscriptionGrid byCountry = new SubscriptionGrid("Country", "Subscriptions by country");
    final TopRows moreProducts;
    final TopRows moreCountries;
    /** The figures proper; hidden while the chosen days do not work. */
    final Div content = new Div();

    /** @param reread shows the figures again, read afresh (a table's "Show all"). */
    SubscriptionFigures(Runnable reread) {
        moreProducts = new TopRows("subscriptions", "most active paid first", reread);
        moreCountries = new TopRows("countries", "most active paid first", reread);
        freshness.setId("freshness");
        freshness.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        progressText.setId("import-progress-text");
        progressBar.getElement().setAttribute("aria-labelledby", "import-progress-text");
        progress.addClassNames(LumoUtility.Width.FULL);
        content.add(
                cards,
                new H3("Active paid subscriptions and free trials"),
                chart,
                new H3("Cancellations by reason"),
                reasons,
                new H3("By subscription"),
                byProduct,
                moreProducts,
                new H3("By country"),
                byCountry,
                moreCountries);
        content.setWidthFull();
        setWidthFull();
        add(freshness, progress, content);
    }

    void show(SubscriptionDashboard dashboard) {
        freshness.setText(SubscriptionTexts.freshness(dashboard));
        progress.setVisible(!dashboard.progress().complete());
        progressText.setText(SubscriptionTexts.progress(dashboard.progress()));
        progressBar.setValue(
                dashboard.progress().daysDone() / (double) dashboard.progress().daysTotal());
        cards.show(dashboard);
        chart.show(dashboard);
        reasons.show(dashboard.flows().cancellationsByReason());
        byProduct.show(moreProducts.cut(dashboard.byProduct()), dashboard.displayCurrency());
        byCountry.show(moreCountries.cut(dashboard.byCountry()), dashboard.displayCurrency());
    }
}
