package com.storemetrics.connect.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.storemetrics.DemoAccounts;
import com.storemetrics.KaribuTest;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.connect.AccountAvailability;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.myintegrations.ui.DataIntegrationView;
import com.storemetrics.verification.VerifierSees;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The three-step dialog against the embedded sandbox over real HTTP. */
class ConnectAppStoreDialogTest extends KaribuTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConnectionService connections;

    SandboxControl sandbox;
    DataIntegrationView view;
    ConnectAppStoreDialog dialog;

    @BeforeEach
    void openTheDialogAsAlice() {
        sandbox = new SandboxControl(port);
        login("alice");
        UI.getCurrent().navigate(DataIntegrationView.class);
        view = _get(DataIntegrationView.class);
        ButtonKt._click(LocatorJ._get(Button.class, spec -> spec.withId("connect-app-store")));
        dialog = _get(ConnectAppStoreDialog.class);
    }

    @Test
    void next_stays_disabled_until_the_token_is_valid() {
        assertThat(dialog.stepLabel.getText()).isEqualTo("Step 1 of 3 · Access token");
        assertThat(dialog.next.isEnabled()).isFalse();

        HasValueUtilsKt._setValue(dialog.tokenStep.accessToken, SandboxControl.ALICE_TOKEN);
        assertThat(dialog.next.isEnabled()).isFalse();
        validateAndWait();

        assertThat(dialog.tokenStep.outcome.text())
                .isEqualTo("Valid. Apple shows 2 accounts for this token. Press Next.");
        assertThat(dialog.next.isEnabled()).isTrue();

        HasValueUtilsKt._setValue(dialog.tokenStep.accessToken, SandboxControl.ALICE_TOKEN + "x");
        assertThat(dialog.next.isEnabled()).isFalse();
        assertThat(dialog.tokenStep.outcome.isVisible()).isFalse();
    }

    @Test
    void a_paste_the_browser_cut_at_the_fields_maxlength_is_dropped_and_the_dialog_says_why() {
        assertThat(dialog.tokenStep.accessToken.getMaxLength()).isEqualTo(CredentialStep.MAX_TOKEN_CHARS);

        HasValueUtilsKt._setValue(dialog.tokenStep.accessToken, "x".repeat(CredentialStep.MAX_TOKEN_CHARS));

        assertThat(dialog.tokenStep.accessToken.getValue()).isEmpty();
        assertThat(dialog.tokenStep.outcome.text())
                .isEqualTo(CredentialStep.tooLong(CredentialStep.MAX_TOKEN_CHARS))
                .contains("at most 8,192 characters");
        assertThat(dialog.next.isEnabled()).isFalse();

        HasValueUtilsKt._setValue(dialog.tokenStep.accessToken, "x".repeat(CredentialStep.MAX_TOKEN_CHARS - 1));
        assertThat(dialog.tokenStep.accessToken.getValue())
                .as("a value under the limit is the service's to judge")
                .hasSize(CredentialStep.MAX_TOKEN_CHARS - 1);
    }

    @Test
    void each_bad_access_token_gets_its_own_message() {
        assertThat(messageFor("")).contains("Paste your access token first");
        assertThat(messageFor("x".repeat(5000))).contains("over 4 KB");
        assertThat(messageFor("my token, please")).contains("neither an access token nor an API token");
        assertThat(messageFor("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln")).contains("Choose \"API key\"");
        // Apple answers unknown, expired and revoked tokens alike: the message says so and what to do.
        for (String wellFormed : List.of(
                "00000000-0000-4000-8000-000000000000", SandboxControl.EXPIRED_TOKEN, SandboxControl.REVOKED_TOKEN)) {
            assertThat(messageFor(wellFormed))
                    .contains("Apple did not accept this access token")
                    .contains("expired")
                    .contains("revoked")
                    .contains("cannot tell which")
                    .contains("generate a new one");
        }
        assertThat(dialog.next.isEnabled()).isFalse();
    }

    @Test
    void a_token_cut_short_or_mistyped_is_told_it_was_probably_copied_wrong() {
        String cutShort = SandboxControl.ALICE_TOKEN.substring(0, 30);
        String mistyped = SandboxControl.ALICE_TOKEN.replace('-', 'x');
        for (String token : List.of(cutShort, mistyped)) {
            assertThat(messageFor(token))
                    .contains("not in the usual form of an access token")
                    .contains("mistyped or cut short")
                    .contains("Copy it again")
                    .doesNotContain("revoked");
        }
    }

    @Test
    void apple_rate_limiting_says_when_to_try_again() {
        sandbox.fault("HTTP_429", 5, 0);
        assertThat(messageFor(SandboxControl.ALICE_TOKEN)).containsIgnoringCase("try again");
        assertThat(dialog.next.isEnabled()).isFalse();
    }

    @Test
    void apple_failing_or_answering_nonsense_asks_to_try_again_and_a_retry_then_works() {
        sandbox.fault("HTTP_500", 10, 0);
        String unavailable = messageFor(SandboxControl.ALICE_TOKEN);
        sandbox.fault("GARBAGE", 10, 0);
        String garbage = messageFor(SandboxControl.ALICE_TOKEN);
        sandbox.clearFaults();

        assertThat(unavailable).containsIgnoringCase("try again");
        assertThat(garbage).containsIgnoringCase("try again").isNotEqualTo(unavailable);
        assertThat(messageFor(SandboxControl.ALICE_TOKEN)).startsWith("Valid.");
    }

    @Test
    void step_two_lists_the_accounts_with_vendor_numbers_and_apps_from_recent_sales() {
        goToStepTwo();

        awaitUntil("apps are loaded", () -> !dialog.accountStep.progress.isVisible());
        List<DiscoveredAccount> accounts =
                dialog.accountStep.accounts.getListDataView().getItems().toList();
        assertThat(accounts).extracting(DiscoveredAccount::name).containsExactly("Alice Martin", "Pixel Forge Studio");
        DiscoveredAccount pixelForge = accounts.get(1);
        assertThat(pixelForge.accountNumber()).isEqualTo("100001");
        assertThat(pixelForge.vendorNumbers()).containsExactly("85000001");
        assertThat(pixelForge.appsState()).isEqualTo(DiscoveredAccount.AppsState.LOADED);
        assertThat(pixelForge.apps()).isNotEmpty();
        assertThat(dialog.next.isEnabled()).isFalse();

        dialog.accountStep.accounts.select(pixelForge);
        assertThat(dialog.next.isEnabled()).isTrue();
    }

    @Test
    void finish_needs_the_confirmation_and_creates_a_pending_row_shown_at_once() {
        goToStepThree("Pixel Forge Studio");
        assertThat(_get(Span.class, spec -> spec.withId("service-apple-id")).getText())
                .isEqualTo(SandboxControl.SERVICE_APPLE_ID);
        assertThat(dialog.finish.isEnabled()).isFalse();

        HasValueUtilsKt._setValue(dialog.inviteStep.confirmed, true);
        ButtonKt._click(dialog.finish);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(shownRows()).singleElement().satisfies(row -> {
            assertThat(row.accountName()).isEqualTo("Pixel Forge Studio");
            assertThat(row.status()).isEqualTo(IntegrationStatus.PENDING);
            assertThat(row.appNames()).isNotEmpty();
        });
        assertThat(NotificationsKt.getNotifications())
                .anySatisfy(notification -> assertThat(notification.getElement().getProperty("text", "")
                                + notification.getElement().getText())
                        .contains("within seconds of the invitation being accepted"));
    }

    @Test
    void accounts_already_connected_are_shown_but_not_selectable() {
        goToStepThree("Pixel Forge Studio");
        HasValueUtilsKt._setValue(dialog.inviteStep.confirmed, true);
        ButtonKt._click(dialog.finish);

        ButtonKt._click(LocatorJ._get(Button.class, spec -> spec.withId("connect-app-store")));
        dialog = _get(ConnectAppStoreDialog.class);
        goToStepTwo();
        awaitUntil("apps are loaded", () -> !dialog.accountStep.progress.isVisible());

        var items = dialog.accountStep.accounts.getListDataView().getItems().toList();
        assertThat(items).hasSize(2);
        assertThat(dialog.accountStep.accounts.getItemEnabledProvider().test(items.get(1)))
                .isFalse();
        assertThat(dialog.accountStep.accounts.getItemEnabledProvider().test(items.get(0)))
                .isTrue();
        assertThat(AccountAvailability.PENDING_YOURS.explanation())
                .startsWith("You connected it already")
                .isNotEqualTo(AccountAvailability.ALREADY_CONNECTED.explanation());
    }

    @Test
    void a_second_tab_finishing_the_same_account_is_told_and_creates_nothing() {
        goToStepThree("Pixel Forge Studio");
        ConnectAppStoreDialog firstTab = dialog;
        ButtonKt._click(LocatorJ._get(Button.class, spec -> spec.withId("connect-app-store")));
        // A second dialog, as another tab would have, opened while the first still shows step 3.
        ConnectAppStoreDialog secondTab = LocatorJ._find(ConnectAppStoreDialog.class).stream()
                .filter(candidate -> candidate != firstTab)
                .findFirst()
                .orElseThrow();
        dialog = secondTab;
        goToStepThree("Pixel Forge Studio");

        HasValueUtilsKt._setValue(firstTab.inviteStep.confirmed, true);
        ButtonKt._click(firstTab.finish);
        HasValueUtilsKt._setValue(secondTab.inviteStep.confirmed, true);
        ButtonKt._click(secondTab.finish);

        assertThat(secondTab.isOpened()).isTrue();
        assertThat(secondTab.inviteStep.outcome.text()).contains("already connected");
        assertThat(secondTab.finish.isEnabled()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void cancel_at_any_step_creates_nothing_and_forgets_the_token() {
        HasValueUtilsKt._setValue(dialog.tokenStep.accessToken, SandboxControl.ALICE_TOKEN);
        ButtonKt._click(dialog.cancel);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(dialog.tokenStep.accessToken.getValue()).isEmpty();

        ButtonKt._click(LocatorJ._get(Button.class, spec -> spec.withId("connect-app-store")));
        dialog = _get(ConnectAppStoreDialog.class);
        goToStepTwo();
        ButtonKt._click(dialog.cancel);

        ButtonKt._click(LocatorJ._get(Button.class, spec -> spec.withId("connect-app-store")));
        dialog = _get(ConnectAppStoreDialog.class);
        goToStepThree("Pixel Forge Studio");
        HasValueUtilsKt._setValue(dialog.inviteStep.confirmed, true);
        dialog.close(); // Escape or the close button

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration", Integer.class))
                .isZero();
        assertThat(shownRows()).isEmpty();
    }

    @Test
    void back_returns_to_the_previous_step_keeping_the_validation() {
        goToStepTwo();
        ButtonKt._click(dialog.back);
        assertThat(dialog.stepLabel.getText()).isEqualTo("Step 1 of 3 · Access token");
        assertThat(dialog.next.isEnabled()).isTrue();
    }

    // --- API key ---

    @Test
    void an_admin_api_key_shows_its_team_and_can_send_the_invitation() {
        validateNorthwindsAdminKey();
        assertThat(dialog.tokenStep.outcome.text()).isEqualTo("Valid. Apple shows 1 account for this key. Press Next.");

        ButtonKt._click(dialog.next);
        DiscoveredAccount team = dialog.accountStep
                .accounts
                .getListDataView()
                .getItems()
                .findFirst()
                .orElseThrow();
        assertThat(team.apps()).hasSize(230);
        assertThat(dialog.accountStep.selected()).containsExactly(team);
        ButtonKt._click(dialog.next);
        assertThat(dialog.inviteStep.sendForMe.isVisible()).isTrue();

        ButtonKt._click(dialog.inviteStep.sendForMe);
        awaitUntil("the invitation is sent", () -> !dialog.inviteStep.progress.isVisible());

        assertThat(dialog.inviteStep.outcome.text())
                .contains("invited to every selected account")
                .contains("Press Finish");
        assertThat(dialog.inviteStep.confirmed.getValue())
                .as("nothing left for the customer to confirm")
                .isTrue();
        assertThat(dialog.finish.isEnabled()).isTrue();
        assertThat(invitedRoles("100003"))
                .as("Payments is wanted unless unticked: Sales and Finance")
                .containsExactly("SALES", "FINANCE");
    }

    @Test
    void without_payments_the_steps_and_the_invitation_ask_for_the_sales_role_alone_and_say_why() {
        validateNorthwindsAdminKey();
        ButtonKt._click(dialog.next);
        ButtonKt._click(dialog.next);
        assertThat(stepsText()).contains("Give it the Sales and Finance roles, then Invite.");
        assertThat(_get(dialog.inviteStep, Paragraph.class, spec -> spec.withId("why-roles"))
                        .getText())
                .contains("Finance: Apple's monthly Financial reports")
                .contains("Without Finance the rest works");

        HasValueUtilsKt._setValue(dialog.inviteStep.payments, false);
        assertThat(stepsText()).contains("Give it the Sales role, then Invite.");
        ButtonKt._click(dialog.inviteStep.sendForMe);
        awaitUntil("the invitation is sent", () -> !dialog.inviteStep.progress.isVisible());

        assertThat(invitedRoles("100003")).containsExactly("SALES");

        ButtonKt._click(dialog.finish);
        assertThat(dialog.isOpened()).isFalse();
        assertThat(jdbc.queryForList("SELECT data_wanted FROM integration", String.class))
                .as("the choice is kept, so a missing Finance role is not told as a problem")
                .containsExactly("SALES");
    }

    /** Step 1 with the Admin API key of Northwind Games' team (account 100003, vendor 85000003). */
    private void validateNorthwindsAdminKey() {
        var key = sandbox.apiKeyOf("100003");
        HasValueUtilsKt._setValue(dialog.tokenStep.kind, CredentialKind.API_KEY);
        HasValueUtilsKt._setValue(
                dialog.tokenStep.issuerId, key.path("issuerId").asText());
        HasValueUtilsKt._setValue(dialog.tokenStep.keyId, key.path("keyId").asText());
        HasValueUtilsKt._setValue(
                dialog.tokenStep.privateKey, key.path("privateKeyPem").asText());
        HasValueUtilsKt._setValue(dialog.tokenStep.vendorNumber, "85000003");
        validateAndWait();
    }

    private String stepsText() {
        return _get(dialog.inviteStep, OrderedList.class).getElement().getTextRecursively();
    }

    /** The roles of the sandbox's pending invitation of our service Apple ID in the account. */
    private List<String> invitedRoles(String accountNumber) {
        List<String> roles = new ArrayList<>();
        for (var account : sandbox.world().path("accounts")) {
            if (!account.path("number").asText().equals(accountNumber)) {
                continue;
            }
            for (var invitation : account.path("pendingInvitations")) {
                if (invitation.path("email").asText().equals(SandboxControl.SERVICE_APPLE_ID)) {
                    invitation.path("roles").forEach(role -> roles.add(role.asText()));
                }
            }
        }
        return roles;
    }

    @Test
    void each_step_links_to_the_app_store_connect_page_it_needs_in_a_new_tab() {
        assertThat(links(dialog.tokenStep)).containsExactly(AppStoreConnectLinks.REPORTS);
        HasValueUtilsKt._setValue(dialog.tokenStep.kind, CredentialKind.API_KEY);
        assertThat(links(dialog.tokenStep)).containsExactly(AppStoreConnectLinks.API_KEYS);
        HasValueUtilsKt._setValue(dialog.tokenStep.kind, CredentialKind.ACCESS_TOKEN);
        goToStepThree("Pixel Forge Studio");
        assertThat(links(dialog.inviteStep)).contains(AppStoreConnectLinks.USERS);
        assertThat(dialog.inviteStep.howToLink.getElement().getAttribute("target"))
                .isEqualTo("_blank");
        assertThat(dialog.inviteStep.howToLink.getElement().getAttribute("rel")).contains("noopener");
    }

    private static List<String> links(Component step) {
        return LocatorJ._find(step, Anchor.class).stream().map(Anchor::getHref).toList();
    }

    @Test
    void bad_api_keys_and_jwts_each_get_their_own_message() {
        HasValueUtilsKt._setValue(dialog.tokenStep.kind, CredentialKind.API_KEY);
        var key = sandbox.apiKeyOf("100004");
        HasValueUtilsKt._setValue(
                dialog.tokenStep.issuerId, key.path("issuerId").asText());
        HasValueUtilsKt._setValue(dialog.tokenStep.keyId, key.path("keyId").asText());
        HasValueUtilsKt._setValue(
                dialog.tokenStep.privateKey, key.path("privateKeyPem").asText());

        HasValueUtilsKt._setValue(dialog.tokenStep.vendorNumber, "not-a-number");
        validateAndWait();
        String badVendor = dialog.tokenStep.outcome.text();

        HasValueUtilsKt._setValue(dialog.tokenStep.vendorNumber, "85000001");
        validateAndWait();
        String otherTeamsVendor = dialog.tokenStep.outcome.text();

        HasValueUtilsKt._setValue(
                dialog.tokenStep.privateKey, "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----");
        HasValueUtilsKt._setValue(dialog.tokenStep.vendorNumber, "85000005");
        validateAndWait();
        String badKey = dialog.tokenStep.outcome.text();

        HasValueUtilsKt._setValue(dialog.tokenStep.pasteJwt, true);
        HasValueUtilsKt._setValue(dialog.tokenStep.jwt, "not.a-jwt");
        validateAndWait();
        String notAJwt = dialog.tokenStep.outcome.text();

        assertThat(badVendor).contains("vendor number");
        assertThat(otherTeamsVendor).contains("cannot read the sales reports of vendor 85000001");
        assertThat(badKey).isNotBlank();
        assertThat(notAJwt).isNotBlank();
        assertThat(List.of(badVendor, otherTeamsVendor, badKey, notAJwt)).doesNotHaveDuplicates();
        assertThat(dialog.next.isEnabled()).isFalse();
    }

    // --- helpers ---

    private String messageFor(String token) {
        HasValueUtilsKt._setValue(dialog.tokenStep.accessToken, token);
        validateAndWait();
        return dialog.tokenStep.outcome.text();
    }

    @Test
    void a_colleagues_account_needs_no_invitation_and_finish_approves_it_at_once() {
        SignIn.as(
                applicationContext,
                "bob",
                () -> connections.finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        // The burst after that Finish would check the sandbox, where our user is not a member: not this test's world.
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = 'membership-check-soon' AND picked = FALSE");
        VerifierSees.memberships(applicationContext, Instant.now(), Map.of("100001", "Pixel Forge Studio"));

        goToStepThree("Pixel Forge Studio");

        assertThat(dialog.inviteStep.noInvitationNeeded.isVisible()).isTrue();
        assertThat(dialog.inviteStep.confirmed.isVisible())
                .as("nothing to confirm")
                .isFalse();
        assertThat(dialog.finish.isEnabled()).isTrue();
        ButtonKt._click(dialog.finish);

        assertThat(shownRows())
                .singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo(IntegrationStatus.APPROVED));
    }

    private void validateAndWait() {
        ButtonKt._click(dialog.tokenStep.validate);
        awaitUntil("the check with Apple is done", () -> dialog.tokenStep.validate.isEnabled());
    }

    private void goToStepTwo() {
        HasValueUtilsKt._setValue(dialog.tokenStep.accessToken, SandboxControl.ALICE_TOKEN);
        validateAndWait();
        ButtonKt._click(dialog.next);
        assertThat(dialog.stepLabel.getText()).isEqualTo("Step 2 of 3 · Select account");
    }

    private void goToStepThree(String accountName) {
        goToStepTwo();
        awaitUntil("apps are loaded", () -> !dialog.accountStep.progress.isVisible());
        DiscoveredAccount account = dialog.accountStep
                .accounts
                .getListDataView()
                .getItems()
                .filter(candidate -> candidate.name().equals(accountName))
                .findFirst()
                .orElseThrow();
        dialog.accountStep.accounts.select(account);
        ButtonKt._click(dialog.next);
        assertThat(dialog.stepLabel.getText()).isEqualTo("Step 3 of 3 · Invite");
    }

    /** The rows the Data Integration grid shows, fetched as the grid fetches. */
    @SuppressWarnings("unchecked")
    private static List<IntegrationRow> shownRows() {
        return ((Grid<IntegrationRow>) LocatorJ._get(Grid.class, spec -> spec.withId("integrations-grid")))
                .getGenericDataView()
                .getItems()
                .toList();
    }
}
