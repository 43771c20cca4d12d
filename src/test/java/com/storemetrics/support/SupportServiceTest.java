package com.storemetrics.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.SpringTest;
import com.storemetrics.account.Membership;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.Actor;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.HistoryEntry;
import com.storemetrics.integration.IntegrationProgress;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.verification.MembershipCheck;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** The support console's service: filters, paging, details, audit, health and re-check, for SUPPORT only. */
class SupportServiceTest extends SpringTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SupportService support;

    @Autowired
    ConnectionService connections;

    @Autowired
    MembershipCheck check;

    SandboxControl sandbox;
    long alice;
    long bob;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxControl(port);
        alice = SupportTestData.userId(jdbc, "alice");
        bob = SupportTestData.userId(jdbc, "bob");
    }

    @Test
    void filters_by_status_customer_and_account_name_account_number_or_vendor_number() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long pixel = SupportTestData.account(jdbc, "900001", "Pixel Forge Studio", "86000001");
        long tiny = SupportTestData.account(jdbc, "900002", "Tiny_Games 100%", "86000002");
        long alicePixel = SupportTestData.integration(jdbc, alice, pixel, IntegrationStatus.PENDING, null, now);
        long bobPixel = SupportTestData.integration(
                jdbc, bob, pixel, IntegrationStatus.APPROVED, "approved", now.minusSeconds(60));
        long aliceTiny = SupportTestData.integration(
                jdbc, alice, tiny, IntegrationStatus.REMOVED, "removed", now.minusSeconds(120));

        assertThat(ids(IntegrationSearchFilter.none())).containsExactly(alicePixel, bobPixel, aliceTiny);
        assertThat(ids(IntegrationSearchFilter.none().withStatus(IntegrationStatus.PENDING)))
                .containsExactly(alicePixel);
        assertThat(ids(IntegrationSearchFilter.none().withStatus(IntegrationStatus.REMOVED)))
                .containsExactly(aliceTiny);
        assertThat(ids(IntegrationSearchFilter.none().withCustomer("ALICE"))).containsExactly(alicePixel, aliceTiny);
        assertThat(ids(IntegrationSearchFilter.none().withCustomer("chen")))
                .as("by display name")
                .containsExactly(bobPixel);
        assertThat(ids(IntegrationSearchFilter.none().withAccount("pixel forge")))
                .containsExactly(alicePixel, bobPixel);
        assertThat(ids(IntegrationSearchFilter.none().withAccount(" 900002 ")))
                .as("by account number")
                .containsExactly(aliceTiny);
        assertThat(ids(IntegrationSearchFilter.none().withAccount("86000001")))
                .as("by vendor number")
                .containsExactly(alicePixel, bobPixel);
        assertThat(ids(IntegrationSearchFilter.none().withAccount("_games 100%")))
                .as("wildcards taken literally")
                .containsExactly(aliceTiny);
        assertThat(ids(IntegrationSearchFilter.none().withAccount("9000")))
                .as("numbers match whole")
                .isEmpty();
        assertThat(ids(new IntegrationSearchFilter(IntegrationStatus.APPROVED, "bob", "pixel")))
                .containsExactly(bobPixel);
        assertThat(asCarol(() -> support.countIntegrations(new IntegrationSearchFilter(null, "alice", "pixel"))))
                .isEqualTo(1);

        IntegrationOverview row = asCarol(() ->
                        support.integrations(IntegrationSearchFilter.none().withCustomer("bob"), PageRequest.of(0, 10)))
                .get(0);
        assertThat(row)
                .isEqualTo(new IntegrationOverview(
                        bobPixel,
                        bob,
                        "bob",
                        "Bob Chen (Pixel Forge)",
                        pixel,
                        "Pixel Forge Studio",
                        "900001",
                        IntegrationStatus.APPROVED,
                        "approved",
                        IntegrationProgress.DONE,
                        now.minusSeconds(60).minus(Duration.ofDays(1)),
                        now.minusSeconds(60),
                        now.plusSeconds(60)));
    }

    @Test
    void pages_through_hundreds_of_rows_in_the_database_newest_change_first_without_gaps() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<SupportTestData.Row> rows = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            long account = SupportTestData.account(jdbc, "91" + String.format("%04d", i), "Bulk account " + i, null);
            IntegrationStatus status = IntegrationStatus.values()[i % 4];
            // Every second pair shares a time stamp: the id must break the tie.
            rows.add(new SupportTestData.Row(alice, account, status, null, start.plusSeconds(i / 2 * 2)));
            rows.add(new SupportTestData.Row(bob, account, IntegrationStatus.APPROVED, null, start.plusSeconds(i)));
        }
        List<Long> inserted = SupportTestData.integrations(jdbc, rows);

        assertThat(asCarol(() -> support.countIntegrations(IntegrationSearchFilter.none())))
                .isEqualTo(320);
        List<IntegrationOverview> all = new ArrayList<>();
        for (int page = 0; page < 7; page++) {
            int number = page;
            all.addAll(asCarol(() -> support.integrations(IntegrationSearchFilter.none(), PageRequest.of(number, 50))));
        }
        assertThat(all).hasSize(320);
        assertThat(all)
                .extracting(IntegrationOverview::id)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(inserted);
        assertThat(all)
                .isSortedAccordingTo((a, b) -> a.statusChangedAt().equals(b.statusChangedAt())
                        ? Long.compare(b.id(), a.id())
                        : b.statusChangedAt().compareTo(a.statusChangedAt()));

        IntegrationSearchFilter pending = IntegrationSearchFilter.none().withStatus(IntegrationStatus.PENDING);
        assertThat(asCarol(() -> support.countIntegrations(pending))).isEqualTo(40);
        assertThat(asCarol(() -> support.integrations(pending, PageRequest.of(1, 30))))
                .hasSize(10)
                .allSatisfy(row -> assertThat(row.status()).isEqualTo(IntegrationStatus.PENDING));

        List<IntegrationOverview> byAccount = asCarol(() -> support.integrations(
                IntegrationSearchFilter.none(),
                PageRequest.of(0, 5, Sort.by("account").ascending())));
        assertThat(byAccount).extracting(IntegrationOverview::accountName).isSorted();
        assertThatThrownBy(() -> asCarol(() -> support.integrations(
                        IntegrationSearchFilter.none(),
                        PageRequest.of(0, 5, Sort.by("statusReason; drop table integration")))))
                .hasMessageContaining("Cannot sort integrations by");
    }

    @Test
    void details_show_the_full_history_the_shared_account_and_our_membership_as_last_seen() {
        List<Long> alices = SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(SupportTestData.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        SignIn.as(
                context,
                "bob",
                () -> connections.finish(List.of(SupportTestData.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        check.run("test");

        SupportIntegrationDetails details = asCarol(() -> support.openDetails(alices.get(0)));

        assertThat(details.integration().status()).isEqualTo(IntegrationStatus.APPROVED);
        assertThat(details.integration().customerUsername()).isEqualTo("alice");
        assertThat(details.history())
                .extracting(
                        HistoryEntry::from,
                        HistoryEntry::to,
                        entry -> entry.actor().kind(),
                        entry -> entry.actor().name())
                .containsExactly(
                        Tuple.tuple(null, IntegrationStatus.PENDING, Actor.Kind.CUSTOMER, "alice"),
                        Tuple.tuple(
                                IntegrationStatus.PENDING,
                                IntegrationStatus.APPROVED,
                                Actor.Kind.VERIFIER,
                                "verifier"));
        assertThat(details.history().get(0).reason()).contains("access token");
        assertThat(details.history().get(1).reason()).contains("invitation was accepted");
        AccountPicture account = details.account();
        assertThat(account.name()).isEqualTo("Pixel Forge Studio");
        assertThat(account.accountNumber()).isEqualTo("100001");
        assertThat(account.vendorNumbers()).containsExactly("85000001");
        assertThat(account.membership()).isEqualTo(Membership.MEMBER);
        assertThat(account.membershipSeenAt()).isNotNull();
        assertThat(account.membershipCheckedAt()).isNotNull();
        assertThat(account.customers())
                .extracting(LinkedCustomer::username, LinkedCustomer::status)
                .containsExactly(
                        Tuple.tuple("alice", IntegrationStatus.APPROVED),
                        Tuple.tuple("bob", IntegrationStatus.APPROVED));
    }

    @Test
    void opening_details_is_recorded_with_who_and_when_and_shown_newest_first() {
        long account = SupportTestData.account(jdbc, "900010", "Audit Studio", null);
        long integration =
                SupportTestData.integration(jdbc, alice, account, IntegrationStatus.PENDING, null, Instant.now());
        Instant before = Instant.now().minusSeconds(1);

        asCarol(() -> support.openDetails(integration));
        SupportIntegrationDetails second = asCarol(() -> support.openDetails(integration));

        assertThat(second.openings()).hasSize(2).allSatisfy(opening -> {
            assertThat(opening.username()).isEqualTo("carol");
            assertThat(opening.displayName()).isEqualTo("Carol Diaz (Support)");
            assertThat(opening.openedAt()).isAfter(before);
        });
        assertThat(second.openings().get(0).openedAt())
                .isAfterOrEqualTo(second.openings().get(1).openedAt());
        assertThat(jdbc.queryForList("SELECT integration_id, user_id, username FROM support_access_log"))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row)
                        .containsEntry("INTEGRATION_ID", integration)
                        .containsEntry("USER_ID", SupportTestData.userId(jdbc, "carol"))
                        .containsEntry("USERNAME", "carol"));
        assertThatThrownBy(() -> asCarol(() -> support.openDetails(-1))).isInstanceOf(NoSuchElementException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_access_log", Integer.class))
                .as("an unknown integration records nothing")
                .isEqualTo(2);
    }

    @Test
    void customers_and_anonymous_callers_are_refused_every_support_call() {
        List<Runnable> calls = List.of(
                () -> support.integrations(IntegrationSearchFilter.none(), PageRequest.of(0, 10)),
                () -> support.countIntegrations(IntegrationSearchFilter.none()),
                () -> support.openDetails(1),
                () -> support.health(),
                () -> support.recheckNow());
        for (Runnable call : calls) {
            assertThatThrownBy(() -> SignIn.as(context, "alice", () -> {
                        call.run();
                        return null;
                    }))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(call::run).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_access_log", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = 'recheck-now'", Integer.class))
                .isZero();
    }

    @Test
    void nothing_support_does_changes_an_integration_or_its_history() {
        List<Long> ids = SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(SupportTestData.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        Map<String, List<Map<String, Object>>> before = integrationTables();

        asCarol(() -> support.integrations(IntegrationSearchFilter.none(), PageRequest.of(0, 10)));
        asCarol(() -> support.countIntegrations(IntegrationSearchFilter.none().withStatus(IntegrationStatus.PENDING)));
        asCarol(() -> support.openDetails(ids.get(0)));
        asCarol(() -> support.health());

        assertThat(integrationTables()).isEqualTo(before);
        // It reads integrations only through integration's read-only EveryIntegration service.
        List<Class<?>> dependencies = Arrays.stream(SupportService.class.getDeclaredFields())
                .<Class<?>>map(Field::getType)
                .toList();
        assertThat(dependencies)
                .contains(EveryIntegration.class)
                .noneMatch(type -> type.getPackageName().equals("com.storemetrics.integration")
                        && Repository.class.isAssignableFrom(type));
    }

    @Test
    void re_check_pressed_twice_schedules_one_check() {
        // A slow Apple keeps the first check waiting (or running) while the second press arrives.
        SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(SupportTestData.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = 'membership-check-soon'");
        sandbox.fault("LATENCY", 20, 3000);

        boolean first = asCarol(support::recheckNow);
        boolean second = asCarol(support::recheckNow);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = 'recheck-now'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void health_shows_the_last_cycle_and_apple_requests_against_the_hourly_budget() {
        SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(SupportTestData.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        int requestsBefore = asCarol(support::health).requestsLastHour();
        check.run("test");

        SupportHealth health = asCarol(support::health);

        assertThat(health.verifier().lastRunAt()).isNotNull();
        assertThat(health.verifier().lastSuccessAt())
                .isEqualTo(health.verifier().lastRunAt());
        assertThat(health.verifier().consecutiveFailures()).isZero();
        assertThat(health.hourlyBudget()).isEqualTo(3600);
        assertThat(health.reporterRequestsLastHour()).isGreaterThan(0);
        assertThat(health.requestsLastHour()).isGreaterThan(requestsBefore);
        assertThat(health.budgetShare()).isBetween(0.0, 1.0);
    }

    private List<Long> ids(IntegrationSearchFilter filter) {
        return asCarol(() -> support.integrations(filter, PageRequest.of(0, 50))).stream()
                .map(IntegrationOverview::id)
                .toList();
    }

    private <T> T asCarol(Supplier<T> work) {
        return SignIn.as(context, "carol", work);
    }

    private Map<String, List<Map<String, Object>>> integrationTables() {
        Set<String> tables = new HashSet<>(List.of("integration", "integration_event", "store_account"));
        Map<String, List<Map<String, Object>>> dump = new TreeMap<>();
        tables.forEach(table -> dump.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY id")));
        return dump;
    }
}
