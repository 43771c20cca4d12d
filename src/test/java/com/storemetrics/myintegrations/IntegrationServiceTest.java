package com.storemetrics.myintegrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.storemetrics.DemoAccounts;
import com.storemetrics.SignIn;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.account.DiscoveredAccount.AppsState;
import com.storemetrics.account.DiscoveredAccount.DiscoveredApp;
import com.storemetrics.base.live.Numbered;
import com.storemetrics.connect.AccountAvailability;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.HistoryEntry;
import com.storemetrics.integration.IntegrationBroadcaster;
import com.storemetrics.integration.IntegrationNotFound;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.IntegrationUpdate;
import com.storemetrics.integration.Notice;
import com.storemetrics.integration.NoticesPosted;
import com.storemetrics.verification.VerifierSees;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The customer's side of integrations, and that no customer ever reaches another's. */
class IntegrationServiceTest extends SpringTest {

    static final DiscoveredAccount PIXEL_FORGE = new DiscoveredAccount(
            "100001",
            "Pixel Forge Studio",
            List.of("85000001"),
            List.of(new DiscoveredApp("1400000001", "Forge Runner")),
            AppsState.LOADED);
    static final DiscoveredAccount ALICE_MARTIN = DemoAccounts.ALICE_MARTIN;
    static final DiscoveredAccount NORTHWIND = new DiscoveredAccount(
            "100003",
            "Northwind Games",
            List.of("85000004", "85000003"),
            List.of(new DiscoveredApp("1", "Zeta"), new DiscoveredApp("2", "Alpha"), new DiscoveredApp("3", "Mu")),
            AppsState.LOADED);

    @Autowired
    IntegrationService service;

    @Autowired
    ConnectionService connections;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    long alicePixelForge;
    long bobPixelForge;

    @BeforeEach
    void aliceAndBobConnectPixelForge() {
        alicePixelForge = as("alice", () -> connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN))
                .get(0);
        bobPixelForge = as("bob", () -> connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN))
                .get(0);
    }

    @Test
    void removing_an_integration_removes_only_the_callers_row_and_records_it() {
        IntegrationRow removed = as("alice", () -> service.remove(alicePixelForge));

        assertThat(removed.status()).isEqualTo(IntegrationStatus.REMOVED);
        assertThat(as("alice", () -> service.myIntegrations())).isEmpty();
        assertThat(as("bob", () -> service.myIntegrations()))
                .extracting(IntegrationRow::id)
                .containsExactly(bobPixelForge);
        assertThat(jdbc.queryForMap(
                        "SELECT from_status, to_status, actor_name, reason FROM integration_event"
                                + " WHERE integration_id = ? AND to_status = 'REMOVED'",
                        alicePixelForge))
                .containsEntry("FROM_STATUS", "PENDING")
                .containsEntry("ACTOR_NAME", "alice")
                .containsEntry("REASON", "Removed by the customer");
    }

    @Test
    void a_customer_cannot_see_open_or_remove_a_colleagues_integration() {
        assertThatThrownBy(() -> as("alice", () -> service.details(bobPixelForge)))
                .isInstanceOf(IntegrationNotFound.class);
        assertThatThrownBy(() -> as("alice", () -> service.remove(bobPixelForge)))
                .isInstanceOf(IntegrationNotFound.class);
        assertThatThrownBy(() -> as("alice", () -> service.details(987654321L)))
                .isInstanceOf(IntegrationNotFound.class)
                .hasMessage(new IntegrationNotFound().getMessage());
        assertThat(as("alice", () -> service.myIntegrations()))
                .extracting(IntegrationRow::id)
                .containsExactly(alicePixelForge);
        assertThat(jdbc.queryForObject("SELECT status FROM integration WHERE id = ?", String.class, bobPixelForge))
                .isEqualTo("PENDING");
    }

    @Test
    void a_removed_integration_cannot_be_removed_or_opened_again() {
        as("alice", () -> service.remove(alicePixelForge));

        assertThatThrownBy(() -> as("alice", () -> service.remove(alicePixelForge)))
                .isInstanceOf(IntegrationNotFound.class);
        assertThatThrownBy(() -> as("alice", () -> service.details(alicePixelForge)))
                .isInstanceOf(IntegrationNotFound.class);
    }

    @Test
    void details_show_who_connected_it_and_the_full_history() {
        VerifierSees.memberships(context, Instant.now(), Map.of("100001", "Pixel Forge Studio"));

        IntegrationDetails details = as("alice", () -> service.details(alicePixelForge));

        assertThat(details.connectedBy()).isEqualTo("alice");
        assertThat(details.row().status()).isEqualTo(IntegrationStatus.APPROVED);
        assertThat(details.history())
                .extracting(
                        HistoryEntry::from,
                        HistoryEntry::to,
                        entry -> entry.actor().label())
                .containsExactly(
                        Tuple.tuple(null, IntegrationStatus.PENDING, "Customer alice"),
                        Tuple.tuple(IntegrationStatus.PENDING, IntegrationStatus.APPROVED, "Storemetrics verifier"));
    }

    @Test
    void after_removing_an_expired_integration_the_account_can_be_connected_again() {
        jdbc.update("UPDATE integration SET status = 'EXPIRED' WHERE id = ?", alicePixelForge);
        assertThat(as("alice", () -> connections.availability(List.of(PIXEL_FORGE))))
                .containsEntry("100001", AccountAvailability.EXPIRED_REMOVE_FIRST);

        as("alice", () -> service.remove(alicePixelForge));

        assertThat(as("alice", () -> connections.availability(List.of(PIXEL_FORGE))))
                .containsEntry("100001", AccountAvailability.AVAILABLE);
        List<Long> again = as("alice", () -> connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        assertThat(again.get(0)).isNotEqualTo(alicePixelForge);
    }

    @Test
    void the_grid_pages_sorts_by_every_column_and_filters_by_status() {
        as("alice", () -> connections.finish(List.of(ALICE_MARTIN, NORTHWIND), CredentialKind.ACCESS_TOKEN));
        jdbc.update("UPDATE integration SET status = 'APPROVED' WHERE account_id ="
                + " (SELECT id FROM store_account WHERE account_number = '100003')");
        // The verifier looked at every live row now; Alice Martin's was connected after that: "Not yet", last.
        jdbc.update("UPDATE integration_check SET checked_at = CURRENT_TIMESTAMP");
        jdbc.update(
                "UPDATE integration SET connected_at = ? WHERE account_id ="
                        + " (SELECT id FROM store_account WHERE account_number = '100002')",
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(1));

        assertThat(names(List.of("account"))).containsExactly("Alice Martin", "Northwind Games", "Pixel Forge Studio");
        assertThat(names(List.of("-account"))).containsExactly("Pixel Forge Studio", "Northwind Games", "Alice Martin");
        assertThat(names(List.of("vendor"))).containsExactly("Pixel Forge Studio", "Alice Martin", "Northwind Games");
        assertThat(names(List.of("-apps", "account")))
                .containsExactly("Northwind Games", "Pixel Forge Studio", "Alice Martin");
        assertThat(names(List.of("status", "account")))
                .containsExactly("Northwind Games", "Alice Martin", "Pixel Forge Studio");
        assertThat(names(List.of("-checked", "account")).get(0)).isEqualTo("Northwind Games");
        assertThat(names(List.of("connected")).get(0)).isEqualTo("Pixel Forge Studio");
        assertThat(names(List.of("-connected")).get(2)).isEqualTo("Pixel Forge Studio");
        assertThat(as(
                        "alice",
                        () -> service.findMine(new IntegrationFilter(IntegrationStatus.APPROVED), 0, 50, List.of())))
                .extracting(IntegrationRow::accountName)
                .containsExactly("Northwind Games");
        assertThat(as("alice", () -> service.countMine(new IntegrationFilter(IntegrationStatus.PENDING))))
                .isEqualTo(2);
        assertThat(as("alice", () -> service.countMine(IntegrationFilter.ALL))).isEqualTo(3);
        // Each row with its account's vendor numbers in order and its apps by name.
        assertThat(as("alice", () -> service.findMine(IntegrationFilter.ALL, 0, 50, List.of("account"))))
                .satisfiesExactly(
                        aliceMartin -> assertThat(aliceMartin.appNames()).isEmpty(),
                        northwind -> {
                            assertThat(northwind.vendorNumbers()).containsExactly("85000003", "85000004");
                            assertThat(northwind.appNames()).containsExactly("Alpha", "Mu", "Zeta");
                        },
                        pixelForge -> assertThat(pixelForge.vendorNumbers()).containsExactly("85000001"));
        assertThatThrownBy(() -> as("alice", () -> service.countMine(new IntegrationFilter(IntegrationStatus.REMOVED))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(as("alice", () -> service.findMine(IntegrationFilter.ALL, 1, 1, List.of("account"))))
                .extracting(IntegrationRow::accountName)
                .containsExactly("Northwind Games");
        assertThat(as("alice", () -> service.findMine(IntegrationFilter.ALL, 2, 2, List.of("account"))))
                .extracting(IntegrationRow::accountName)
                .containsExactly("Pixel Forge Studio");
        assertThatThrownBy(() -> as("alice", () -> service.findMine(IntegrationFilter.ALL, 0, 10, List.of("password"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_removal_by_the_verifier_leaves_a_notice_for_each_customer_until_dismissed() {
        Instant now = Instant.now();
        VerifierSees.memberships(context, now, Map.of("100001", "Pixel Forge Studio"));
        long alice = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'alice'", Long.class);
        long bob = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'bob'", Long.class);
        List<NoticesPosted> live = new CopyOnWriteArrayList<>();
        Consumer<Numbered<IntegrationUpdate>> openPage = update -> {
            if (update.update() instanceof NoticesPosted posted) {
                live.add(posted);
            }
        };
        IntegrationBroadcaster broadcaster = context.getBean(IntegrationBroadcaster.class);
        Registration alicesPage = broadcaster.registerForCustomer(alice, openPage);
        Registration bobsPage = broadcaster.registerForCustomer(bob, openPage);
        try {
            VerifierSees.memberships(context, now.plusSeconds(30), Map.of());
            VerifierSees.memberships(context, now.plusSeconds(60), Map.of());
        } finally {
            alicesPage.remove();
            bobsPage.remove();
        }

        List<Notice> alices = as("alice", () -> service.openNotices());
        List<Notice> bobs = as("bob", () -> service.openNotices());
        assertThat(live)
                .as("open pages hear each customer's own stored notice, with its id (one batch wrote both)")
                .extracting(NoticesPosted::customerId, NoticesPosted::notices)
                .containsExactlyInAnyOrder(tuple(alice, alices), tuple(bob, bobs));
        assertThat(alices)
                .singleElement()
                .satisfies(notice -> assertThat(notice.message())
                        .contains("Pixel Forge Studio")
                        .contains("Account Holder or Admin"));
        assertThat(bobs).hasSize(1);

        as("alice", () -> {
            service.dismissNotice(bobs.get(0).id()); // not hers: nothing happens
            service.dismissNotice(alices.get(0).id());
            return null;
        });
        assertThat(as("alice", () -> service.openNotices())).isEmpty();
        assertThat(as("bob", () -> service.openNotices())).hasSize(1);
    }

    @Test
    void check_again_is_granted_once_per_30_seconds_per_customer_and_again_after() {
        try {
            CheckAgain first = as("alice", () -> service.checkAgain(alicePixelForge));
            CheckAgain second = as("alice", () -> service.checkAgain(alicePixelForge));
            CheckAgain bobs = as("bob", () -> service.checkAgain(bobPixelForge));

            assertThat(first.asked()).isTrue();
            assertThat(second.asked()).isFalse();
            assertThat(second.retryIn()).isPositive().isLessThanOrEqualTo(CheckAgain.MIN_GAP);
            assertThat(bobs.asked())
                    .as("another customer has a limit of his own")
                    .isTrue();

            clock.advance(CheckAgain.MIN_GAP.plusSeconds(1));
            assertThat(as("alice", () -> service.checkAgain(alicePixelForge)).asked())
                    .isTrue();
        } finally {
            clock.reset();
            jdbc.update("DELETE FROM attempt_counter WHERE counter_id LIKE '" + CheckAgain.SCOPE + ":%'");
        }
    }

    private List<String> names(List<String> sort) {
        return as("alice", () -> service.findMine(IntegrationFilter.ALL, 0, 50, sort)).stream()
                .map(IntegrationRow::accountName)
                .toList();
    }

    private <T> T as(String user, Supplier<T> work) {
        return SignIn.as(context, user, work);
    }
}
