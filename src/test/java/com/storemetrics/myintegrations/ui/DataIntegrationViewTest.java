package com.storemetrics.myintegrations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.storemetrics.DemoAccounts;
import com.storemetrics.KaribuTest;
import com.storemetrics.LitCellsProbe;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.connect.ui.ConnectAppStoreDialog;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.Notice;
import com.storemetrics.myintegrations.IntegrationService;
import com.storemetrics.verification.VerifierSees;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.dom.Element;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

class DataIntegrationViewTest extends KaribuTest {

    static final DiscoveredAccount PIXEL_FORGE = DemoAccounts.PIXEL_FORGE;
    static final DiscoveredAccount ALICE_MARTIN = DemoAccounts.ALICE_MARTIN;

    @Autowired
    ConnectionService connections;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    long alicePixelForge;
    long aliceAliceMartin;
    long bobPixelForge;

    @BeforeEach
    void aliceAndBobHavePixelForge() {
        bobPixelForge = SignIn.as(
                        applicationContext,
                        "bob",
                        () -> connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN))
                .get(0);
        login("alice");
        List<Long> ids = connections.finish(List.of(PIXEL_FORGE, ALICE_MARTIN), CredentialKind.ACCESS_TOKEN);
        alicePixelForge = ids.get(0);
        aliceAliceMartin = ids.get(1);
        VerifierSees.memberships(applicationContext, Instant.now(), Map.of("100001", "Pixel Forge Studio"));
    }

    @Test
    void removing_asks_for_confirmation_naming_the_account_and_keeps_the_colleagues_row() {
        DataIntegrationView view = open();
        clickRemoveOf("Pixel Forge Studio");

        RemovalConfirmation confirm = _get(RemovalConfirmation.class);
        assertThat(confirm.getHeaderTitle()).isEqualTo("Remove Pixel Forge Studio?");
        assertThat(confirm.text.getText()).contains("account 100001").contains("Colleagues");
        ButtonKt._click(confirm.confirm);

        assertThat(view.rows()).extracting(IntegrationRow::accountName).containsExactly("Alice Martin");
        assertThat(jdbc.queryForObject("SELECT status FROM integration WHERE id = ?", String.class, bobPixelForge))
                .isEqualTo("APPROVED");
    }

    @Test
    void cancelling_the_confirmation_removes_nothing() {
        DataIntegrationView view = open();
        clickRemoveOf("Pixel Forge Studio");

        ButtonKt._click(_get(RemovalConfirmation.class).cancel);

        assertThat(view.rows()).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration WHERE status = 'REMOVED'", Integer.class))
                .isZero();
    }

    @Test
    void an_expired_row_shows_its_reason_and_remove_and_connect_again_opens_the_dialog() {
        VerifierSees.memberships(applicationContext, Instant.now().plus(Duration.ofDays(5)), Map.of());
        DataIntegrationView view = open();
        IntegrationRow expired = view.rows().stream()
                .filter(row -> row.status() == IntegrationStatus.EXPIRED)
                .findFirst()
                .orElseThrow();
        assertThat(IntegrationsGrid.statusDetail(expired, Instant.now(), "integration@storemetrics.example"))
                .contains("not accepted in time");

        assertThat(expired.accountName()).isEqualTo("Alice Martin");
        clickRowButton("Alice Martin", "Remove the expired integration of Alice Martin and connect it again");
        ButtonKt._click(_get(RemovalConfirmation.class).confirm);

        assertThat(_find(ConnectAppStoreDialog.class)).hasSize(1);
        assertThat(view.rows()).extracting(IntegrationRow::accountName).containsExactly("Pixel Forge Studio");
    }

    @Test
    void details_show_the_account_who_connected_it_and_the_history() {
        open();
        clickRowButton("Pixel Forge Studio", "Details of Pixel Forge Studio");

        IntegrationDetailsDialog details = _get(IntegrationDetailsDialog.class);
        assertThat(details.getHeaderTitle()).isEqualTo("Pixel Forge Studio");
        assertThat(GridKt._size(details.history)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(details.history, 1))
                .anySatisfy(cell -> assertThat(cell).contains("Approved"))
                .anySatisfy(cell -> assertThat(cell).contains("Storemetrics verifier"));
    }

    @Test
    void a_tampered_address_with_someone_elses_id_opens_nothing_and_says_so() {
        UI.getCurrent().navigate("my-account/data-integration/" + bobPixelForge);

        assertThat(_find(IntegrationDetailsDialog.class)).isEmpty();
        assertThat(NotificationsKt.getNotifications())
                .anySatisfy(notification -> assertThat(notification.getElement().getProperty("text", ""))
                        .contains("does not exist"));
    }

    @Test
    void an_address_with_ones_own_id_opens_its_details() {
        UI.getCurrent().navigate("my-account/data-integration/" + alicePixelForge);

        assertThat(_get(IntegrationDetailsDialog.class).getHeaderTitle()).isEqualTo("Pixel Forge Studio");
    }

    @Test
    void the_grid_sorts_and_filters_by_status() {
        DataIntegrationView view = open();
        view.grid.sort(List.of(new GridSortOrder<>(view.grid.getColumnByKey("account"), SortDirection.DESCENDING)));
        assertThat(view.rows())
                .extracting(IntegrationRow::accountName)
                .containsExactly("Pixel Forge Studio", "Alice Martin");

        HasValueUtilsKt._setValue(view.statusFilter, IntegrationStatus.PENDING);
        assertThat(view.rows()).extracting(IntegrationRow::accountName).containsExactly("Alice Martin");
        assertThat(view.grid.getColumns())
                .filteredOn(column -> !"actions".equals(column.getKey()))
                .allSatisfy(column ->
                        assertThat(column.isSortable()).as(column.getKey()).isTrue());
    }

    @Test
    void a_notice_from_the_verifier_is_a_banner_on_the_next_visit_until_dismissed() {
        Instant now = Instant.now();
        VerifierSees.memberships(applicationContext, now.plusSeconds(30), Map.of());
        VerifierSees.memberships(applicationContext, now.plusSeconds(60), Map.of());

        DataIntegrationView view = open();
        List<NoticeBanner> banners = _find(NoticeBanner.class);
        assertThat(banners)
                .singleElement()
                .satisfies(banner -> assertThat(banner.notice().message())
                        .contains("Pixel Forge Studio")
                        .contains("Account Holder or Admin"));

        ButtonKt._click(banners.get(0).dismiss);
        assertThat(_find(NoticeBanner.class)).isEmpty();

        UI.getCurrent().navigate("sandbox");
        open();
        assertThat(_find(NoticeBanner.class)).as("dismissed for good").isEmpty();
        assertThat(view.isAttached()).isFalse();
    }

    @Test
    void clicking_the_app_store_connect_card_opens_the_dialog_once() {
        open();
        Element card = _get(Div.class, spec -> spec.withId("app-store-card")).getElement();
        // A click on the card itself, not on its Connect button: what the listener's client-side filter lets through.
        elemental.json.JsonObject data = elemental.json.Json.createObject();
        data.put("!event.target.closest('vaadin-button')", true);
        ElementUtilsKt._fireDomEvent(card, new DomEvent(card, "click", data));

        assertThat(_find(ConnectAppStoreDialog.class)).hasSize(1);
    }

    @Test
    void a_notice_that_reaches_the_page_twice_is_shown_once_and_its_dismiss_names_it() {
        DataIntegrationView view = open();
        jdbc.update("INSERT INTO customer_notice (customer_id, created_at, message) SELECT id, CURRENT_TIMESTAMP,"
                + " 'Pixel Forge Studio was removed from your integrations.' FROM app_user WHERE username = 'alice'");
        Notice stored = applicationContext
                .getBean(IntegrationService.class)
                .openNotices()
                .get(0);

        view.notices.announce(List.of(stored));
        view.notices.announce(List.of(stored));

        assertThat(view.notices.getChildren().toList())
                .singleElement()
                .satisfies(banner -> assertThat(((NoticeBanner) banner).dismiss.getAriaLabel())
                        .hasValueSatisfying(label ->
                                assertThat(label).contains("Pixel Forge Studio was removed from your integrations.")));
    }

    @Test
    void a_new_notice_goes_on_top_and_the_banners_shown_stay_as_they_are() {
        DataIntegrationView view = open();
        Notice older = storeNotice("Pixel Forge Studio was removed from your integrations.");
        view.notices.announce(List.of(older));
        NoticeBanner shown =
                (NoticeBanner) view.notices.getChildren().findFirst().orElseThrow();

        Notice newer = storeNotice("Alice Martin was removed from your integrations.");
        view.notices.announce(List.of(newer));

        // The same component, not a copy: a copy would be sent to the browser again with every new notice.
        assertThat(view.notices.getChildren().toList()).hasSize(2).element(1).isSameAs(shown);
        assertThat(((NoticeBanner) view.notices.getChildren().findFirst().orElseThrow()).notice())
                .isEqualTo(newer);
    }

    private Notice storeNotice(String message) {
        jdbc.update(
                "INSERT INTO customer_notice (customer_id, created_at, message) SELECT id, CURRENT_TIMESTAMP, ? FROM"
                        + " app_user WHERE username = 'alice'",
                message);
        return applicationContext.getBean(IntegrationService.class).openNotices().stream()
                .filter(notice -> notice.message().equals(message))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void after_a_removal_an_empty_grid_does_not_say_no_integrations_yet() {
        DataIntegrationView view = open();
        assertThat(view.grid.whenEmpty()).contains("yet");
        Component emptyState = view.grid.getEmptyStateComponent();

        for (String account : List.of("Pixel Forge Studio", "Alice Martin")) {
            clickRemoveOf(account);
            ButtonKt._click(_get(RemovalConfirmation.class).confirm);
        }

        assertThat(view.rows()).isEmpty();
        assertThat(view.grid.whenEmpty()).doesNotContain("yet").contains("connect an account again");
        assertThat(view.grid.getEmptyStateComponent())
                .as("its text changed, not the component")
                .isSameAs(emptyState);
    }

    @Test
    void a_removal_re_pages_from_the_rows_the_view_holds_without_reading_them_again() {
        DataIntegrationView view = open();
        clickRemoveOf("Pixel Forge Studio");
        renameAliceMartinWithoutPush();

        ButtonKt._click(_get(RemovalConfirmation.class).confirm);

        assertThat(view.rows())
                .as("the rows the view held, less the removed one")
                .extracting(IntegrationRow::accountName)
                .containsExactly("Alice Martin");
        view.refresh();
        assertThat(view.rows()).extracting(IntegrationRow::accountName).containsExactly("Alice Martin Ltd");
    }

    @Test
    void a_list_longer_than_one_read_re_pages_from_the_database() {
        DataIntegrationView view = open();
        clickRemoveOf("Pixel Forge Studio");
        // Read again one row at a time: the view cannot know that it holds them all.
        view.refresh();
        assertThat(view.grid.getDataProvider().fetch(new Query<>(0, 1, List.of(), null, null)))
                .hasSize(1);
        renameAliceMartinWithoutPush();

        ButtonKt._click(_get(RemovalConfirmation.class).confirm);

        assertThat(view.rows()).extracting(IntegrationRow::accountName).containsExactly("Alice Martin Ltd");
    }

    @Test
    void a_row_approved_by_push_stays_approved_when_another_row_goes() {
        DataIntegrationView view = open();
        assertThat(view.rows()).extracting(IntegrationRow::status).contains(IntegrationStatus.PENDING);

        VerifierSees.memberships(
                applicationContext, Instant.now(), Map.of("100001", "Pixel Forge Studio", "100002", "Alice Martin"));
        awaitUntilOffTheTestThread(
                "Alice Martin's approval is pushed",
                () -> view.knownRows().stream().allMatch(row -> row.status() == IntegrationStatus.APPROVED));
        clickRemoveOf("Pixel Forge Studio");
        ButtonKt._click(_get(RemovalConfirmation.class).confirm);

        assertThat(view.rows()).singleElement().satisfies(row -> {
            assertThat(row.accountName()).isEqualTo("Alice Martin");
            assertThat(row.status()).isEqualTo(IntegrationStatus.APPROVED);
        });
    }

    /** A change no push tells the page about: only a read of the database shows it. */
    private void renameAliceMartinWithoutPush() {
        jdbc.update(
                "UPDATE store_account SET name = 'Alice Martin Ltd'"
                        + " WHERE id = (SELECT account_id FROM integration WHERE id = ?)",
                aliceAliceMartin);
    }

    @Test
    void check_again_on_a_pending_row_asks_the_shared_check_once_then_says_when_to_ask_again() {
        // Apple agrees with the setup that our user is in Pixel Forge, so no check may take it away meanwhile.
        SandboxControl sandbox = new SandboxControl(port);
        sandbox.acceptInvitation(sandbox.invite("100001", SandboxControl.SERVICE_APPLE_ID)
                .path("id")
                .asText());
        DataIntegrationView view = open();
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_instance = 'recheck-now'");
        long cyclesBefore = jdbc.queryForObject("SELECT cycles FROM verifier_health", Long.class);
        assertThat(view.rows())
                .filteredOn(row -> row.status() == IntegrationStatus.PENDING)
                .extracting(IntegrationRow::accountName)
                .containsExactly("Alice Martin");
        assertThat(IntegrationsGrid.statusDetail(
                        view.rows().stream()
                                .filter(row -> row.status() == IntegrationStatus.PENDING)
                                .findFirst()
                                .orElseThrow(),
                        Instant.now(),
                        "integration@storemetrics.example"))
                .contains("integration@storemetrics.example")
                .contains("Users and Access");

        clickRowButton("Alice Martin", "Check Alice Martin again");
        clickRowButton("Alice Martin", "Check Alice Martin again");

        assertThat(NotificationsKt.getNotifications())
                .extracting(n -> n.getElement().getProperty("text", ""))
                .anySatisfy(text -> assertThat(text).startsWith("Checking Alice Martin with Apple now"))
                .anySatisfy(text -> assertThat(text).contains("You can ask again in"));
        awaitUntil(
                "the verifier ran the requested check",
                () -> jdbc.queryForObject("SELECT cycles FROM verifier_health", Long.class) > cyclesBefore);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = 'recheck-now'", Integer.class))
                .as("one shared check, whatever the number of requests")
                .isLessThanOrEqualTo(1);
        Assertions.assertThatThrownBy(() -> clickRowButton("Pixel Forge Studio", "Check Pixel Forge Studio again"))
                .as("Approved rows have nothing to check again")
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No button");
    }

    private DataIntegrationView open() {
        UI.getCurrent().navigate(DataIntegrationView.class);
        return _get(DataIntegrationView.class);
    }

    private static void clickRemoveOf(String accountName) {
        clickRowButton(accountName, "Remove " + accountName);
    }

    /** Clicks a button in a row's Actions cell, found by its accessible label as the browser renders it. */
    private static void clickRowButton(String accountName, String ariaLabel) {
        DataIntegrationView view = _get(DataIntegrationView.class);
        IntegrationRow row = view.rows().stream()
                .filter(candidate -> candidate.accountName().equals(accountName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No row of " + accountName));
        LitCellsProbe.click(view.grid, "actions", row, ariaLabel);
    }
}
