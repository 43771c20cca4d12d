package com.storemetrics.myintegrations.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.storemetrics.DemoAccounts;
import com.storemetrics.KaribuTest;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.TestClock;
import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.IntegrationBroadcaster;
import com.storemetrics.integration.IntegrationChange;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.IntegrationsChanged;
import com.storemetrics.security.SignedInUser;
import com.storemetrics.verification.MembershipCheck;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The open Data Integration view follows the verifier through server push, without a reload. */
class LiveUpdatesTest extends KaribuTest {

    static final DiscoveredAccount PIXEL_FORGE = DemoAccounts.PIXEL_FORGE;

    @LocalServerPort
    int port;

    @Autowired
    ConnectionService connections;

    @Autowired
    MembershipCheck check;

    @Autowired
    IntegrationBroadcaster broadcaster;

    @Autowired
    UserDetailsService users;

    @Autowired
    TestClock clock;

    SandboxControl sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxControl(port);
    }

    @Test
    void a_fresh_invitation_turns_the_open_row_approved_within_the_burst() {
        login("alice");
        UI.getCurrent().navigate(DataIntegrationView.class);
        DataIntegrationView view = _get(DataIntegrationView.class);
        // Finish as the dialog does: this schedules the burst of early checks.
        connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN);
        awaitUntilOffTheTestThread(
                "the new row is pushed", () -> view.knownRows().size() == 1);
        assertThat(view.knownRows().get(0).status()).isEqualTo(IntegrationStatus.PENDING);

        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);

        awaitUntilOffTheTestThread(
                "the row is approved", () -> view.knownRows().get(0).status() == IntegrationStatus.APPROVED);
        assertThat(view.knownRows().get(0).lastCheckedAt()).isNotNull();
        assertThat(NotificationsKt.getNotifications())
                .anySatisfy(notification -> assertThat(notification.getElement().getProperty("text", ""))
                        .contains("Pixel Forge Studio is approved")
                        .contains("Store Metrics"));
    }

    @Test
    void removal_by_an_account_holder_removes_the_rows_of_both_colleagues_with_a_notice() {
        SignIn.as(
                applicationContext, "bob", () -> connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        long bobId = ((SignedInUser) users.loadUserByUsername("bob")).userId();
        List<IntegrationChange> bobsView = new CopyOnWriteArrayList<>();
        var bobListening = broadcaster.registerForCustomer(bobId, update -> {
            if (update.update() instanceof IntegrationsChanged changed) {
                bobsView.addAll(changed.changes());
            }
        });
        try {
            login("alice");
            connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN);
            sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
            onBackgroundThread(() -> check.run("test"));
            UI.getCurrent().navigate(DataIntegrationView.class);
            DataIntegrationView view = _get(DataIntegrationView.class);
            assertThat(view.rows()).extracting(IntegrationRow::status).containsExactly(IntegrationStatus.APPROVED);
            assertThat(view.knownRows()).hasSize(1);

            Instant approvedCheck = view.lastCheckedShown(view.knownRows().get(0));
            sandbox.removeUser(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
            clock.advance(Duration.ofSeconds(30));
            onBackgroundThread(() -> check.run("test"));
            awaitUntilOffTheTestThread(
                    "the first missing check is pushed",
                    () -> view.lastCheckedShown(view.knownRows().get(0)).isAfter(approvedCheck));
            assertThat(view.knownRows()).as("one missing check is not believed").hasSize(1);

            clock.advance(Duration.ofSeconds(30));
            onBackgroundThread(() -> check.run("test"));

            awaitUntilOffTheTestThread(
                    "alice's row disappears", () -> view.knownRows().isEmpty());
            awaitUntilOffTheTestThread(
                    "the notice is shown",
                    () -> !view.notices.getChildren().toList().isEmpty());
            assertThat(NotificationsKt.getNotifications())
                    .anySatisfy(
                            notification -> assertThat(notification.getElement().getProperty("text", ""))
                                    .contains("Pixel Forge Studio")
                                    .contains("Account Holder or Admin"));
            assertThat(bobsView)
                    .filteredOn(change -> change.row().status() == IntegrationStatus.REMOVED)
                    .singleElement()
                    .satisfies(change -> assertThat(change.notice()).contains("Pixel Forge Studio"));
        } finally {
            bobListening.remove();
        }
    }

    @Test
    void the_open_grid_drops_a_row_removed_for_everyone_when_the_push_runs_without_a_signed_in_user() {
        login("alice");
        connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN);
        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        onBackgroundThread(() -> check.run("test"));
        UI.getCurrent().navigate(DataIntegrationView.class);
        DataIntegrationView view = _get(DataIntegrationView.class);
        assertThat(view.rows()).extracting(IntegrationRow::status).containsExactly(IntegrationStatus.APPROVED);

        sandbox.removeUser(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        for (int check = 0; check < 2; check++) {
            clock.advance(Duration.ofSeconds(30));
            onBackgroundThread(() -> this.check.run("test"));
        }

        awaitUntilOffTheTestThread(
                "alice's row disappears and the notice shows",
                () -> view.knownRows().isEmpty() && view.notices.getChildren().count() == 1);
        assertThat(view.rows()).as("the grid agrees with the banner").isEmpty();
    }

    @Test
    void a_pushed_check_stamps_pending_and_approved_rows_but_not_expired_ones() {
        login("alice");
        connections.finish(List.of(DemoAccounts.ALICE_MARTIN), CredentialKind.ACCESS_TOKEN);
        clock.advance(Duration.ofDays(5));
        onBackgroundThread(() -> check.run("test"));
        connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN);
        UI.getCurrent().navigate(DataIntegrationView.class);
        DataIntegrationView view = _get(DataIntegrationView.class);
        assertThat(view.rows())
                .extracting(IntegrationRow::status)
                .containsExactlyInAnyOrder(IntegrationStatus.EXPIRED, IntegrationStatus.PENDING);
        Instant expiredStamp = view.lastCheckedShown(rowOf(view, IntegrationStatus.EXPIRED));

        clock.advance(Duration.ofMinutes(1));
        Instant checkedAfter = clock.instant();
        onBackgroundThread(() -> check.run("test"));

        awaitUntilOffTheTestThread("the Pending row shows the new check", () -> {
            Instant pendingStamp = view.lastCheckedShown(rowOf(view, IntegrationStatus.PENDING));
            return pendingStamp != null && !pendingStamp.isBefore(checkedAfter.minusSeconds(1));
        });
        assertThat(view.lastCheckedShown(rowOf(view, IntegrationStatus.EXPIRED)))
                .as("the verifier does not check Expired rows")
                .isEqualTo(expiredStamp);
    }

    private static IntegrationRow rowOf(DataIntegrationView view, IntegrationStatus status) {
        return view.knownRows().stream()
                .filter(row -> row.status() == status)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void a_closed_view_stops_listening() {
        login("alice");
        int before = broadcaster.listenerCount();
        UI.getCurrent().navigate(DataIntegrationView.class);
        assertThat(broadcaster.listenerCount()).isEqualTo(before + 1);

        UI.getCurrent().navigate("sandbox"); // any other view

        assertThat(broadcaster.listenerCount()).isEqualTo(before);
    }
}
