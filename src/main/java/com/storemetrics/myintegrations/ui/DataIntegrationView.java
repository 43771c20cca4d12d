package com.storemetrics.myintegrations.ui;

import com.storemetrics.base.live.LiveUpdates;
import com.storemetrics.base.ui.Announcer;
import com.storemetrics.base.ui.BackgroundCalls;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.connect.ui.ConnectAppStoreDialog;
import com.storemetrics.integration.IntegrationBroadcaster;
import com.storemetrics.integration.IntegrationChange;
import com.storemetrics.integration.IntegrationNotFound;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.IntegrationUpdate;
import com.storemetrics.integration.IntegrationsChanged;
import com.storemetrics.integration.IntegrationsChecked;
import com.storemetrics.integration.Notice;
import com.storemetrics.integration.NoticesPosted;
import com.storemetrics.integration.StoreDataLines;
import com.storemetrics.myintegrations.IntegrationDetails;
import com.storemetrics.myintegrations.IntegrationService;
import com.storemetrics.payments.FinanceRoles;
import com.storemetrics.security.Roles;
import com.storemetrics.security.SignedInUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;

/**
 * My Account > Data Integration: the platforms to connect, notices about what the verifier did,
 * and the customer's integrations, updated live through push. A URL with an id
 * ({@code my-account/data-integration/42}) opens that integration's details.
 */
@Route("my-account/data-integration")
@PageTitle("Data Integration | Storemetrics")
@Menu(title = "Data Integration", order = 1, icon = "vaadin:connect")
@RolesAllowed(Roles.CUSTOMER)
public class DataIntegrationView extends VerticalLayout implements HasUrlParameter<Long> {

    private final transient ConnectionService connections;
    private final transient BackgroundCalls background;
    private final transient IntegrationService integrationService;
    private final transient Clock clock;
    private final transient FinanceRoles financeRoles;
    /** The store-data side (the metrics feature), or nothing without it. */
    private final transient StoreDataLines storeDataLines;

    final Button connectAppStore = new Button("Connect", new Icon(VaadinIcon.PLUS));
    final NoticesPanel notices;
    final LiveIntegrationsGrid integrations;
    final IntegrationsGrid grid;
    final Select<IntegrationStatus> statusFilter;
    /** Changes that come without a toast of their own (an invitation lapsing), for screen readers. */
    final Announcer announcer = new Announcer("integration-announcements");
    /** Accounts Finish just reported approved: their pushed approval would say it a second time. */
    private final Set<Long> approvalsTold = new HashSet<>();

    public DataIntegrationView(
            ConnectionService connections,
            IntegrationService integrationService,
            BackgroundCalls background,
            IntegrationBroadcaster broadcaster,
            LiveUpdates live,
            AuthenticationContext authentication,
            Clock clock,
            ObjectProvider<StoreDataLines> storeData,
            FinanceRoles financeRoles) {
        this.connections = connections;
        this.integrationService = integrationService;
        this.background = background;
        this.clock = clock;
        this.financeRoles = financeRoles;
        setId("data-integration");
        // Read once, here: every row's actions show it.
        String serviceAppleId = connections.serviceAppleId();
        long customerId = authentication
                .getAuthenticatedUser(SignedInUser.class)
                .orElseThrow()
                .userId();

        Paragraph intro = new Paragraph("Connect your store accounts so Storemetrics shows your real downloads and "
                + "proceeds instead of estimates.");
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);

        PlatformCards cards = new PlatformCards(connectAppStore, this::openDialog);

        notices = new NoticesPanel(integrationService);
        // Without the metrics feature, Approved rows say nothing about data.
        StoreDataLines dataLines = storeData.getIfAvailable(() -> StoreDataLines.NONE);
        storeDataLines = dataLines;
        integrations = new LiveIntegrationsGrid(
                integrationService,
                dataLines,
                financeRoles,
                live,
                clock,
                new RowActions(
                        integrationService,
                        serviceAppleId,
                        this::openDetails,
                        this::openDialog,
                        this::removedHere,
                        this::refresh));
        grid = integrations.grid;
        statusFilter = integrations.statusFilter;

        add(new H2("Data Integration"), intro, notices, cards, integrations, announcer);
        setFlexGrow(1, integrations);
        setSizeFull();
        notices.reload();
        live.follow(this, sink -> broadcaster.registerForCustomer(customerId, sink), this::apply, this::reload);
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
            IntegrationDetails details = integrationService.details(integrationId);
            String serviceAppleId = connections.serviceAppleId();
            long accountId = details.row().accountId();
            String payments = details.row().status() == IntegrationStatus.APPROVED && financeRoles.isMissing(accountId)
                    ? (integrationService.salesOnlyAmong(List.of(accountId)).isEmpty()
                            ? FinanceRoles.neededLine(serviceAppleId)
                            : FinanceRoles.notAskedLine(serviceAppleId))
                    : null;
            String sales = details.row().status() == IntegrationStatus.APPROVED
                    ? storeDataLines
                            .roleLines(List.of(details.row().accountId()))
                            .get(details.row().accountId())
                    : null;
            new IntegrationDetailsDialog(details, clock, serviceAppleId, sales, payments).open();
        } catch (IntegrationNotFound missing) {
            RowActions.warn(missing.getMessage() + " Your current integrations are listed below.");
        }
    }

    /** One message saying what became of each account Finish connected. */
    private void finished(ConnectionService.Finished finished) {
        refresh();
        approvalsTold.addAll(finished.approvedAccountIds());
        List<String> sentences = new ArrayList<>();
        if (!finished.approvedAtOnce().isEmpty()) {
            sentences.add(names(finished.approvedAtOnce())
                    + (finished.approvedAtOnce().size() == 1 ? " is" : " are")
                    + " approved: our service user is already a member (a colleague connected it). "
                    + "Store data appears under My Account > Store Metrics within a few minutes.");
        }
        if (!finished.pending().isEmpty()) {
            sentences.add(names(finished.pending())
                    + (finished.pending().size() == 1 ? " is" : " are")
                    + " Pending. We approve it within seconds of the invitation being accepted in App Store Connect.");
        }
        Notification notification =
                Notification.show(String.join(" ", sentences), 8000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static String names(List<String> accounts) {
        return accounts.size() == 1
                ? accounts.get(0)
                : String.join(", ", accounts.subList(0, accounts.size() - 1)) + " and "
                        + accounts.get(accounts.size() - 1);
    }

    void refresh() {
        integrations.refresh();
    }

    private void removedHere(long integrationId) {
        integrations.removed(integrationId);
    }

    /** Pushed updates, in the order they were committed (run by {@link LiveUpdates} inside {@code UI.access}). */
    private void apply(List<IntegrationUpdate> updates) {
        List<IntegrationChange> changes = new ArrayList<>();
        List<Notice> posted = new ArrayList<>();
        Instant checkedAt = null;
        for (IntegrationUpdate update : updates) {
            if (update instanceof IntegrationsChanged changed) {
                changes.addAll(changed.changes());
            } else if (update instanceof IntegrationsChecked checked) {
                checkedAt = checked.checkedAt();
            } else if (update instanceof NoticesPosted noticed) {
                posted.addAll(noticed.notices());
            }
        }
        if (!changes.isEmpty() || checkedAt != null) {
            // Together: when the changes re-page the grid, the rows come back with their check time anyway.
            integrations.apply(changes, checkedAt);
            announce(changes);
        }
        if (!posted.isEmpty()) {
            notices.announce(posted);
        }
    }

    /**
     * A row that just turned Approved deserves a word (a toast, which screen readers read politely),
     * and the customer wants to know what comes next; an invitation that lapsed is said through the
     * live region. Each change once: an approval Finish already reported is not told again.
     */
    private void announce(List<IntegrationChange> changes) {
        List<String> lapsed = new ArrayList<>();
        for (IntegrationChange change : changes) {
            IntegrationRow row = change.row();
            if (row.status() == IntegrationStatus.APPROVED && !approvalsTold.remove(row.accountId())) {
                Notification.show(
                                row.accountName() + " is approved: our service user is a member. "
                                        + "Its store data appears under My Account > Store Metrics within a few minutes.",
                                8000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } else if (row.status() == IntegrationStatus.EXPIRED) {
                lapsed.add(row.accountName());
            }
        }
        if (!lapsed.isEmpty()) {
            announcer.announce(
                    "The invitation for " + names(lapsed) + " lapsed: Expired. Remove it, then connect again.");
        }
    }

    /** When a pushed update could not be applied: everything again from the database. */
    private void reload() {
        integrations.refresh();
        notices.reload();
    }

    /** For tests: every row the grid would show now, fetched as the grid fetches. */
    List<IntegrationRow> rows() {
        return integrations.rows();
    }

    /** For tests: the "Last checked" moment the grid shows for this row (null: "Not yet"). */
    Instant lastCheckedShown(IntegrationRow row) {
        return integrations.lastChecked(row);
    }

    /** For tests: the rows as this view knows them, from its fetches and pushes, without asking the database. */
    List<IntegrationRow> knownRows() {
        return integrations.knownRows();
    }
}
