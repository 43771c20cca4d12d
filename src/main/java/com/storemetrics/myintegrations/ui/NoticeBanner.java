package com.storemetrics.myintegrations.ui;

import com.storemetrics.base.ui.Times;
import com.storemetrics.integration.Notice;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.function.Consumer;

/** A stored notice at the top of the page, until the customer dismisses it. */
class NoticeBanner extends HorizontalLayout {

    private final transient Notice notice;
    final Button dismiss;

    NoticeBanner(Notice notice, Consumer<Notice> onDismiss) {
        this.notice = notice;
        setWidthFull();
        setAlignItems(Alignment.CENTER);
        addClassNames(
                LumoUtility.Background.ERROR_10,
                LumoUtility.TextColor.ERROR_CONTRAST,
                LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Padding.SMALL);
        getElement().setAttribute("role", "alert");
        Icon icon = new Icon(VaadinIcon.WARNING);
        icon.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.Flex.SHRINK_NONE);
        Span text = new Span(Times.minute(notice.createdAt()) + " · " + notice.message());
        text.addClassNames(LumoUtility.TextColor.BODY);
        dismiss = new Button("Dismiss", click -> onDismiss.accept(notice));
        dismiss.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        dismiss.addClassNames(LumoUtility.Flex.SHRINK_NONE);
        dismiss.setAriaLabel("Dismiss the notice: " + notice.message());
        add(icon, text, dismiss);
        setFlexGrow(1, text);
    }

    Notice notice() {
        return notice;
    }
}
