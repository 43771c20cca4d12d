package com.storemetrics.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.DemoAccounts;
import com.storemetrics.SignIn;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.base.live.Numbered;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.IntegrationBroadcaster;
import com.storemetrics.integration.IntegrationChange;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.IntegrationUpdate;
import com.storemetrics.integration.IntegrationsChanged;
import com.storemetrics.myintegrations.IntegrationService;
import com.vaadin.flow.shared.Registration;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

class MembershipReconcilerTest extends SpringTest {

    static final Duration LIFETIME = Duration.ofDays(4);
    static final DiscoveredAccount PIXEL_FORGE = DemoAccounts.PIXEL_FORGE;

    @Autowired
    MembershipReconciler reconciler;

    @Autowired
    ConnectionService connections;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IntegrationBroadcaster broadcaster;

    @Autowired
    TestClock clock;

    /** What open support views would receive, after commit. */
    final Recorded recorded = new Recorded();

    private Registration listening;

    @BeforeEach
    void bothColleaguesConnectPixelForge() {
        listening = broadcaster.registerForAll(recorded);
        SignIn.as(context, "alice", () -> connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        SignIn.as(context, "bob", () -> connections.finish(List.of(PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        recorded.changes.clear();
    }

    @AfterEach
    void cleanUp() {
        listening.remove();
    }

    @Test
    void membership_seen_approves_every_customers_pending_integration_of_the_account() {
        ReconcileOutcome outcome = reconciler.reconcile(observe(Instant.now(), true));

        assertThat(outcome.approved()).isEqualTo(2);
        assertThat(statuses()).containsOnly("APPROVED");
        assertThat(jdbc.queryForList("SELECT actor_kind, reason FROM integration_event WHERE to_status = 'APPROVED'"))
                .hasSize(2)
                .allSatisfy(row -> {
                    assertThat(row.get("ACTOR_KIND")).isEqualTo("VERIFIER");
                    assertThat((String) row.get("REASON")).contains("invitation was accepted");
                });
        assertThat(recorded.changes).hasSize(2).allSatisfy(change -> {
            assertThat(change.row().status()).isEqualTo(IntegrationStatus.APPROVED);
            assertThat(change.row().lastCheckedAt()).isNotNull();
        });
    }

    @Test
    void one_check_without_the_membership_is_not_believed() {
        Instant now = Instant.now();
        reconciler.reconcile(observe(now, true));

        ReconcileOutcome outcome = reconciler.reconcile(observe(now.plusSeconds(30), false));

        assertThat(outcome.removed()).isZero();
        assertThat(statuses()).containsOnly("APPROVED");
        assertThat(jdbc.queryForObject("SELECT membership FROM store_account", String.class))
                .isEqualTo("MISSING");
    }

    @Test
    void two_consecutive_checks_without_the_membership_remove_it_for_everyone_with_a_notice() {
        Instant now = Instant.now();
        reconciler.reconcile(observe(now, true));
        reconciler.reconcile(observe(now.plusSeconds(30), false));
        recorded.changes.clear();

        ReconcileOutcome outcome = reconciler.reconcile(observe(now.plusSeconds(60), false));

        assertThat(outcome.removed()).isEqualTo(2);
        assertThat(statuses()).containsOnly("REMOVED");
        assertThat(recorded.changes).hasSize(2).allSatisfy(change -> {
            assertThat(change.row().status()).isEqualTo(IntegrationStatus.REMOVED);
            assertThat(change.notice()).contains("Pixel Forge Studio").contains("Account Holder or Admin");
        });
        assertThat(jdbc.queryForList("SELECT reason FROM integration_event WHERE to_status = 'REMOVED'", String.class))
                .hasSize(2)
                .allSatisfy(reason -> assertThat(reason).contains("Account Holder or Admin"));
    }

    @Test
    void a_membership_that_comes_back_between_checks_resets_the_count() {
        Instant now = Instant.now();
        reconciler.reconcile(observe(now, true));
        reconciler.reconcile(observe(now.plusSeconds(30), false));
        reconciler.reconcile(observe(now.plusSeconds(60), true));

        reconciler.reconcile(observe(now.plusSeconds(90), false));

        assertThat(statuses()).containsOnly("APPROVED");
    }

    @Test
    void an_observation_older_than_the_last_check_is_not_counted_twice() {
        Instant now = Instant.now();
        reconciler.reconcile(observe(now, true));
        reconciler.reconcile(observe(now.plusSeconds(30), false));

        reconciler.reconcile(observe(now.plusSeconds(30), false));

        assertThat(statuses()).containsOnly("APPROVED");
    }

    @Test
    void an_account_never_seen_is_not_lost_however_often_it_is_missing() {
        Instant now = Instant.now();
        for (int cycle = 0; cycle < 3; cycle++) {
            reconciler.reconcile(observe(now.plusSeconds(30L * cycle), false));
        }
        assertThat(statuses()).containsOnly("PENDING");
    }

    @Test
    void pending_integrations_expire_after_the_invitation_lifetime_plus_grace() {
        Instant connected = jdbc.queryForObject("SELECT MIN(connected_at) FROM integration", Timestamp.class)
                .toInstant();

        reconciler.reconcile(observe(connected.plus(LIFETIME).minusSeconds(60), false));
        assertThat(statuses()).containsOnly("PENDING");

        reconciler.reconcile(observe(connected.plus(LIFETIME).plusSeconds(60), false));
        assertThat(statuses()).containsOnly("EXPIRED");
        assertThat(jdbc.queryForList("SELECT status_reason FROM integration", String.class))
                .allSatisfy(reason -> assertThat(reason).contains("not accepted in time"));
    }

    @Test
    void pending_rows_show_the_invitation_received_and_accepted() {
        reconciler.reconcile(
                new MembershipObservation(Instant.now(), Map.of(), Map.of(), Set.of("100001"), Set.of(), LIFETIME));
        assertThat(jdbc.queryForList("SELECT DISTINCT progress FROM integration", String.class))
                .containsExactly("INVITATION_RECEIVED");

        reconciler.reconcile(new MembershipObservation(
                Instant.now(), Map.of(), Map.of(), Set.of("100001"), Set.of("100001"), LIFETIME));
        assertThat(jdbc.queryForList("SELECT DISTINCT progress FROM integration", String.class))
                .containsExactly("ACCEPTED");
    }

    @Test
    void an_account_known_by_vendor_number_is_identified_and_approved() {
        DiscoveredAccount byVendor = new DiscoveredAccount(
                null, "Vendor 85000005", List.of("85000005"), List.of(), DiscoveredAccount.AppsState.NO_RECENT_SALES);
        SignIn.as(context, "alice", () -> connections.finish(List.of(byVendor), CredentialKind.API_KEY));
        Long accountId = jdbc.queryForObject(
                "SELECT account_id FROM store_account_vendor WHERE vendor_number = '85000005'", Long.class);

        reconciler.reconcile(new MembershipObservation(
                Instant.now(),
                Map.of("100004", "Bluebird Labs"),
                Map.of(accountId, "100004"),
                Set.of(),
                Set.of(),
                LIFETIME));

        assertThat(jdbc.queryForMap("SELECT account_number, name FROM store_account WHERE id = ?", accountId))
                .containsEntry("ACCOUNT_NUMBER", "100004")
                .containsEntry("NAME", "Bluebird Labs");
        assertThat(jdbc.queryForObject("SELECT status FROM integration WHERE account_id = ?", String.class, accountId))
                .isEqualTo("APPROVED");
    }

    @Test
    void a_check_that_sees_nothing_new_writes_no_account_or_integration_row() {
        Instant first = Instant.now().truncatedTo(ChronoUnit.MICROS);
        reconciler.reconcile(observe(first, true));
        List<Map<String, Object>> accountsBefore = jdbc.queryForList("SELECT * FROM store_account ORDER BY id");
        List<Map<String, Object>> integrationsBefore = jdbc.queryForList("SELECT * FROM integration ORDER BY id");

        reconciler.reconcile(observe(first.plusSeconds(30), true));

        assertThat(jdbc.queryForList("SELECT * FROM store_account ORDER BY id")).isEqualTo(accountsBefore);
        assertThat(jdbc.queryForList("SELECT * FROM integration ORDER BY id")).isEqualTo(integrationsBefore);
        assertThat(jdbc.queryForObject("SELECT checked_at FROM integration_check", Timestamp.class)
                        .toInstant())
                .isEqualTo(first.plusSeconds(30));
    }

    @Test
    void live_rows_show_the_last_check_and_a_row_connected_after_it_shows_not_yet() {
        Instant check = Instant.now().truncatedTo(ChronoUnit.MICROS);
        reconciler.reconcile(observe(check, true));
        reconciler.reconcile(observe(check.plusSeconds(30), true));
        clock.advance(Duration.ofMinutes(1));
        SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(DemoAccounts.ALICE_MARTIN), CredentialKind.ACCESS_TOKEN));

        List<IntegrationRow> rows = SignIn.as(
                context,
                "alice",
                () -> context.getBean(IntegrationService.class).myIntegrations());

        assertThat(rows)
                .filteredOn(row -> row.accountName().equals("Pixel Forge Studio"))
                .singleElement()
                .satisfies(row -> assertThat(row.lastCheckedAt()).isEqualTo(check.plusSeconds(30)));
        assertThat(rows)
                .filteredOn(row -> row.accountName().equals("Alice Martin"))
                .singleElement()
                .satisfies(row -> assertThat(row.lastCheckedAt())
                        .as("connected after the last check")
                        .isNull());
    }

    @Test
    void an_expired_row_keeps_the_time_of_the_check_that_expired_it() {
        Instant connected = jdbc.queryForObject("SELECT MIN(connected_at) FROM integration", Timestamp.class)
                .toInstant();
        Instant expiry = connected.plus(LIFETIME).plusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        reconciler.reconcile(observe(expiry, false));

        reconciler.reconcile(observe(expiry.plusSeconds(30), false));

        List<IntegrationRow> rows = SignIn.as(
                context,
                "alice",
                () -> context.getBean(IntegrationService.class).myIntegrations());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.status()).isEqualTo(IntegrationStatus.EXPIRED);
            assertThat(row.lastCheckedAt()).isEqualTo(expiry);
        });
    }

    private static MembershipObservation observe(Instant at, boolean memberOfPixelForge) {
        return new MembershipObservation(
                at,
                memberOfPixelForge ? Map.of("100001", "Pixel Forge Studio") : Map.of(),
                Map.of(),
                Set.of(),
                Set.of(),
                LIFETIME);
    }

    private List<String> statuses() {
        return jdbc.queryForList(
                "SELECT status FROM integration WHERE account_id = "
                        + "(SELECT id FROM store_account WHERE account_number = '100001')",
                String.class);
    }

    static class Recorded implements Consumer<Numbered<IntegrationUpdate>> {
        final List<IntegrationChange> changes = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void accept(Numbered<IntegrationUpdate> update) {
            if (update.update() instanceof IntegrationsChanged changed) {
                changes.addAll(changed.changes());
            }
        }
    }
}
