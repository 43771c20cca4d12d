package com.storemetrics.myintegrations.ui;

import com.storemetrics.base.ui.Badge;
import com.storemetrics.base.ui.Times;
import com.storemetrics.integration.HistoryEntry;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.myintegrations.IntegrationDetails;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.Clock;

/** One integration in full: account, vendors, apps, who connected it, progress, and its history. */
class IntegrationDetailsDialog extends Dialog {

    final Grid<HistoryEntry> history = new Grid<>(HistoryEntry.class, false);
    /** "Payments: needs the Finance role" and what to do; null (and not shown) unless Apple refused it. */
    final Span payments;

    /** "Sales reports: needs the Sales role" and what to do; null (and not shown) unless Apple refuses them. */
    final Span salesReports;

    /**
     * @param salesLine    what the account needs for its Sales reports (the Sales role), or null
     * @param paymentsLine what the account needs for Payments (the Finance role), or null
     */
    IntegrationDetailsDialog(
            IntegrationDetails details, Clock clock, String serviceAppleId, String salesLine, String paymentsLine) {
        IntegrationRow row = details.row();
        setHeaderTitle(row.accountName());
        setWidth("min(48rem, 100vw)");
        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        facts.addFormItem(
                new Span(row.accountNumber() != null ? row.accountNumber() : "Known after approval"), "Account number");
        facts.addFormItem(new Span(String.join(", ", row.vendorNumbers())), "Vendor numbers");
        facts.addFormItem(new Badge(row.status().label(), row.status().tone()), "Status");
        String progress = IntegrationsGrid.statusDetail(row, clock.instant(), serviceAppleId);
        facts.addFormItem(new Span(progress != null ? progress : "—"), "Progress");
        facts.addFormItem(new Span(details.connectedBy() + ", " + Times.minute(row.connectedAt())), "Connected by");
        facts.addFormItem(
                new Span(row.lastCheckedAt() == null ? "Not yet" : Times.minute(row.lastCheckedAt())), "Last checked");
        facts.addFormItem(new Span(row.credentialKind().label()), "Connected with");
        Span apps = new Span(
                row.appNames().isEmpty() ? "Apps appear once sales data arrives." : String.join(", ", row.appNames()));
        facts.addFormItem(apps, "Apps");
        facts.setColspan(apps.getParent().orElseThrow(), 2);
        if (salesLine != null) {
            salesReports = new Span(salesLine);
            salesReports.setId("details-sales-reports");
            facts.addFormItem(salesReports, "Sales reports");
            facts.setColspan(salesReports.getParent().orElseThrow(), 2);
        } else {
            salesReports = null;
        }
        if (paymentsLine != null) {
            payments = new Span(paymentsLine);
            payments.setId("details-payments");
            facts.addFormItem(payments, "Payments");
            facts.setColspan(payments.getParent().orElseThrow(), 2);
        } else {
            payments = null;
        }

        history.setId("integration-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.addColumn(entry -> Times.minute(entry.at())).setHeader("When").setAutoWidth(true);
        history.addColumn(entry -> entry.change()).setHeader("Change").setAutoWidth(true);
        history.addColumn(HistoryEntry::reason).setHeader("Why").setFlexGrow(2);
        history.addColumn(entry -> entry.actor().label()).setHeader("By").setAutoWidth(true);
        history.setItems(details.history());
        history.setAllRowsVisible(true);

        VerticalLayout body = new VerticalLayout(facts, new H4("History"), history);
        body.setPadding(false);
        add(body);
        Button close = new Button("Close", click -> close());
        getFooter().add(close);
    }
}
