package com.storemetrics.metrics.ui;

import com.storemetrics.metrics.MetricsService.MetricsAccount;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import java.util.List;

/**
 * What the pages filtered by one of the customer's Approved accounts (Store Metrics, Subscriptions,
 * Payments) do alike about those accounts: the page when there is none, and an account whose
 * integration was removed while the page was open.
 */
public final class AccountChoice {

    private AccountChoice() {}

    /** The page's title, why it is empty ({@code emptyId} is the paragraph's id) and the way to connect an account. */
    public static void showNoAccounts(HasComponents page, String title, String emptyId, String why) {
        Paragraph empty = new Paragraph(why);
        empty.setId(emptyId);
        Anchor link = new Anchor("my-account/data-integration", "Go to Data Integration");
        link.setId("to-data-integration");
        page.add(new H2(title), empty, link);
    }

    /**
     * The account on screen is no longer the customer's to see: says so, and offers the accounts
     * {@code left}, or runs {@code noneLeft} when there are none.
     */
    public static void accountGone(
            MetricsAccount gone, List<MetricsAccount> left, Select<MetricsAccount> account, Runnable noneLeft) {
        Notification.show(
                (gone == null ? "This account" : gone.name()) + " is no longer available: its App Store Connect "
                        + "integration was removed.",
                8000,
                Notification.Position.MIDDLE);
        if (left.isEmpty()) {
            noneLeft.run();
            return;
        }
        account.setItems(left);
        account.setValue(left.get(0));
    }
}
