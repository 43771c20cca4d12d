package com.storemetrics.integration.ui;

import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** The customer's integrations: account, vendor, apps, status badge, connected on, last checked. */
class IntegrationsGrid extends Grid<IntegrationRow> {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.UK).withZone(ZoneId.of("UTC"));

    private final transient Clock clock;

    IntegrationsGrid(Clock clock) {
        super(IntegrationRow.class, false);
        this.clock = clock;
        setId("integrations-grid");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        setEmptyStateText("No integrations yet. Press Connect on App Store Connect above to connect your first account.");
        addColumn(new ComponentRenderer<>(IntegrationsGrid::account)).setHeader("Account").setFlexGrow(2)
                .setKey("account");
        addColumn(row -> String.join(", ", row.vendorNumbers())).setHeader("Vendor").setKey("vendor");
        addColumn(IntegrationsGrid::appsSummary).setHeader("Apps").setKey("apps")
                .setTooltipGenerator(row -> row.appNames().isEmpty() ? "Apps appear once sales data arrives"
                        : String.join("\n", row.appNames()));
        addColumn(new ComponentRenderer<>(this::status)).setHeader("Status").setFlexGrow(2)
                .setKey("status");
        addColumn(row -> DATE_TIME.format(row.connectedAt())).setHeader("Connected on").setKey("connected");
        addColumn(row -> row.lastCheckedAt() == null ? "Not yet" : DATE_TIME.format(row.lastCheckedAt()))
                .setHeader("Last checked").setKey("checked");
    }

    static String appsSummary(IntegrationRow row) {
        int count = row.appNames().size();
        return count == 0 ? "—" : count == 1 ? "1 app" : count + " apps";
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
        Span badge = new Span(row.status().label());
        badge.getElement().getThemeList().add(switch (row.status()) {
            case ACTIVE -> "badge success";
            case EXPIRED, REMOVED -> "badge error";
            case PENDING -> "badge";
        });
        Div box = new Div(badge);
        box.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.XSMALL);
        String detail = statusDetail(row, clock.instant());
        if (detail != null) {
            Span text = new Span(detail);
            text.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
            box.add(text);
        }
        return box;
    }

    /** Under the badge: a Pending row's progress and time left, an Expired row's reason. */
    static String statusDetail(IntegrationRow row, Instant now) {
        if (row.status() == IntegrationStatus.PENDING) {
            Duration left = Duration.between(now, row.invitationLapsesAt());
            String time = left.isNegative() ? "invitation has lapsed"
                    : "invitation lapses in " + (left.toDays() > 0 ? left.toDays() + " d " : "") + left.toHoursPart() + " h";
            return row.progress().label() + " · " + time;
        }
        if (row.status() == IntegrationStatus.EXPIRED) {
            return row.statusReason();
        }
        return null;
    }
}
