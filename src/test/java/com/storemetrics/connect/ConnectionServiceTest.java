package com.storemetrics.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.SignIn;
import com.storemetrics.SpringTest;
import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.account.DiscoveredAccount.AppsState;
import com.storemetrics.account.DiscoveredAccount.DiscoveredApp;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.IntegrationProgress;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.myintegrations.IntegrationService;
import com.storemetrics.verification.VerifierSees;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

class ConnectionServiceTest extends SpringTest {

    static final DiscoveredAccount PIXEL_FORGE = new DiscoveredAccount(
            "100001",
            "Pixel Forge Studio",
            List.of("85000001"),
            List.of(new DiscoveredApp("1400000001", "Forge Runner")),
            AppsState.LOADED);
    static final DiscoveredAccount ALICE_MARTIN =
            new DiscoveredAccount("100002", "Alice Martin", List.of("85000002"), List.of(), AppsState.NO_RECENT_SALES);

    @Autowired
    ConnectionService connections;

    @Autowired
    IntegrationService integrationService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    @WithUserDetails("alice")
    void finish_records_what_the_customer_asked_for_and_the_history_says_it() {
        connections.finishAndTell(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN, ServiceRoles.SALES_ONLY);
        connections.finishAndTell(List.of(ALICE_MARTIN), CredentialKind.ACCESS_TOKEN, ServiceRoles.SALES_AND_FINANCE);

        assertThat(jdbc.queryForList(
                        "SELECT a.name, i.data_wanted, e.reason FROM integration i JOIN store_account a ON a.id ="
                                + " i.account_id JOIN integration_event e ON e.integration_id = i.id ORDER BY a.name"))
                .extracting(row -> row.get("NAME") + " | " + row.get("DATA_WANTED") + " | " + row.get("REASON"))
                .containsExactly(
                        "Alice Martin | SALES_AND_PAYMENTS | Connected with an access token; the customer reported the"
                                + " invitation sent (1 account); asked for the Sales reports and payments: the Sales and"
                                + " Finance roles",
                        "Pixel Forge Studio | SALES | Connected with an access token; the customer reported the"
                                + " invitation sent (1 account); asked for the Sales reports only (no payments): the"
                                + " Sales role");
    }

    @Test
    @WithUserDetails("alice")
    void finish_creates_one_pending_integration_per_selected_account_and_writes_history() {
        List<Long> created = connections.finish(List.of(PIXEL_FORGE, ALICE_MARTIN), CredentialKind.ACCESS_TOKEN);

        assertThat(created).hasSize(2);
        List<IntegrationRow> mine = integrationService.myIntegrations();
        assertThat(mine)
                .extracting(IntegrationRow::accountName)
                .containsExactlyInAnyOrder("Pixel Forge Studio", "Alice Martin");
        assertThat(mine).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(IntegrationStatus.PENDING);
            assertThat(row.progress()).isEqualTo(IntegrationProgress.WAITING_FOR_INVITATION);
            assertThat(row.lastCheckedAt()).isNull();
        });
        assertThat(mine)
                .filteredOn(row -> row.accountNumber().equals("100001"))
                .singleElement()
                .satisfies(row -> assertThat(row.appNames()).containsExactly("Forge Runner"));
        List<Map<String, Object>> history = jdbc.queryForList(
                "SELECT from_status, to_status, reason, actor_kind, actor_name FROM integration_event");
        assertThat(history).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.get("FROM_STATUS")).isNull();
            assertThat(entry.get("TO_STATUS")).isEqualTo("PENDING");
            assertThat(entry.get("ACTOR_KIND")).isEqualTo("CUSTOMER");
            assertThat(entry.get("ACTOR_NAME")).isEqualTo("alice");
            assertThat((String) entry.get("REASON")).contains("access token").contains("2 accounts");
        });
    }

    @Test
    @WithUserDetails("alice")
    void finish_creates_nothing_when_one_selected_account_is_already_connected() {
        connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN);

        assertThatThrownBy(() -> connections.finish(List.of(ALICE_MARTIN, PIXEL_FORGE), CredentialKind.ACCESS_TOKEN))
                .isInstanceOf(AlreadyConnected.class)
                .hasMessageContaining("Pixel Forge Studio is already connected");

        assertThat(integrationService.myIntegrations())
                .extracting(IntegrationRow::accountName)
                .containsExactly("Pixel Forge Studio");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration_event", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @WithUserDetails("alice")
    void two_simultaneous_finishes_for_the_same_account_create_it_once() throws Exception {
        SecurityContext alice = SecurityContextHolder.getContext();
        CountDownLatch start = new CountDownLatch(1);
        Callable<String> finish = () -> {
            SecurityContextHolder.setContext(alice);
            start.await();
            try {
                connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN);
                return "created";
            } catch (AlreadyConnected duplicate) {
                return "duplicate";
            } finally {
                SecurityContextHolder.clearContext();
            }
        };
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>(List.of(pool.submit(finish), pool.submit(finish)));
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("created", "duplicate");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM integration", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM store_account", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @WithUserDetails("alice")
    void accounts_with_a_pending_or_approved_integration_are_already_connected_and_expired_ones_need_removal() {
        connections.finish(List.of(PIXEL_FORGE, ALICE_MARTIN), CredentialKind.ACCESS_TOKEN);
        jdbc.update("UPDATE integration SET status = 'EXPIRED' WHERE account_id = "
                + "(SELECT id FROM store_account WHERE account_number = '100002')");
        DiscoveredAccount unknown =
                new DiscoveredAccount("100009", "New Studio", List.of("85000009"), List.of(), AppsState.NOT_LOADED);

        Map<String, AccountAvailability> availability =
                connections.availability(List.of(PIXEL_FORGE, ALICE_MARTIN, unknown));

        assertThat(availability)
                .containsEntry("100001", AccountAvailability.PENDING_YOURS)
                .containsEntry("100002", AccountAvailability.EXPIRED_REMOVE_FIRST)
                .containsEntry("100009", AccountAvailability.AVAILABLE);
        assertThat(AccountAvailability.EXPIRED_REMOVE_FIRST.explanation())
                .isEqualTo("Remove the expired integration first");
    }

    @Test
    @WithUserDetails("bob")
    void a_colleagues_integration_of_the_same_account_leaves_it_selectable_and_is_not_shown() {
        jdbc.update(
                "INSERT INTO store_account (account_number, name, created_at, version) VALUES ('100001', 'Pixel Forge Studio', CURRENT_TIMESTAMP, 0)");
        jdbc.update(
                "INSERT INTO integration (customer_id, account_id, live_account_id, status, progress, credential_kind,"
                        + " connected_at, status_changed_at, version) SELECT u.id, a.id, a.id, 'APPROVED', 'DONE', 'ACCESS_TOKEN',"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0 FROM app_user u, store_account a WHERE u.username = 'alice'");

        assertThat(connections.availability(List.of(PIXEL_FORGE)))
                .containsEntry("100001", AccountAvailability.AVAILABLE);
        assertThat(integrationService.myIntegrations()).isEmpty();

        connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN);
        assertThat(integrationService.myIntegrations())
                .singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo(IntegrationStatus.PENDING));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM store_account", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @WithUserDetails("bob")
    void an_account_our_service_user_is_a_member_of_needs_no_invitation_and_finish_approves_it_at_once() {
        SignIn.as(context, "alice", () -> connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        // The burst after that Finish would check the sandbox, where our user is not a member: not this test's world.
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = 'membership-check-soon' AND picked = FALSE");
        VerifierSees.memberships(context, Instant.now(), Map.of("100001", "Pixel Forge Studio"));

        assertThat(connections.availability(List.of(PIXEL_FORGE)))
                .containsEntry("100001", AccountAvailability.MEMBER_ALREADY);
        assertThat(AccountAvailability.MEMBER_ALREADY.selectable()).isTrue();
        assertThat(AccountAvailability.MEMBER_ALREADY.needsInvitation()).isFalse();

        ConnectionService.Finished finished = connections.finishAndTell(
                List.of(PIXEL_FORGE, ALICE_MARTIN), CredentialKind.ACCESS_TOKEN, ServiceRoles.SALES_AND_FINANCE);

        assertThat(finished.approvedAtOnce())
                .as("what the page tells: approved at once")
                .containsExactly("Pixel Forge Studio");
        assertThat(finished.pending()).as("and Pending, never both").containsExactly("Alice Martin");
        assertThat(finished.ids()).hasSize(2);
        assertThat(integrationService.myIntegrations())
                .filteredOn(row -> row.accountName().equals("Pixel Forge Studio"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.status()).isEqualTo(IntegrationStatus.APPROVED);
                    assertThat(row.statusReason()).contains("already a member");
                });
        assertThat(jdbc.queryForList(
                        "SELECT to_status FROM integration_event e JOIN integration i ON i.id = e.integration_id"
                                + " JOIN app_user u ON u.id = i.customer_id WHERE u.username = 'bob'"
                                + " AND i.id = ? ORDER BY e.id",
                        String.class,
                        finished.ids().get(0)))
                .containsExactly("PENDING", "APPROVED");
    }

    @Test
    @WithUserDetails("alice")
    void a_membership_recorded_before_nobody_watched_the_account_is_not_believed_and_the_invitation_is_asked_for() {
        connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN);
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = 'membership-check-soon' AND picked = FALSE");
        VerifierSees.memberships(context, Instant.now(), Map.of("100001", "Pixel Forge Studio"));
        IntegrationRow approved = integrationService.myIntegrations().get(0);
        assertThat(approved.status()).isEqualTo(IntegrationStatus.APPROVED);
        // Removed: no integration keeps the verifier watching Pixel Forge, so our user may leave it unseen.
        integrationService.remove(approved.id());

        assertThat(connections.availability(List.of(PIXEL_FORGE)))
                .containsEntry("100001", AccountAvailability.AVAILABLE);
        connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN);

        assertThat(integrationService.myIntegrations())
                .singleElement()
                .satisfies(row -> assertThat(row.status()).isEqualTo(IntegrationStatus.PENDING));
    }

    @Test
    @WithUserDetails("alice")
    void an_account_first_connected_with_an_api_key_is_the_same_account_when_seen_by_number() {
        DiscoveredAccount byVendor = new DiscoveredAccount(
                null, "Vendor 85000005", List.of("85000005"), List.of(), AppsState.NO_RECENT_SALES);
        connections.finish(List.of(byVendor), CredentialKind.API_KEY);
        DiscoveredAccount byNumber =
                new DiscoveredAccount("100004", "Bluebird Labs", List.of("85000005"), List.of(), AppsState.NOT_LOADED);

        assertThat(connections.availability(List.of(byNumber)))
                .containsEntry("100004", AccountAvailability.PENDING_YOURS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM store_account", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @WithUserDetails("carol")
    void support_staff_cannot_connect_accounts() {
        assertThatThrownBy(() -> connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> connections.checkAccessToken("a11ce000-0000-4000-8000-000000000002"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> integrationService.myIntegrations()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("alice")
    void input_that_is_not_a_token_is_refused_before_asking_apple() {
        assertThatThrownBy(() -> connections.checkAccessToken("  "))
                .isInstanceOfSatisfying(
                        CredentialRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(CredentialRejected.Reason.EMPTY));
        assertThatThrownBy(() -> connections.checkAccessToken("x".repeat(5000)))
                .isInstanceOfSatisfying(
                        CredentialRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(CredentialRejected.Reason.TOO_LONG));
        assertThatThrownBy(() -> connections.checkAccessToken("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln"))
                .isInstanceOfSatisfying(
                        CredentialRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(CredentialRejected.Reason.WRONG_KIND));
        assertThatThrownBy(() -> connections.checkAccessToken("<img src=x onerror=alert(1)>"))
                .isInstanceOfSatisfying(
                        CredentialRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(CredentialRejected.Reason.UNRECOGNISED));
        assertThatThrownBy(() -> connections.checkApiJwt("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln", "VENDOR"))
                .isInstanceOfSatisfying(
                        CredentialRejected.class,
                        rejected -> assertThat(rejected.reason())
                                .isEqualTo(CredentialRejected.Reason.INVALID_VENDOR_NUMBER));
    }
}
