package com.storemetrics.support.ui;

import com.storemetrics.base.live.LiveUpdates;
import com.storemetrics.base.live.Numbered;
import com.storemetrics.base.ui.LitCells;
import com.storemetrics.base.ui.NarrowScreens;
import com.storemetrics.base.ui.Times;
import com.storemetrics.integration.IntegrationBroadcaster;
import com.storemetrics.integration.IntegrationOverview;
import com.storemetrics.integration.IntegrationSearchFilter;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.IntegrationUpdate;
import com.storemetrics.security.Roles;
import com.storemetrics.support.SupportHealth;
import com.storemetrics.support.SupportPager;
import com.storemetrics.support.SupportService;
import com.storemetrics.verification.VerifierHealthRecorded;
import com.storemetrics.verification.VerifierHealthUpdates;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.data.domain.Sort;

/**
 * Support > Integrations: every integration of every customer, filtered and paged in the database,
 * the verifier's health with "Re-check now", and details per integration. Read-only: nothing here
 * changes an integration. Follows the verifier and customers live through the broadcaster.
 */
@Route("support/integrations")
@PageTitle("Integrations | Support | Storemetrics")
@Menu(title = "Integrations", order = 10, icon = "vaadin:clipboard-check")
@RolesAllowed(Roles.SUPPORT)
public class SupportIntegrationsView extends VerticalLayout {

    private final transient SupportService service;
    private final transient SupportPager pager;

    final SupportFilterBar filters = new SupportFilterBar(this::applyFilter);
    final Select<IntegrationStatus> status = filters.status;
    final TextField customer = filters.customer;
    final TextField account = filters.account;
    final Grid<IntegrationOverview> grid = new Grid<>(IntegrationOverview.class, false);
    final Button recheck = new Button("Re-check now", VaadinIcon.REFRESH.create());
    final VerifierHealthPanel health = new VerifierHealthPanel(recheck);

    private IntegrationSearchFilter filter = IntegrationSearchFilter.none();
    private transient SupportHealth shownHealth;

    public SupportIntegrationsView(
            SupportService service,
            IntegrationBroadcaster integrations,
            VerifierHealthUpdates verifierHealth,
            LiveUpdates live) {
        this.service = service;
        this.pager = new SupportPager(service);
        setId("support-integrations");
        setSizeFull();

        Paragraph intro = new Paragraph("Every customer's App Store Connect integrations, their history and the "
                + "verifier's health. Read-only: open an integration's details to see why it stands where it does.");
        intro.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Vertical.NONE);

        recheck.setId("recheck-now");
        recheck.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        recheck.setTooltipText("Ask the verifier to check every account's membership now");
        recheck.addClickListener(click -> recheckNow());

        configureGrid(live);

        add(new H2("Integrations"), intro, health, filters, grid);
        setFlexGrow(1, grid);
        // On a phone the page scrolls and the grid keeps a readable height.
        grid.setMinHeight("22rem");
        NarrowScreens.hideOnPhones(
                grid,
                java.util.stream.Stream.of("since", "lastChecked", "reason")
                        .map(grid::getColumnByKey)
                        .toList());
        showHealth(service.health());
        // Every integration change and check refreshes the rows; every health write, the health panel.
        live.<Object>follow(
                this,
                updates -> Registration.combine(
                        integrations.registerForAll(
                                update -> updates.accept(new Numbered<>(update.number(), update.update()))),
                        verifierHealth.subscribe(
                                update -> updates.accept(new Numbered<>(update.number(), update.update())))),
                this::refresh,
                this::reload);
    }

    private void configureGrid(LiveUpdates live) {
        grid.setId("support-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No integration matches these filters.");
        // Narrow starting widths that grow: on a phone the four columns left fit 358 px without scrolling sideways.
        // Rich cells are Lit templates: the browser builds them, the server keeps no component per row.
        grid.addColumn(LitCells.<IntegrationOverview>twoLines(
                        IntegrationOverview::customerName, IntegrationOverview::customerUsername))
                .setHeader("Customer")
                .setKey("customer")
                .setSortProperty("customer")
                .setWidth("5.5rem")
                .setFlexGrow(2);
        grid.addColumn(LitCells.<IntegrationOverview>twoLines(
                        IntegrationOverview::accountName,
                        row -> row.accountNumber() == null
                                ? "Account number after approval"
                                : "Account " + row.accountNumber()))
                .setHeader("Account")
                .setKey("account")
                .setSortProperty("account")
                .setWidth("5.5rem")
                .setFlexGrow(2);
        grid.addColumn(LitCells.<IntegrationOverview>badge(
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
        Grid.Column<IntegrationOverview> since = grid.addColumn(row -> Times.second(row.statusChangedAt(), ""))
                .setHeader("Since")
                .setKey("since")
                .setSortProperty("since")
                .setFlexGrow(1);
        grid.addColumn(row -> Times.second(row.lastCheckedAt(), "Not yet"))
                .setHeader("Last checked")
                .setKey("lastChecked")
                .setSortProperty("lastChecked")
                .setFlexGrow(1);
        grid.addColumn(row -> row.statusReason() == null ? "" : row.statusReason())
                .setHeader("Reason")
                .setKey("reason")
                .setFlexGrow(3)
                .setTooltipGenerator(IntegrationOverview::statusReason);
        grid.addColumn(LitRenderer.<IntegrationOverview>of(LitCells.button(
                                "details",
                                "tertiary-inline",
                                "info-circle-o",
                                null,
                                "Details of ${item.account} for ${item.customer}",
                                "History, account and audit",
                                null))
                        .withProperty("account", IntegrationOverview::accountName)
                        .withProperty("customer", IntegrationOverview::customerName)
                        .withFunction("details", row -> openDetails(row.id())))
                .setHeader("Details")
                .setKey("details")
                .setWidth("5rem")
                .setFlexGrow(0);
        grid.setMultiSort(false);

        // Lazy: every page, count and sort comes from the database, by keyset where it can (SupportPager);
        // the id identifies a row across refreshes. After a pushed change, one read serves every open view of
        // the same support user that shows the same page.
        grid.setItems(new CallbackDataProvider<IntegrationOverview, Void>(
                query -> {
                    IntegrationSearchFilter shown = filter;
                    Sort sort = VaadinSpringDataHelpers.toSpringDataSort(query);
                    List<IntegrationOverview> rows = live.sharedRead(
                            List.of("page", shown, sort, query.getOffset(), query.getLimit()),
                            () -> pager.page(shown, sort, query.getOffset(), query.getLimit()));
                    pager.served(shown, sort, query.getOffset(), rows);
                    return rows.stream();
                },
                query -> {
                    IntegrationSearchFilter shown = filter;
                    return live.sharedRead(
                            List.of("count", shown), () -> Math.toIntExact(service.countIntegrations(shown)));
                },
                IntegrationOverview::id));
        grid.sort(List.of(new GridSortOrder<>(since, SortDirection.DESCENDING)));
    }

    private void applyFilter(java.util.function.UnaryOperator<IntegrationSearchFilter> change) {
        filter = change.apply(filter);
        grid.getDataProvider().refreshAll();
    }

    /** The filter the grid applies now (for tests). */
    IntegrationSearchFilter filter() {
        return filter;
    }

    void openDetails(long integrationId) {
        try {
            new SupportDetailsDialog(service.openDetails(integrationId)).open();
        } catch (java.util.NoSuchElementException gone) {
            error("This integration no longer exists.");
        }
    }

    private void recheckNow() {
        try {
            boolean scheduled = service.recheckNow();
            Notification notification = Notification.show(
                    scheduled
                            ? "A membership check runs in a moment. Statuses and the verifier's health here update when it finishes."
                            : "A check is already scheduled; it runs in a moment. Statuses here update when it finishes.",
                    6000,
                    Notification.Position.BOTTOM_START);
            notification.addThemeVariants(
                    scheduled ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
        } catch (RuntimeException failure) {
            error("Could not schedule a check just now. Please try again in a moment.");
        }
    }

    private static void error(String message) {
        Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Pushed: re-reads what went stale (run by {@link LiveUpdates} inside {@code UI.access}, as the viewer). */
    private void refresh(List<Object> updates) {
        if (updates.stream().anyMatch(VerifierHealthRecorded.class::isInstance)) {
            showHealth(service.health());
        }
        if (updates.stream().anyMatch(IntegrationUpdate.class::isInstance)) {
            pager.forget();
            grid.getDataProvider().refreshAll();
        }
    }

    /** When a push could not be applied: everything again. */
    private void reload() {
        showHealth(service.health());
        pager.forget();
        grid.getDataProvider().refreshAll();
    }

    private void showHealth(SupportHealth fresh) {
        if (!fresh.equals(shownHealth)) {
            shownHealth = fresh;
            health.show(fresh);
        }
    }
}
