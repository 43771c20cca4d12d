package com.storemetrics.integration.ui;

import com.storemetrics.base.ui.Times;
import com.storemetrics.base.ui.Badge;
import com.storemetrics.integration.IntegrationService;
import com.storemetrics.integration.IntegrationProgress;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The customer's integrations: account, vendor, apps, status badge, connected on, last checked,
 * and the row's actions. Every column sorts (in the database, see IntegrationService.SORTABLE).
 */
class IntegrationsGrid extends Grid<IntegrationRow> {

    /** What a row's buttons do; the view decides. */
    interface Actions {
        void details(IntegrationRow row);

        void remove(IntegrationRow row);

        void removeAndReconnect(IntegrationRow row);

        /** Ask for the shared membership check now (Pending rows). */
        void checkAgain(IntegrationRow row);

        /** The Apple ID the customer invites, for the guidance on a Pending row. */
        String serviceAppleId();
    }

    private final transient Clock clock;
    private final transient Actions actions;

    IntegrationsGrid(Clock clock, Actions actions) {
        super(IntegrationRow.class, false);
        this.clock = clock;
        this.actions = actions;
        setId("integrations-grid");
        // Progress and reasons under the status badge need more than one line.
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setEmptyStateText("No integrations yet. Press Connect on App Store Connect above to connect your first account.");
        setMultiSort(true, MultiSortPriority.APPEND);
        // Account and Status start narrow and grow: on a phone they and the three actions fit without scrolling sideways.
        addColumn(new ComponentRenderer<>(IntegrationsGrid::account)).setHeader("Account").setWidth("5.5rem")
                .setFlexGrow(2).setKey("account").setSortable(true);
        addColumn(row -> String.join(", ", row.vendorNumbers())).setHeader("Vendor").setKey("vendor").setSortable(true);
        addColumn(IntegrationsGrid::appsSummary).setHeader("Apps").setKey("apps").setSortable(true)
                .setTooltipGenerator(row -> row.appNames().isEmpty() ? "Apps appear once sales data arrives"
                        : String.join("\n", row.appNames()));
        addColumn(new ComponentRenderer<>(this::status)).setHeader("Status").setWidth("5.5rem").setFlexGrow(2)
                .setKey("status").setSortable(true);
        addColumn(row -> Times.minute(row.connectedAt())).setHeader("Connected on").setKey("connected")
                .setSortable(true);
        addColumn(row -> row.lastCheckedAt() == null ? "Not yet" : Times.minute(row.lastCheckedAt()))
                .setHeader("Last checked").setKey("checked").setSortable(true);
        addColumn(new ComponentRenderer<>(row -> actionsFor(row, actions))).setHeader("Actions").setKey("actions")
                .setAutoWidth(true).setFlexGrow(0);
    }

    static String appsSummary(IntegrationRow row) {
        int count = row.appNames().size();
        return count == 0 ? "—" : count == 1 ? "1 app" : count + " apps";
    }

    private static HorizontalLayout actionsFor(IntegrationRow row, Actions actions) {
        Button details = new Button(new Icon(VaadinIcon.INFO_CIRCLE_O), click -> actions.details(row));
        details.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        details.setAriaLabel("Details of " + row.accountName());
        details.setTooltipText("Details and history");
        HorizontalLayout buttons = new HorizontalLayout(details);
        buttons.setSpacing(false);
        if (row.status() == IntegrationStatus.EXPIRED) {
            Button reconnect = new Button("Remove and connect again", click -> actions.removeAndReconnect(row));
            reconnect.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            reconnect.setAriaLabel("Remove the expired integration of " + row.accountName() + " and connect it again");
            buttons.add(reconnect);
        }
        if (row.status() == IntegrationStatus.PENDING) {
            Button checkAgain = new Button(new Icon(VaadinIcon.REFRESH), click -> actions.checkAgain(row));
            checkAgain.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            checkAgain.setAriaLabel("Check " + row.accountName() + " again");
            checkAgain.setTooltipText("Check again now");
            buttons.add(checkAgain);
        }
        Button remove = new Button(new Icon(VaadinIcon.TRASH), click -> actions.remove(row));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove " + row.accountName());
        remove.setTooltipText("Remove");
        buttons.add(remove);
        return buttons;
    }

    private static Div account(IntegrationRow row) {
        Span name = new Span(row.accountName());
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Span number = new Span(row.accountNumber() != null ? "Account " + row.accountNumber() : "Account number after approval");
        number.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Div box = new Div(name, number);
        box.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        return box;
    }

    private Div status(IntegrationRow row) {
        Div box = new Div(new Badge(row.status().label(), row.status().tone()));
        box.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        String detail = statusDetail(row, clock.instant(), actions.serviceAppleId());
        if (detail != null) {
            Span text = new Span(detail);
            text.addClassNames(LumoUtility.FontSize.XSMALL,
                    row.status() == IntegrationStatus.EXPIRED ? LumoUtility.TextColor.ERROR : LumoUtility.TextColor.SECONDARY);
            box.add(text);
        }
        return box;
    }

    /** Under the badge: a Pending row's progress and time left, an Expired row's reason. */
    static String statusDetail(IntegrationRow row, Instant now, String serviceAppleId) {
        if (row.status() == IntegrationStatus.PENDING) {
            Duration left = Duration.between(now, row.invitationLapsesAt());
            String time = left.isNegative() ? "invitation has lapsed"
                    : "invitation lapses in " + (left.toDays() > 0 ? left.toDays() + " d " : "") + left.toHoursPart() + " h";
            String step = row.progress() == IntegrationProgress.WAITING_FOR_INVITATION
                    ? "Waiting for " + serviceAppleId + " to be invited in App Store Connect > Users and Access"
                    : row.progress().label();
            return step + " · " + time;
        }
        if (row.status() == IntegrationStatus.EXPIRED) {
            return row.statusReason();
        }
        return null;
    }
}
