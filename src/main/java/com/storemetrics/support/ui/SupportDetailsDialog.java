package com.storemetrics.support.ui;

import com.storemetrics.base.ui.Badge;
import com.storemetrics.base.ui.Times;
import com.storemetrics.integration.HistoryEntry;
import com.storemetrics.support.AccountPicture;
import com.storemetrics.support.IntegrationOverview;
import com.storemetrics.support.LinkedCustomer;
import com.storemetrics.support.SupportIntegrationDetails;
import com.storemetrics.support.SupportOpening;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * One integration for support, read-only: summary, full history, the account's shared picture
 * (every customer linked, our membership as last seen) and who of support opened these details.
 * A snapshot of the moment it was opened (the opening is what the audit trail records).
 */
class SupportDetailsDialog extends Dialog {

    final Grid<HistoryEntry> history = new Grid<>(HistoryEntry.class, false);
    final Grid<LinkedCustomer> customers = new Grid<>(LinkedCustomer.class, false);
    final UnorderedList openings = new UnorderedList();
    final Span membership = new Span();
    final Paragraph storeData = new Paragraph();
    final Paragraph payments = new Paragraph();
    final Button close = new Button(VaadinIcon.CLOSE.create(), click -> close());

    SupportDetailsDialog(SupportIntegrationDetails details) {
        IntegrationOverview row = details.integration();
        setId("integration-details");
        setHeaderTitle(row.accountName() + " · " + row.customerName());
        setWidth("min(64rem, 95vw)");
        close.setAriaLabel("Close details");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getHeader().add(close);

        add(summary(row));

        history.setId("details-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setAllRowsVisible(true);
        history.addColumn(entry -> Times.second(entry.at(), ""))
                .setHeader("Time")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("time");
        history.addColumn(entry -> entry.change())
                .setHeader("Change")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("change");
        history.addColumn(HistoryEntry::reason)
                .setHeader("Reason")
                .setFlexGrow(1)
                .setKey("reason");
        history.addColumn(entry -> entry.actor().label())
                .setHeader("By")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("actor");
        history.setItems(details.history());
        add(section("History"), history);

        add(section("Account"), account(details.account(), row.id()));
        if (details.storeData() != null) {
            storeData.setId("details-store-data");
            storeData.setText(details.storeData());
            storeData.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Margin.Vertical.NONE);
            add(section("Store data"), storeData);
        }
        if (details.payments() != null) {
            payments.setId("details-payments");
            payments.setText(details.payments());
            payments.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Margin.Vertical.NONE);
            add(section("Payments"), payments);
        }

        openings.setId("details-openings");
        openings.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.Margin.Vertical.NONE);
        for (SupportOpening opening : details.openings()) {
            openings.add(new ListItem(
                    opening.displayName() + " (" + opening.username() + ") · " + Times.second(opening.openedAt(), "")));
        }
        Paragraph auditNote = new Paragraph("Every opening of these details is recorded: who and when, newest first.");
        auditNote.addClassNames(
                LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Vertical.XSMALL);
        add(section("Opened by support"), auditNote, openings);
    }

    private static Component summary(IntegrationOverview row) {
        Div box = new Div();
        box.addClassNames(
                LumoUtility.Display.FLEX,
                LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL,
                LumoUtility.FontSize.SMALL);
        Div status = new Div(
                new Badge(row.status().label(), row.status().tone()),
                new Span(" since " + Times.second(row.statusChangedAt(), "")));
        box.add(status);
        if (row.statusReason() != null) {
            box.add(new Div(new Span("Reason: " + row.statusReason())));
        }
        box.add(
                new Div(new Span("Customer: " + row.customerName() + " (" + row.customerUsername() + ")")),
                new Div(new Span("Progress: " + row.progress().label())),
                new Div(new Span("Connected: " + Times.second(row.connectedAt(), ""))),
                new Div(new Span("Last checked: " + Times.second(row.lastCheckedAt(), "Not yet"))));
        return box;
    }

    private Component account(AccountPicture account, long thisIntegration) {
        Div box = new Div();
        box.addClassNames(
                LumoUtility.Display.FLEX,
                LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Gap.XSMALL,
                LumoUtility.FontSize.SMALL);
        box.add(new Div(new Span(account.name() + " · "
                + (account.accountNumber() == null
                        ? "account number not known yet (connected with an API key)"
                        : "account " + account.accountNumber())
                + " · vendor "
                + (account.vendorNumbers().isEmpty() ? "—" : String.join(", ", account.vendorNumbers())))));
        membership.setId("details-membership");
        membership.setText("Our service user: "
                + switch (account.membership()) {
                    case MEMBER -> "member";
                    case MISSING -> "missing in the last check (one more and access is believed removed)";
                    case UNKNOWN -> "not seen as a member";
                }
                + " · last seen " + Times.second(account.membershipSeenAt(), "never")
                + " · last checked " + Times.second(account.membershipCheckedAt(), "never"));
        box.add(new Div(membership));

        customers.setId("details-customers");
        customers.addThemeVariants(GridVariant.LUMO_COMPACT);
        customers.setAllRowsVisible(true);
        customers
                .addColumn(customer -> customer.displayName() + " (" + customer.username() + ")"
                        + (customer.integrationId() == thisIntegration ? " · this integration" : ""))
                .setHeader("Customers linked")
                .setFlexGrow(1)
                .setKey("customer");
        customers
                .addColumn(new ComponentRenderer<>(customer ->
                        new Badge(customer.status().label(), customer.status().tone())))
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("status");
        customers
                .addColumn(customer -> Times.second(customer.since(), ""))
                .setHeader("Since")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("since");
        customers.setItems(account.customers());
        box.add(customers);
        return box;
    }

    private static H4 section(String title) {
        H4 heading = new H4(title);
        heading.addClassNames(LumoUtility.Margin.Top.MEDIUM, LumoUtility.Margin.Bottom.XSMALL);
        return heading;
    }
}
