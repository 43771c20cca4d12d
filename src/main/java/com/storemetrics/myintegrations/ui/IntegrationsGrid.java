package com.storemetrics.myintegrations.ui;

import com.storemetrics.base.ui.LitCells;
import com.storemetrics.base.ui.Times;
import com.storemetrics.integration.IntegrationProgress;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

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
    /**
     * One message whose text changes, not a new component per change ({@code setEmptyStateText}
     * makes one each time): nine node changes fewer in the push of the first removal (docs/live-updates.md).
     */
    private final Span emptyState =
            new Span("No integrations yet. Press Connect on App Store Connect above to connect your first account.");

    /**
     * @param lastChecked when the verifier last looked at a row (null: not yet)
     * @param dataLine what to say under an Approved row's badge about its store data (may be null)
     * @param roleLine what an Approved row's missing role blocks ("Sales reports: needs the Sales role",
     *     "Payments: needs the Finance role"; null: nothing)
     */
    IntegrationsGrid(
            Clock clock,
            Actions actions,
            Function<IntegrationRow, Instant> lastChecked,
            Function<IntegrationRow, String> dataLine,
            Function<IntegrationRow, String> roleLine) {
        super(IntegrationRow.class, false);
        this.clock = clock;
        this.actions = actions;
        setId("integrations-grid");
        // Progress and reasons under the status badge need more than one line.
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setEmptyStateComponent(emptyState);
        setMultiSort(true, MultiSortPriority.APPEND);
        // Rich cells are Lit templates: the browser builds them, the server keeps no component per row.
        // Account and Status start narrow and grow: on a phone they and the three actions fit without scrolling
        // sideways.
        addColumn(LitCells.<IntegrationRow>twoLines(
                        IntegrationRow::accountName,
                        row -> row.accountNumber() != null
                                ? "Account " + row.accountNumber()
                                : "Account number after approval"))
                .setHeader("Account")
                .setWidth("5.5rem")
                .setFlexGrow(2)
                .setKey("account")
                .setSortable(true);
        addColumn(row -> String.join(", ", row.vendorNumbers()))
                .setHeader("Vendor")
                .setKey("vendor")
                .setSortable(true);
        addColumn(IntegrationsGrid::appsSummary)
                .setHeader("Apps")
                .setKey("apps")
                .setSortable(true)
                .setTooltipGenerator(row -> row.appNames().isEmpty()
                        ? "Apps appear once sales data arrives"
                        : String.join("\n", row.appNames()));
        addColumn(LitCells.<IntegrationRow>badge(
                        row -> row.status().label(),
                        row -> row.status().tone(),
                        row -> row.status() == IntegrationStatus.APPROVED
                                ? dataLine.apply(row)
                                : statusDetail(row, clock.instant(), actions.serviceAppleId()),
                        row -> row.status() == IntegrationStatus.EXPIRED
                                ? LumoUtility.TextColor.ERROR
                                : LumoUtility.TextColor.SECONDARY,
                        row -> row.status() == IntegrationStatus.APPROVED ? roleLine.apply(row) : null))
                .setHeader("Status")
                .setWidth("5.5rem")
                .setFlexGrow(2)
                .setKey("status")
                .setSortable(true);
        addColumn(row -> Times.minute(row.connectedAt()))
                .setHeader("Connected on")
                .setKey("connected")
                .setSortable(true);
        addColumn(row -> Times.minute(lastChecked.apply(row), "Not yet"))
                .setHeader("Last checked")
                .setKey("checked")
                .setSortable(true);
        addColumn(actionsRenderer(actions))
                .setHeader("Actions")
                .setKey("actions")
                .setAutoWidth(true)
                .setFlexGrow(0);
    }

    /**
     * Details, then "Remove and connect again" (Expired) or Check again (Pending), then Remove; each
     * named for screen readers by its account, as the component buttons were.
     */
    private static LitRenderer<IntegrationRow> actionsRenderer(Actions actions) {
        String template = "<div class='" + LumoUtility.Display.FLEX + " " + LumoUtility.AlignItems.CENTER + "'>"
                + LitCells.button(
                        "details",
                        "tertiary icon",
                        "info-circle-o",
                        null,
                        "Details of ${item.name}",
                        "Details and history",
                        null)
                + LitCells.button(
                        "reconnect",
                        "primary error small",
                        null,
                        "Remove and connect again",
                        "Remove the expired integration of ${item.name} and connect it again",
                        null,
                        "notExpired")
                + LitCells.button(
                        "checkAgain",
                        "tertiary icon",
                        "refresh",
                        null,
                        "Check ${item.name} again",
                        "Check again now",
                        "notPending")
                + LitCells.button("remove", "tertiary icon error", "trash", null, "Remove ${item.name}", "Remove", null)
                + "</div>";
        return LitRenderer.<IntegrationRow>of(template)
                .withProperty("name", IntegrationRow::accountName)
                .withProperty("notExpired", row -> row.status() != IntegrationStatus.EXPIRED)
                .withProperty("notPending", row -> row.status() != IntegrationStatus.PENDING)
                .withFunction("details", actions::details)
                .withFunction("reconnect", row -> {
                    // A stale page may still show the button after the row changed: act only on what it says.
                    if (row.status() == IntegrationStatus.EXPIRED) {
                        actions.removeAndReconnect(row);
                    }
                })
                .withFunction("checkAgain", row -> {
                    if (row.status() == IntegrationStatus.PENDING) {
                        actions.checkAgain(row);
                    }
                })
                .withFunction("remove", actions::remove);
    }

    static String appsSummary(IntegrationRow row) {
        int count = row.appNames().size();
        return count == 0 ? "—" : count == 1 ? "1 app" : count + " apps";
    }

    /** Under the badge: a Pending row's progress and time left, an Expired row's reason (Approved: its data line). */
    static String statusDetail(IntegrationRow row, Instant now, String serviceAppleId) {
        if (row.status() == IntegrationStatus.PENDING) {
            Duration left = Duration.between(now, row.invitationLapsesAt());
            String time = left.isNegative()
                    ? "invitation has lapsed"
                    : "invitation lapses in " + (left.toDays() > 0 ? left.toDays() + " d " : "") + left.toHoursPart()
                            + " h";
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

    /** What the grid says when it has no row. */
    void sayWhenEmpty(String message) {
        emptyState.setText(message);
    }

    String whenEmpty() {
        return emptyState.getText();
    }
}
