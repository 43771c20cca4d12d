package com.storemetrics.support.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.storemetrics.KaribuTest;
import com.storemetrics.LitCellsProbe;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.IntegrationBroadcaster;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.support.IntegrationOverview;
import com.storemetrics.support.LinkedCustomer;
import com.storemetrics.support.SupportTestData;
import com.storemetrics.verification.MembershipCheck;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.data.provider.DataCommunicator;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Support > Integrations as carol uses it: grid, filters, details, health, re-check and live updates. */
class SupportIntegrationsViewTest extends KaribuTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConnectionService connections;

    @Autowired
    MembershipCheck check;

    @Autowired
    IntegrationBroadcaster broadcaster;

    SandboxControl sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxControl(port);
    }

    @Test
    void carol_finds_alices_pending_account_reads_its_history_and_watches_it_turn_approved_after_re_check() {
        SignIn.as(
                applicationContext,
                "alice",
                () -> connections.finish(List.of(SupportTestData.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        SignIn.as(
                applicationContext,
                "bob",
                () -> connections.finish(List.of(SupportTestData.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        // Only carol's re-check may approve it here: drop the early checks that Finish scheduled.
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = 'membership-check-soon'");

        login("carol");
        UI.getCurrent().navigate("");
        SupportIntegrationsView view = _get(SupportIntegrationsView.class);
        assertThat(shownRows(view)).hasSize(2);

        HasValueUtilsKt._setValue(view.status, IntegrationStatus.PENDING);
        HasValueUtilsKt._setValue(view.customer, "alice");
        HasValueUtilsKt._setValue(view.account, "Pixel");
        assertThat(shownRows(view)).singleElement().satisfies(row -> {
            assertThat(row.customerUsername()).isEqualTo("alice");
            assertThat(row.accountName()).isEqualTo("Pixel Forge Studio");
            assertThat(row.status()).isEqualTo(IntegrationStatus.PENDING);
        });
        assertThat(GridKt._getFormattedRow(view.grid, 0))
                .anySatisfy(cell -> assertThat(cell).contains("UTC"));

        IntegrationOverview shown = shownRows(view).get(0);
        LitCellsProbe.click(view.grid, "details", shown, "Details of Pixel Forge Studio for " + shown.customerName());
        SupportDetailsDialog details = _get(SupportDetailsDialog.class);
        assertThat(details.history.getListDataView().getItems()).singleElement().satisfies(entry -> {
            assertThat(entry.to()).isEqualTo(IntegrationStatus.PENDING);
            assertThat(entry.actor().name()).isEqualTo("alice");
        });
        assertThat(details.membership.getText()).contains("not seen as a member");
        assertThat(details.customers.getListDataView().getItems())
                .extracting(LinkedCustomer::username)
                .containsExactly("alice", "bob");
        assertThat(openings(details)).singleElement().asString().startsWith("Carol Diaz (Support) (carol) · ");
        ButtonKt._click(details.close);
        assertThat(view.health.lastFailure.getText()).isEqualTo("None");
        assertThat(view.health.appleRequests.getText()).contains("of 3,600");

        HasValueUtilsKt._setValue(view.status, null);
        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        ButtonKt._click(view.recheck);
        assertThat(notificationTexts()).anySatisfy(text -> assertThat(text).contains("runs in a moment"));

        awaitUntilOffTheTestThread(
                "alice's row turns Approved",
                () -> !shownRows(view).isEmpty() && shownRows(view).get(0).status() == IntegrationStatus.APPROVED);
        awaitUntilOffTheTestThread(
                "the health panel shows the successful cycle",
                () -> view.health.lastSuccess.getText().contains("UTC"));
        assertThat(view.health.lastCycle.getText()).contains("(cycle ");
    }

    @Test
    void the_grid_lists_every_customers_integrations_and_each_filter_narrows_it() {
        Instant now = Instant.now();
        long alice = SupportTestData.userId(jdbc, "alice");
        long bob = SupportTestData.userId(jdbc, "bob");
        long pixel = SupportTestData.account(jdbc, "900001", "Pixel Forge Studio", "86000001");
        long other = SupportTestData.account(jdbc, "900002", "Other Games", null);
        SupportTestData.integration(jdbc, alice, pixel, IntegrationStatus.PENDING, null, now);
        SupportTestData.integration(jdbc, bob, pixel, IntegrationStatus.APPROVED, null, now.minusSeconds(10));
        SupportTestData.integration(
                jdbc,
                bob,
                other,
                IntegrationStatus.REMOVED,
                "Access removed in App Store Connect by an Account Holder or Admin.",
                now.minusSeconds(20));
        login("carol");
        UI.getCurrent().navigate(SupportIntegrationsView.class);
        SupportIntegrationsView view = _get(SupportIntegrationsView.class);

        assertThat(shownRows(view))
                .extracting(IntegrationOverview::customerUsername, IntegrationOverview::status)
                .containsExactly(
                        Tuple.tuple("alice", IntegrationStatus.PENDING),
                        Tuple.tuple("bob", IntegrationStatus.APPROVED),
                        Tuple.tuple("bob", IntegrationStatus.REMOVED));
        assertThat(view.grid.getColumns())
                .extracting(Grid.Column::getHeaderText)
                .containsExactly("Customer", "Account", "Status", "Since", "Last checked", "Reason", "Details");
        assertThat(GridKt._getFormattedRow(view.grid, 2))
                .contains("Access removed in App Store Connect by an Account Holder or Admin.");

        HasValueUtilsKt._setValue(view.status, IntegrationStatus.REMOVED);
        assertThat(shownRows(view)).extracting(IntegrationOverview::accountName).containsExactly("Other Games");
        HasValueUtilsKt._setValue(view.status, null);
        HasValueUtilsKt._setValue(view.customer, "Bob Chen");
        assertThat(shownRows(view)).hasSize(2);
        HasValueUtilsKt._setValue(view.account, "86000001");
        assertThat(shownRows(view))
                .extracting(IntegrationOverview::accountNumber)
                .containsExactly("900001");
        HasValueUtilsKt._setValue(view.account, "nothing like this");
        assertThat(shownRows(view)).isEmpty();
        assertThat(view.grid.getEmptyStateText()).isEqualTo("No integration matches these filters.");
    }

    @Test
    void details_record_each_opening_and_list_who_opened_them() {
        long account = SupportTestData.account(jdbc, "900003", "Audit Studio", null);
        long id = SupportTestData.integration(
                jdbc,
                SupportTestData.userId(jdbc, "alice"),
                account,
                IntegrationStatus.EXPIRED,
                "The invitation was not accepted in time",
                Instant.now());
        login("carol");
        UI.getCurrent().navigate(SupportIntegrationsView.class);
        SupportIntegrationsView view = _get(SupportIntegrationsView.class);

        view.openDetails(id);
        ButtonKt._click(_get(SupportDetailsDialog.class).close);
        view.openDetails(id);

        SupportDetailsDialog details = _get(SupportDetailsDialog.class);
        assertThat(openings(details))
                .hasSize(2)
                .allSatisfy(text -> assertThat(text).contains("(carol)"));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM support_access_log WHERE integration_id = ?", Integer.class, id))
                .isEqualTo(2);
        assertThat(details.history.getListDataView().getItems()).isEmpty();

        view.openDetails(-42);
        assertThat(notificationTexts()).contains("This integration no longer exists.");
    }

    @Test
    void re_check_now_pressed_twice_schedules_one_check_and_says_so() {
        SignIn.as(
                applicationContext,
                "alice",
                () -> connections.finish(List.of(SupportTestData.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = 'membership-check-soon'");
        sandbox.fault("LATENCY", 20, 3000); // the first check is still waiting or running at the second press
        login("carol");
        UI.getCurrent().navigate(SupportIntegrationsView.class);
        SupportIntegrationsView view = _get(SupportIntegrationsView.class);

        ButtonKt._click(view.recheck);
        ButtonKt._click(view.recheck);

        assertThat(notificationTexts()).hasSize(2);
        assertThat(notificationTexts().get(0)).startsWith("A membership check runs in a moment");
        assertThat(notificationTexts().get(1)).startsWith("A check is already scheduled");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = 'recheck-now'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void a_verifier_cycle_approving_a_row_shows_in_the_open_grid_without_a_reload() {
        login("carol");
        UI.getCurrent().navigate(SupportIntegrationsView.class);
        SupportIntegrationsView view = _get(SupportIntegrationsView.class);
        assertThat(shownRows(view)).isEmpty();
        String cycleBefore = view.health.lastCycle.getText();

        SignIn.as(
                applicationContext,
                "alice",
                () -> connections.finish(List.of(SupportTestData.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = 'membership-check-soon'");
        awaitUntilOffTheTestThread(
                "the new Pending row is pushed", () -> shownRows(view).size() == 1);
        assertThat(shownRows(view).get(0).status()).isEqualTo(IntegrationStatus.PENDING);

        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        onBackgroundThread(() -> check.run("test"));

        awaitUntilOffTheTestThread(
                "the row shows Approved", () -> shownRows(view).get(0).status() == IntegrationStatus.APPROVED);
        awaitUntilOffTheTestThread(
                "the health panel shows the new cycle",
                () -> !view.health.lastCycle.getText().equals(cycleBefore));
        assertThat(shownRows(view).get(0).lastCheckedAt()).isNotNull();
    }

    @Test
    void a_failed_cycle_shows_in_the_open_health_panel_although_it_changes_no_integration() {
        SignIn.as(
                applicationContext,
                "alice",
                () -> connections.finish(List.of(SupportTestData.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = 'membership-check-soon'");
        login("carol");
        UI.getCurrent().navigate(SupportIntegrationsView.class);
        SupportIntegrationsView view = _get(SupportIntegrationsView.class);
        assertThat(view.health.lastFailure.getText()).isEqualTo("None");

        sandbox.fault("HTTP_500", 100, 0);
        onBackgroundThread(() -> check.run("test"));

        awaitUntilOffTheTestThread(
                "the failure shows", () -> view.health.lastFailure.getText().contains("UTC"));
        assertThat(view.health.consecutiveFailures.getText()).isEqualTo("1");
        assertThat(view.health.backoff.isVisible()).isTrue();
        assertThat(shownRows(view))
                .singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo(IntegrationStatus.PENDING));
    }

    @Test
    void a_closed_view_stops_listening() {
        login("carol");
        int before = broadcaster.listenerCount();
        UI.getCurrent().navigate(SupportIntegrationsView.class);
        assertThat(broadcaster.listenerCount()).isEqualTo(before + 1);

        UI.getCurrent().navigate("sandbox");

        assertThat(broadcaster.listenerCount()).isEqualTo(before);
    }

    @Test
    void support_has_no_control_that_creates_changes_or_removes_an_integration() {
        long account = SupportTestData.account(jdbc, "900004", "Read Only Studio", null);
        long id = SupportTestData.integration(
                jdbc, SupportTestData.userId(jdbc, "alice"), account, IntegrationStatus.APPROVED, null, Instant.now());
        login("carol");
        UI.getCurrent().navigate(SupportIntegrationsView.class);
        SupportIntegrationsView view = _get(SupportIntegrationsView.class);
        view.openDetails(id);

        List<Button> buttons = new ArrayList<>(_find(Button.class));
        buttons.removeIf(button -> button instanceof DrawerToggle);
        List<String> controls = new ArrayList<>();
        for (Button button : buttons) {
            controls.add(button.getText().isEmpty() ? button.getAriaLabel().orElse("?") : button.getText());
        }
        // The grid's own buttons are Lit-rendered: read them as the browser builds them.
        controls.addAll(
                LitCellsProbe.buttonLabelsInRow(view.grid, shownRows(view).get(0)));
        assertThat(controls)
                .isNotEmpty()
                .allSatisfy(control ->
                        assertThat(control).matches("Re-check now|Close details|Details of .+ for .+|Log out"));
        assertThat(controls).contains("Details of Read Only Studio for Alice Martin (Pixel Forge)");
    }

    /**
     * The rows the grid holds for its client now: what a browser would show. Like a browser, it asks
     * for the first rows; afterwards only a refresh (a filter, a push) brings newer data.
     */
    static List<IntegrationOverview> shownRows(SupportIntegrationsView view) {
        DataCommunicator<IntegrationOverview> communicator = view.grid.getDataCommunicator();
        communicator.setRequestedRange(0, 100);
        MockVaadin.clientRoundtrip();
        List<IntegrationOverview> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(communicator.getItemCount(), 100); i++) {
            rows.add(communicator.getItem(i));
        }
        return rows;
    }

    @Test
    void details_say_payments_need_the_finance_role_while_apple_refuses_it_and_nothing_while_unknown() {
        long account = SupportTestData.account(jdbc, "100001", "Pixel Forge Studio", "85000001");
        long id = SupportTestData.integration(
                jdbc, SupportTestData.userId(jdbc, "alice"), account, IntegrationStatus.APPROVED, null, Instant.now());
        login("carol");
        UI.getCurrent().navigate(SupportIntegrationsView.class);
        SupportIntegrationsView view = _get(SupportIntegrationsView.class);

        view.openDetails(id);
        assertThat(_get(SupportDetailsDialog.class).payments.isAttached())
                .as("never asked: unknown")
                .isFalse();
        ButtonKt._click(_get(SupportDetailsDialog.class).close);

        jdbc.update(
                "INSERT INTO payments_account (account_id, finance_permitted, checked_at, next_check_at, failures,"
                        + " apple_says, refused_since) VALUES (?, FALSE, ?, ?, 0, 'no role', ?)",
                account,
                Timestamp.from(Instant.parse("2026-12-01T09:00:00Z")),
                Timestamp.from(Instant.parse("2026-12-02T09:00:00Z")),
                Timestamp.from(Instant.parse("2026-11-30T08:15:00Z")));
        view.openDetails(id);
        assertThat(_get(SupportDetailsDialog.class).payments.getText())
                .isEqualTo("Payments: needs the Finance role. The Account Holder or an Admin gives"
                        + " integration@storemetrics.example the Finance role in App Store Connect > Users and"
                        + " Access; we see it at the next daily check. Apple refuses our Financial reports since"
                        + " 30 Nov 2026, 08:15 UTC.");
        ButtonKt._click(_get(SupportDetailsDialog.class).close);

        jdbc.update("UPDATE integration SET data_wanted = 'SALES' WHERE id = ?", id);
        view.openDetails(id);
        assertThat(_get(SupportDetailsDialog.class).payments.getText())
                .as("a customer who chose the Sales reports only: an option not taken")
                .isEqualTo("Payments: not set up; the customer chose the Sales reports only when connecting. Apple"
                        + " refuses our Financial reports since 30 Nov 2026, 08:15 UTC.");
        ButtonKt._click(_get(SupportDetailsDialog.class).close);

        jdbc.update(
                "UPDATE payments_account SET finance_permitted = TRUE, refused_since = NULL WHERE account_id = ?",
                account);
        view.openDetails(id);
        assertThat(_get(SupportDetailsDialog.class).payments.isAttached())
                .as("the role is there")
                .isFalse();
    }

    private static List<String> openings(SupportDetailsDialog details) {
        return details.openings
                .getChildren()
                .map(item -> ((ListItem) item).getText())
                .toList();
    }

    private static List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream()
                .map(Notification::getElement)
                .map(element -> element.getProperty("text", "") + element.getTextRecursively())
                .toList();
    }
}
