package com.storemetrics.myintegrations.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The store platforms a customer can connect: App Store Connect today, Google Play later. */
class PlatformCards extends FlexLayout {

    /**
     * {@code onAppStore} runs when the App Store Connect card is chosen: its Connect button, a click
     * anywhere on the card, or Enter or Space while the card has the focus.
     */
    PlatformCards(Button connectAppStore, Runnable onAppStore) {
        connectAppStore.setId("connect-app-store");
        connectAppStore.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        connectAppStore.setAriaLabel("Connect App Store Connect");
        Button googlePlay = new Button("Coming soon");
        googlePlay.setEnabled(false);
        googlePlay.setAriaLabel("Google Play: coming soon");
        connectAppStore.addClickListener(click -> onAppStore.run());
        Div appStore = card(
                "App Store Connect", "Sales and Trends data for your iOS, iPadOS and macOS apps.", connectAppStore);
        appStore.setId("app-store-card");
        appStore.getElement().setAttribute("role", "button");
        appStore.getElement().setAttribute("tabindex", "0");
        appStore.getElement().setAttribute("aria-label", "App Store Connect: connect an account");
        appStore.getStyle().set("cursor", "pointer");
        // The card's own clicks and keys; the Connect button inside it answers for itself.
        appStore.getElement()
                .addEventListener("click", click -> onAppStore.run())
                .setFilter("!event.target.closest('vaadin-button')");
        appStore.getElement()
                .addEventListener("keydown", key -> onAppStore.run())
                .setFilter("(event.key === 'Enter' || event.key === ' ') && event.target === element");
        add(appStore, card("Google Play", "Google Play Console data for your Android apps.", googlePlay));
        setFlexWrap(FlexWrap.WRAP);
        addClassNames(LumoUtility.Gap.MEDIUM);
    }

    private static Div card(String title, String description, Button action) {
        Div card = new Div();
        card.addClassNames(
                LumoUtility.Border.ALL,
                LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.LARGE,
                LumoUtility.Padding.MEDIUM,
                LumoUtility.Display.FLEX,
                LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.SMALL);
        card.setWidth("18rem");
        card.setMaxWidth("100%");
        Span name = new Span(title);
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE);
        Span text = new Span(description);
        text.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        card.add(name, text, action);
        return card;
    }
}
