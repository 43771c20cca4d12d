package com.storemetrics.integration.ui;

import com.storemetrics.base.ui.BackgroundCalls;
import com.storemetrics.integration.ConnectionService;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationService;
import com.storemetrics.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import com.storemetrics.integration.IntegrationBroadcaster;
import com.storemetrics.integration.IntegrationChange;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.security.SignedInUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.time.Clock;

/** My Account > Data Integration: the platforms to connect and the customer's integrations. */
@Route("my-account/data-integration")
@PageTitle("Data Integration | Storemetrics")
@Menu(title = "Data Integration", order = 1, icon = "vaadin:connect")
@RolesAllowed(Roles.CUSTOMER)
public class DataIntegrationView extends VerticalLayout {

    private final transient ConnectionService connections;
    private final transient BackgroundCalls background;
    private final transient IntegrationService integrationService;
    private final transient IntegrationBroadcaster broadcaster;
    private final transient AuthenticationContext authentication;
    private final List<IntegrationRow> rows = new ArrayList<>();
    private Registration updates;
    final IntegrationsGrid grid;
    final Button connectAppStore = new Button("Connect", new Icon(VaadinIcon.PLUS));

    public DataIntegrationView(ConnectionService connections, IntegrationService integrationService,
            BackgroundCalls background, IntegrationBroadcaster broadcaster, AuthenticationContext authentication,
            Clock clock) {
        this.connections = connections;
        this.broadcaster = broadcaster;
        this.authentication = authentication;
        this.grid = new IntegrationsGrid(clock);
        this.integrationService = integrationService;
        this.background = background;
        setId("data-integration");

        Paragraph intro = new Paragraph("Connect your store accounts so Storemetrics shows your real downloads and "
                + "proceeds instead of estimates.");
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);

        connectAppStore.setId("connect-app-store");
        connectAppStore.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        connectAppStore.setAriaLabel("Connect App Store Connect");
        connectAppStore.addClickListener(click -> openDialog());
        Button googlePlay = new Button("Coming soon");
        googlePlay.setEnabled(false);
        googlePlay.setAriaLabel("Google Play: coming soon");

        FlexLayout cards = new FlexLayout(
                card("App Store Connect", "Sales and Trends data for your iOS, iPadOS and macOS apps.", connectAppStore),
                card("Google Play", "Google Play Console data for your Android apps.", googlePlay));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassNames(LumoUtility.Gap.MEDIUM);

        H3 gridTitle = new H3("Your integrations");
        add(new H2("Data Integration"), intro, cards, gridTitle, grid);
        setFlexGrow(1, grid);
        setSizeFull();
        refresh();
    }

    private static Div card(String title, String description, Button action) {
        Div card = new Div();
        card.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10,
                LumoUtility.BorderRadius.LARGE, LumoUtility.Padding.MEDIUM, LumoUtility.Display.FLEX,
                LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        card.setWidth("18rem");
        Span name = new Span(title);
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE);
        Span text = new Span(description);
        text.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        card.add(name, text, action);
        return card;
    }

    void openDialog() {
        new ConnectAppStoreDialog(connections, background, this::finished).open();
    }

    private void finished(int created) {
        refresh();
        Notification notification = Notification.show((created == 1 ? "Your account is" : created + " accounts are")
                + " Pending. We approve it as soon as we see the invitation accepted, usually within a minute.",
                8000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    void refresh() {
        rows.clear();
        rows.addAll(integrationService.myIntegrations());
        grid.setItems(rows);
    }

    /** For tests: the rows the grid shows now. */
    List<IntegrationRow> rows() {
        return grid.getListDataView().getItems().toList();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        authentication.getAuthenticatedUser(SignedInUser.class).ifPresent(user ->
                updates = broadcaster.registerForCustomer(user.userId(), new IntegrationBroadcaster.Listener() {
                    @Override
                    public void changed(List<IntegrationChange> changes) {
                        ui.access(() -> apply(changes));
                    }

                    @Override
                    public void checked(Instant checkedAt) {
                        ui.access(() -> applyChecked(checkedAt));
                    }
                }));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (updates != null) {
            updates.remove();
            updates = null;
        }
    }

    /** Applies pushed changes to the rows in memory; no database work under the UI lock. */
    private void apply(List<IntegrationChange> changes) {
        for (IntegrationChange change : changes) {
            IntegrationRow row = change.row();
            rows.removeIf(existing -> existing.id() == row.id());
            if (row.status() != IntegrationStatus.REMOVED) {
                rows.add(row);
            }
            if (change.notice() != null) {
                Notification notice = new Notification();
                notice.setDuration(0);
                notice.setPosition(Notification.Position.TOP_CENTER);
                notice.addThemeVariants(row.status() == IntegrationStatus.REMOVED
                        ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_WARNING);
                Button close = new Button(new Icon(VaadinIcon.CLOSE_SMALL), click -> notice.close());
                close.setAriaLabel("Dismiss");
                close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                notice.add(new HorizontalLayout(new Span(change.notice()), close));
                notice.open();
            }
        }
        rows.sort(Comparator.comparing(IntegrationRow::connectedAt).reversed()
                .thenComparing(Comparator.comparingLong(IntegrationRow::id).reversed()));
        grid.getDataProvider().refreshAll();
    }

    private void applyChecked(Instant checkedAt) {
        rows.replaceAll(row -> row.checkedAt(checkedAt));
        grid.getDataProvider().refreshAll();
    }
}
