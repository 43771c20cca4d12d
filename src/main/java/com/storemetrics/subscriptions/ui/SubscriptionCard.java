package com.storemetrics.subscriptions.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.Tooltip;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * One figure with what it is compared against, and its definition: shown on hover and on keyboard
 * focus (the card takes focus), and read out with the figure (styles.css's {@code metric-card}).
 */
class SubscriptionCard extends Div {

    private final String label;
    private final Span value = new Span();
    private final Span change = new Span();

    SubscriptionCard(String id, String label, String definition) {
        this.label = label;
        Span title = new Span(label);
        title.setClassName("title");
        value.setId("card-" + id + "-value");
        value.setClassName("value");
        change.setId("card-" + id + "-change");
        change.setClassName("change");
        Span meaning = new Span(definition);
        meaning.addClassNames(LumoUtility.Accessibility.SCREEN_READER_ONLY);
        meaning.setId("card-" + id + "-definition");
        add(title, value, change, meaning);
        setId("card-" + id);
        setClassName("metric-card");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("tabindex", "0");
        getElement().setAttribute("aria-describedby", "card-" + id + "-definition");
        Tooltip.forComponent(this).withText(definition);
    }

    void show(String figure, String comparison) {
        value.setText(figure);
        change.setText(comparison);
        getElement().setAttribute("aria-label", label + ": " + figure + ", " + comparison);
    }
}
