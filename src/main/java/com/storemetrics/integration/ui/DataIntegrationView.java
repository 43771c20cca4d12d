package com.storemetrics.integration.ui;

import com.storemetrics.base.ui.BackgroundCalls;
import com.storemetrics.integration.ConnectionService;
import com.storemetrics.integration.IntegrationBroadcaster;
import com.storemetrics.integration.IntegrationChange;
import com.storemetrics.integration.IntegrationFilter;
import com.storemetrics.integration.IntegrationNotFound;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationService;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.Notice;
import com.storemetrics.security.Roles;
import com.storemetrics.security.SignedInUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * My Account > Data Integration: the platforms to connect, notices about what the verifier did,
 * and the customer's integrations, paged in the database and updated live through push. A URL
 * with an id ({@code my-account/data-integration/42}) opens that integration's details.
 */
@Route("my-account/data-integration")
@PageTitle("Data Integration | Storemetrics")
@Menu(title = "Data Integration", order = 1, icon = "vaadin:connect")
@RolesAllowed(Roles.CUSTOMER)
public class DataIntegrationView extends VerticalLayout implements HasUrlParameter<Long> {

    private final transient ConnectionService connections;
    private final transient BackgroundCalls background;
    private final transient IntegrationService integrationService;
    private final transient IntegrationBroadcaster broadcaster;
    private final transient AuthenticationContext authentication;
    private final transient Clock clock;
    final IntegrationsGrid grid;
    final Button connectAppStore = new Button("Connect", new Icon(VaadinIcon.PLUS));
    final Select<IntegrationStatus> statusFilter = new Select<>();
    final VerticalLayout notices = new VerticalLayout();
    private final CallbackDataProvider<IntegrationRow, Void> rows;
    /** The rows as this view last learned them, by fetching or by push; never read from the database in push. */
    private final Map<Long, IntegrationRow> known = new LinkedHashMap<>();
    private Registration updates;

    public DataIntegrationView(ConnectionService connections, IntegrationService integrationService,
            BackgroundCalls background, IntegrationBroadcaster broadcaster, AuthenticationContext authentication,
            Clock clock) {
        this.connections = connections;
        this.integrationService = integrationService;
        this.background = background;
        this.broadcaster = broadcaster;
        this.authentication = authentication;
        this.clock = clock;
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

        notices.setId("notices");
        notices.setPadding(false);
        notices.setSpacing(false);
        notices.addClassNames(LumoUtility.Gap.SMALL);

        grid = new IntegrationsGrid(clock, new IntegrationsGrid.Actions() {
            @Override
            public void details(IntegrationRow row) {
                openDetails(row.id());
            }

            @Override
            public void remove(IntegrationRow row) {
                confirmRemoval(row, false);
            }

            @Override
            public void removeAndReconnect(IntegrationRow row) {
                confirmRemoval(row, true);
            }
        });
        rows = new CallbackDataProvider<>(
                query -> {
                    List<IntegrationRow> page = integrationService.findMine(filter(), query.getOffset(),
                            query.getLimit(), sortKeys(query.getSortOrders()));
                    page.forEach(row -> known.put(row.id(), row));
                    return page.stream();
                },
                query -> (int) integrationService.countMine(filter()),
                IntegrationRow::id);
        grid.setItems(rows);

        statusFilter.setLabel("Status");
        statusFilter.setItems(IntegrationStatus.PENDING, IntegrationStatus.ACTIVE, IntegrationStatus.EXPIRED);
        statusFilter.setItemLabelGenerator(status -> status == null ? "All" : status.label());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("All");
        statusFilter.addValueChangeListener(change -> refresh());

        H3 gridTitle = new H3("Your integrations");
        HorizontalLayout gridHeader = new HorizontalLayout(gridTitle, statusFilter);
        gridHeader.setAlignItems(FlexComponent.Alignment.BASELINE);
        gridHeader.setWidthFull();
        gridHeader.setFlexGrow(1, gridTitle);
        add(new H2("Data Integration"), intro, notices, cards, gridHeader, grid);
        setFlexGrow(1, grid);
        setSizeFull();
        showNotices(integrationService.openNotices());
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

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long integrationId) {
        if (integrationId != null) {
            openDetails(integrationId);
        }
    }

    void openDialog() {
        new ConnectAppStoreDialog(connections, background, this::finished).open();
    }

    void openDetails(long integrationId) {
        try {
            new IntegrationDetailsDialog(integrationService.details(integrationId), clock).open();
        } catch (IntegrationNotFound missing) {
            warn(missing.getMessage() + " Your current integrations are listed below.");
        }
    }

    private void confirmRemoval(IntegrationRow row, boolean thenReconnect) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Remove " + row.accountName() + "?");
        confirm.setText("Storemetrics stops using the store data of " + row.accountName()
                + (row.accountNumber() != null ? " (account " + row.accountNumber() + ")" : "")
                + " for you. Colleagues who connected the same account keep theirs."
                + (thenReconnect ? " Then you can connect it again." : ""));
        confirm.setCancelable(true);
        confirm.setConfirmText(thenReconnect ? "Remove and connect again" : "Remove");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> remove(row, thenReconnect));
        confirm.open();
    }

    private void remove(IntegrationRow row, boolean thenReconnect) {
        try {
            integrationService.remove(row.id());
            known.remove(row.id());
            rows.refreshAll();
            Notification.show(row.accountName() + " was removed.", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            if (thenReconnect) {
                openDialog();
            }
        } catch (IntegrationNotFound gone) {
            warn(gone.getMessage());
            refresh();
        } catch (org.springframework.dao.OptimisticLockingFailureException changedMeanwhile) {
            warn(row.accountName() + " changed while you were looking at it. Check its status and try again.");
            refresh();
        }
    }

    private void finished(int created) {
        refresh();
        Notification notification = Notification.show((created == 1 ? "Your account is" : created + " accounts are")
                + " Pending. We approve it as soon as we see the invitation accepted, usually within a minute.",
                8000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    void refresh() {
        known.clear();
        rows.refreshAll();
    }

    private IntegrationFilter filter() {
        return new IntegrationFilter(statusFilter.getValue());
    }

    private static List<String> sortKeys(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        List<String> keys = new ArrayList<>();
        orders.forEach(order -> keys.add((order.getDirection() == SortDirection.DESCENDING ? "-" : "") + order.getSorted()));
        return keys;
    }

    /** For tests: every row the grid would show now, fetched as the grid fetches. */
    List<IntegrationRow> rows() {
        return grid.getGenericDataView().getItems().toList();
    }

    /** For tests: the rows as this view knows them, from its fetches and pushes, without asking the database. */
    List<IntegrationRow> knownRows() {
        return List.copyOf(known.values());
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

                    @Override
                    public void noticed(List<Notice> posted) {
                        ui.access(() -> announce(posted));
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

    /**
     * Applies pushed changes. A changed row already on screen is replaced in place; a new or
     * removed row changes the paging, so the grid pages again through its normal data path.
     */
    private void apply(List<IntegrationChange> changes) {
        boolean pagingChanged = false;
        for (IntegrationChange change : changes) {
            IntegrationRow row = change.row();
            boolean shown = known.containsKey(row.id());
            boolean filteredOut = statusFilter.getValue() != null && statusFilter.getValue() != row.status();
            if (row.status() == IntegrationStatus.REMOVED || filteredOut) {
                pagingChanged |= known.remove(row.id()) != null;
            } else if (shown) {
                known.put(row.id(), row);
                rows.refreshItem(row);
            } else {
                known.put(row.id(), row);
                pagingChanged = true;
            }
        }
        if (pagingChanged) {
            rows.refreshAll();
        }
    }

    private void applyChecked(Instant checkedAt) {
        known.replaceAll((id, row) -> row.checkedAt(checkedAt));
        known.values().forEach(rows::refreshItem);
    }

    /** Notices from the verifier: a notification now, and a banner that stays until dismissed. */
    private void announce(List<Notice> posted) {
        posted.forEach(notice -> {
            Notification notification = Notification.show(notice.message(), 10000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        });
        List<Notice> all = new ArrayList<>(posted);
        notices.getChildren().map(child -> (NoticeBanner) child).map(NoticeBanner::notice).forEach(all::add);
        showNotices(all);
    }

    private void showNotices(List<Notice> open) {
        notices.removeAll();
        open.forEach(notice -> notices.add(new NoticeBanner(notice, dismissed -> {
            integrationService.dismissNotice(dismissed.id());
            notices.getChildren().filter(child -> ((NoticeBanner) child).notice().id() == dismissed.id())
                    .findFirst().ifPresent(notices::remove);
        })));
        notices.setVisible(!open.isEmpty());
    }

    private static void warn(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
}
