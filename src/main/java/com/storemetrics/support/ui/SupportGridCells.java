package com.storemetrics.support.ui;

import com.storemetrics.base.ui.Badge;
import com.storemetrics.integration.IntegrationOverview;
import com.storemetrics.integration.IntegrationStatus;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The support grid's two-line cells: customer, account and status. */
final class SupportGridCells {

    private SupportGridCells() {
    }

    static Div customer(IntegrationOverview row) {
        return twoLines(row.customerName(), row.customerUsername());
    }

    static Div account(IntegrationOverview row) {
        return twoLines(row.accountName(), row.accountNumber() == null ? "Account number after approval"
                : "Account " + row.accountNumber());
    }

    static Div status(IntegrationOverview row) {
        Div box = twoLines(null, row.status() == IntegrationStatus.PENDING ? row.progress().label() : null);
        box.addComponentAsFirst(new Badge(row.status().label(), row.status().tone()));
        return box;
    }

    private static Div twoLines(String first, String second) {
        Div box = new Div();
        box.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.START);
        if (first != null) {
            Span main = new Span(first);
            main.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            box.add(main);
        }
        if (second != null) {
            Span detail = new Span(second);
            detail.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
            box.add(detail);
        }
        return box;
    }
}
