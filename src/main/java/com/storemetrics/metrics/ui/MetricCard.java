package com.storemetrics.metrics.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One figure of the period with its change against the previous period, read out as one group (styles.css). */
class MetricCard extends Div {

    private final String label;
    private final Span value = new Span();
    private final Span change = new Span();
    /** A further line under the change, when there is something to add (Proceeds: what Apple settled). */
    private final Span note = new Span();

    private String noteText;

    MetricCard(String id, String label) {
        this.label = label;
        Span title = new Span(label);
        title.setClassName("title");
        value.setId("card-" + id + "-value");
        value.setClassName("value");
        change.setId("card-" + id + "-change");
        change.setClassName("change");
        note.setId("card-" + id + "-note");
        note.setClassName("change");
        note.setVisible(false);
        add(title, value, change, note);
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
        getElement()
                .setAttribute(
                        "aria-label",
                        label + ": " + figure + ", " + difference + (noteText == null ? "" : ". " + noteText));
    }

    /** Sets the line under the change (null: none); call before {@link #show}, which reads it out with the card. */
    void note(String text) {
        noteText = text;
        note.setText(text == null ? "" : text);
        note.setVisible(text != null);
    }
}
