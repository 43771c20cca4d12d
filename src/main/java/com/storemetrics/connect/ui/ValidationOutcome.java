package com.storemetrics.connect.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The inline answer of a network call on a step: success or a specific failure, announced to
 * screen readers as it appears.
 */
class ValidationOutcome extends HorizontalLayout {

    private final Span message = new Span();
    private final Icon icon = new Icon();

    ValidationOutcome(String id) {
        setId(id);
        setSpacing(true);
        setPadding(false);
        setAlignItems(Alignment.START);
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        icon.setSize("var(--lumo-icon-size-s)");
        add(icon, message);
        clear();
    }

    void success(String text) {
        show(VaadinIcon.CHECK_CIRCLE, LumoUtility.TextColor.SUCCESS, text);
    }

    void failure(String text) {
        show(VaadinIcon.EXCLAMATION_CIRCLE, LumoUtility.TextColor.ERROR, text);
    }

    void info(String text) {
        show(VaadinIcon.INFO_CIRCLE, LumoUtility.TextColor.SECONDARY, text);
    }

    void clear() {
        message.setText("");
        setVisible(false);
    }

    String text() {
        return message.getText();
    }

    private void show(VaadinIcon shape, String color, String text) {
        removeClassNames(LumoUtility.TextColor.SUCCESS, LumoUtility.TextColor.ERROR, LumoUtility.TextColor.SECONDARY);
        addClassName(color);
        icon.getElement()
                .setAttribute("icon", "vaadin:" + shape.name().toLowerCase().replace('_', '-'));
        message.setText(text);
        setVisible(true);
    }
}
