package com.storemetrics.sandbox.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The console's small pieces: cards, rows, badges, labels, copy buttons and notifications. */
final class ConsoleParts {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ConsoleParts() {}

    static Button copyButton(String text, String ariaLabel, String confirmation) {
        Button copy = new Button(VaadinIcon.COPY_O.create(), e -> {
            UI.getCurrent().getPage().executeJs("navigator.clipboard.writeText($0)", text);
            toast(confirmation, NotificationVariant.LUMO_CONTRAST);
        });
        copy.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        copy.setAriaLabel(ariaLabel);
        copy.setTooltipText(ariaLabel);
        return copy;
    }

    static void toast(String message, NotificationVariant variant) {
        Notification notification = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }

    static Span badge(String text, String variant) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + variant);
        return badge;
    }

    static Span label(String text) {
        Span label = new Span(text);
        label.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Margin.Top.SMALL);
        return label;
    }

    static HorizontalLayout row(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.addClassNames(LumoUtility.FlexWrap.WRAP);
        return row;
    }

    static Div card(Component... components) {
        Div card = new Div(components);
        styleCard(card);
        return card;
    }

    /** A bordered, padded column: how the console shows one thing of the world. */
    static void styleCard(Div card) {
        card.setWidthFull();
        card.addClassNames(
                LumoUtility.Border.ALL,
                LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Padding.MEDIUM,
                LumoUtility.Display.FLEX,
                LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.SMALL);
    }
}
