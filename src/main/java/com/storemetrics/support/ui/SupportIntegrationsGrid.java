package com.storemetrics.support.ui;

import com.storemetrics.base.live.LiveUpdates;
import com.storemetrics.base.ui.LitCells;
import com.storemetrics.base.ui.Times;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.support.IntegrationOverview;
import com.storemetrics.support.IntegrationSearchFilter;
import com.storemetrics.support.SupportPager;
import com.storemetrics.support.SupportService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.springframework.data.domain.Sort;

/**
 * Support's grid of every integration: rich cells as Lit templates (no component per row), every
 * page, count and sort read from the database, by keyset where it can ({@link SupportPager}), newest
 * status change first.
 */
class SupportIntegrationsGrid extends Grid<IntegrationOverview> {

    SupportIntegrationsGrid(
            SupportService service,
            SupportPager pager,
            LiveUpdates live,
            Supplier<IntegrationSearchFilter> filter,
            LongConsumer openDetails) {
        super(IntegrationOverview.class, false);

        setId("support-grid");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setEmptyStateText("No integration matches these filters.");
        // Narrow starting widths that grow: on a phone the four columns left fit 358 px without scrolling sideways.
        // Rich cells are Lit templates: the browser builds them, the server keeps no component per row.
        addColumn(LitCells.<IntegrationOverview>twoLines(
                        IntegrationOverview::customerName, IntegrationOverview::customerUsername))
                .setHeader("Customer")
                .setKey("customer")
                .setSortProperty("customer")
                .setWidth("5.5rem")
                .setFlexGrow(2);
        addColumn(LitCells.<IntegrationOverview>twoLines(
                        IntegrationOverview::accountName,
                        row -> row.accountNumber() == null
                                ? "Account number after approval"
                                : "Account " + row.accountNumber()))
                .setHeader("Account")
                .setKey("account")
                .setSortProperty("account")
                .setWidth("5.5rem")
                .setFlexGrow(2);
        addColumn(LitCells.<IntegrationOverview>badge(
                        row -> row.status().label(),
                        row -> row.status().tone(),
                        row -> row.status() == IntegrationStatus.PENDING
                                ? row.progress().label()
                                : null,
                        row -> LumoUtility.TextColor.SECONDARY))
                .setHeader("Status")
                .setKey("status")
                .setSortProperty("status")
                .setWidth("5rem")
                .setFlexGrow(1);
        Grid.Column<IntegrationOverview> since = addColumn(row -> Times.second(row.statusChangedAt(), ""))
                .setHeader("Since")
                .setKey("since")
                .setSortProperty("since")
                .setFlexGrow(1);
        addColumn(row -> Times.second(row.lastCheckedAt(), "Not yet"))
                .setHeader("Last checked")
                .setKey("lastChecked")
                .setSortProperty("lastChecked")
                .setFlexGrow(1);
        addColumn(row -> row.statusReason() == null ? "" : row.statusReason())
                .setHeader("Reason")
                .setKey("reason")
                .setFlexGrow(3)
                .setTooltipGenerator(IntegrationOverview::statusReason);
        addColumn(LitRenderer.<IntegrationOverview>of(LitCells.button(
                                "details",
                                "tertiary-inline",
                                "info-circle-o",
                                null,
                                "Details of ${item.account} for ${item.customer}",
                                "History, account and audit",
                                null))
                        .withProperty("account", IntegrationOverview::accountName)
                        .withProperty("customer", IntegrationOverview::customerName)
                        .withFunction("details", row -> openDetails.accept(row.id())))
                .setHeader("Details")
                .setKey("details")
                .setWidth("5rem")
                .setFlexGrow(0);
        setMultiSort(false);

        // Lazy: every page, count and sort comes from the database, by keyset where it can (SupportPager);
        // the id identifies a row across refreshes. After a pushed change, one read serves every open view of
        // the same support user that shows the same page.
        setItems(new CallbackDataProvider<IntegrationOverview, Void>(
                query -> {
                    IntegrationSearchFilter shown = filter.get();
                    Sort sort = VaadinSpringDataHelpers.toSpringDataSort(query);
                    List<IntegrationOverview> rows = live.sharedRead(
                            List.of("page", shown, sort, query.getOffset(), query.getLimit()),
                            () -> pager.page(shown, sort, query.getOffset(), query.getLimit()));
                    pager.served(shown, sort, query.getOffset(), rows);
                    return rows.stream();
                },
                query -> {
                    IntegrationSearchFilter shown = filter.get();
                    return live.sharedRead(
                            List.of("count", shown), () -> Math.toIntExact(service.countIntegrations(shown)));
                },
                IntegrationOverview::id));
        sort(List.of(new GridSortOrder<>(since, SortDirection.DESCENDING)));
    }
}
