package com.storemetrics.support.ui;

import com.storemetrics.base.live.LiveUpdates;
import com.storemetrics.base.live.Numbered;
import com.storemetrics.base.ui.NarrowScreens;
import com.storemetrics.integration.IntegrationBroadcaster;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.IntegrationUpdate;
import com.storemetrics.security.Roles;
import com.storemetrics.support.IntegrationSearchFilter;
import com.storemetrics.support.SupportHealth;
import com.storemetrics.support.SupportPager;
import com.storemetrics.support.SupportService;
import com.storemetrics.verification.VerifierHealthRecorded;
import com.storemetrics.verification.VerifierHealthUpdates;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

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
    final SupportIntegrationsGrid grid;
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
        this.grid = new SupportIntegrationsGrid(service, pager, live, () -> filter, this::openDetails);
        setId("support-integrations");
        setSizeFull();

        Paragraph intro = new Paragraph("Every customer's App Store Connect integrations, their history and the "
                + "verifier's health. Read-only: open an integration's details to see why it stands where it does.");
        intro.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Vertical.NONE);

        recheck.setId("recheck-now");
        recheck.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        recheck.setTooltipText("Ask the verifier to check every account's membership now");
        recheck.addClickListener(click -> recheckNow());

        add(new H2("Integrations"), intro, health, filters, grid);
        setFlexGrow(1, grid);
        // On a phone the page scrolls and the grid keeps a readable height.
        grid.setMinHeight("22rem");
        NarrowScreens.hideOnPhones(
                grid,
                Stream.of("since", "lastChecked", "reason")
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

    private void applyFilter(UnaryOperator<IntegrationSearchFilter> change) {
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
        } catch (NoSuchElementException gone) {
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
