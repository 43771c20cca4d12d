package com.storemetrics.metrics.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One figure of the period with its change against the previous period, read out as one group (styles.css). */
class MetricCard extends Div {

    private final String label;
    private final Span value = new Span();
    private final Span change = new Span();

    MetricCard(String id, String label) {
        this.label = label;
        Span title = new Span(label);
        title.setClassName("title");
        value.setId("card-" + id + "-value");
        value.setClassName("value");
        change.setId("card-" + id + "-change");
        change.setClassName("change");
        add(title, value, change);
        setId("card-" + id);
        setClassName("metric-card");
        getElement().setAttribute("role", "group");
    }

    /** A count against the previous period's. */
    void show(long current, long previous) {
        show(Figures.count(current), current, previous);
    }

    void show(String figure, double current, double previous) {
        String difference = Figures.change(current, previous);
        value.setText(figure);
        change.setText(difference);
        getElement().setAttribute("aria-label", label + ": " + figure + ", " + difference);
    }
}
