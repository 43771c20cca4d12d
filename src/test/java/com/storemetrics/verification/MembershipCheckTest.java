package com.storemetrics.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.storemetrics.DemoAccounts;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.verification.MembershipCheck.CycleResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Verifier cycles against the embedded sandbox over real HTTP, driven through its control API. */
class MembershipCheckTest extends SpringTest {

    static final DiscoveredAccount PIXEL_FORGE = DemoAccounts.PIXEL_FORGE;
    static final DiscoveredAccount ALICE_MARTIN = DemoAccounts.ALICE_MARTIN;

    @LocalServerPort
    int port;

    @Autowired
    MembershipCheck check;

    @Autowired
    ConnectionService connections;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    SandboxControl sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxControl(port);
    }

    @Test
    void an_invitation_a_customer_asked_for_is_accepted_and_approves_every_pending_row_of_the_account() {
        connect("alice", PIXEL_FORGE);
        connect("bob", PIXEL_FORGE);
        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);

        assertThat(check.run("test")).isEqualTo(CycleResult.CHECKED);

        assertThat(statusesOf("100001")).containsExactly("APPROVED", "APPROVED");
        assertThat(membersOf("100001")).contains(SandboxControl.SERVICE_APPLE_ID);
        assertThat(jdbc.queryForList(
                        "SELECT actor_name FROM integration_event WHERE to_status = 'APPROVED'", String.class))
                .containsOnly("verifier");
        assertThat(jdbc.queryForList("SELECT last_checked_at FROM integration"))
                .allSatisfy(row -> assertThat(row.get("LAST_CHECKED_AT")).isNotNull());
    }

    @Test
    void an_invitation_for_an_account_nobody_asked_for_is_not_accepted() {
        connect("alice", PIXEL_FORGE);
        sandbox.invite("100002", SandboxControl.SERVICE_APPLE_ID);

        check.run("test");

        assertThat(membersOf("100002")).doesNotContain(SandboxControl.SERVICE_APPLE_ID);
        assertThat(pendingInvitationsOf("100002")).contains(SandboxControl.SERVICE_APPLE_ID);
        assertThat(statusesOf("100001")).containsExactly("PENDING");
    }

    @Test
    void an_unreachable_apple_leaves_a_pending_row_as_it_was() {
        connect("alice", PIXEL_FORGE);
        sandbox.fault("HTTP_500", 100, 0); // Apple down: nothing may change, however the inbox looks
        check.run("test");
        sandbox.clearFaults();

        assertThat(jdbc.queryForList("SELECT status, progress FROM integration"))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("STATUS", "PENDING")
                        .containsEntry("PROGRESS", "WAITING_FOR_INVITATION"));
    }

    @Test
    void removing_our_user_removes_the_integration_for_everyone_but_only_after_two_checks() {
        connect("alice", PIXEL_FORGE);
        connect("bob", PIXEL_FORGE);
        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        check.run("test");
        assertThat(statusesOf("100001")).containsExactly("APPROVED", "APPROVED");

        sandbox.removeUser(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        clock.advance(Duration.ofSeconds(30));
        check.run("test");
        assertThat(statusesOf("100001"))
                .as("one missing check alone is not believed")
                .containsExactly("APPROVED", "APPROVED");

        clock.advance(Duration.ofSeconds(30));
        check.run("test");
        assertThat(statusesOf("100001")).containsExactly("REMOVED", "REMOVED");
        assertThat(jdbc.queryForList("SELECT reason FROM integration_event WHERE to_status = 'REMOVED'", String.class))
                .hasSize(2)
                .allSatisfy(reason -> assertThat(reason).contains("Account Holder or Admin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP_500", "HTTP_429", "GARBAGE", "DROP_CONNECTION"})
    void a_failing_apple_changes_nothing_is_recorded_and_backs_off(String fault) {
        connect("alice", PIXEL_FORGE);
        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        check.run("test");
        sandbox.removeUser(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        sandbox.fault(fault, 100, 0);

        for (int cycle = 0; cycle < 3; cycle++) {
            clock.advance(Duration.ofHours(1)); // past any back-off
            assertThat(check.run("test")).isEqualTo(CycleResult.FAILED);
        }

        assertThat(statusesOf("100001"))
                .as("failed checks never count as a missing membership")
                .containsExactly("APPROVED");
        VerifierHealth health = context.getBean(VerifierHealthRecorder.class).health();
        assertThat(health.getConsecutiveFailures()).isEqualTo(3);
        assertThat(health.getLastFailureKind()).isIn("UNAVAILABLE", "RATE_LIMITED", "UNEXPECTED_ANSWER");
        assertThat(health.getLastFailureMessage()).isNotBlank();
        assertThat(check.run("test")).as("right after a failure it waits").isEqualTo(CycleResult.BACKING_OFF);
    }

    @Test
    void a_success_after_failures_clears_the_back_off() {
        connect("alice", PIXEL_FORGE);
        sandbox.fault("HTTP_500", 100, 0);
        check.run("test");
        sandbox.clearFaults();
        clock.advance(Duration.ofHours(1));

        assertThat(check.run("test")).isEqualTo(CycleResult.CHECKED);
        assertThat(context.getBean(VerifierHealthRecorder.class).health().getConsecutiveFailures())
                .isZero();
        assertThat(context.getBean(VerifierHealthRecorder.class).health().getBackoffUntil())
                .isNull();
    }

    @Test
    void a_pending_row_expires_after_three_days_plus_the_grace() {
        connect("alice", PIXEL_FORGE);

        clock.advance(Duration.ofDays(4).minusMinutes(5));
        check.run("test");
        assertThat(statusesOf("100001")).containsExactly("PENDING");

        clock.advance(Duration.ofMinutes(10));
        check.run("test");
        assertThat(statusesOf("100001")).containsExactly("EXPIRED");
        assertThat(jdbc.queryForObject("SELECT status_reason FROM integration", String.class))
                .contains("not accepted in time");
    }

    @Test
    void nothing_to_watch_costs_no_apple_request() {
        sandbox.fault("HTTP_500", 1, 0);

        assertThat(check.run("test")).isEqualTo(CycleResult.NOTHING_TO_CHECK);
        assertThat(sandbox.world().path("fault").path("remaining").asInt())
                .as("the fault was not consumed")
                .isEqualTo(1);
    }

    private void connect(String user, DiscoveredAccount account) {
        SignIn.as(context, user, () -> connections.finish(List.of(account), CredentialKind.ACCESS_TOKEN));
    }

    private List<String> statusesOf(String accountNumber) {
        return jdbc.queryForList(
                "SELECT i.status FROM integration i JOIN store_account a ON a.id = i.account_id"
                        + " WHERE a.account_number = ? ORDER BY i.id",
                String.class,
                accountNumber);
    }

    private List<String> membersOf(String accountNumber) {
        return emailsIn(accountNumber, "members");
    }

    private List<String> pendingInvitationsOf(String accountNumber) {
        return emailsIn(accountNumber, "pendingInvitations");
    }

    private List<String> emailsIn(String accountNumber, String field) {
        List<String> emails = new ArrayList<>();
        for (JsonNode account : sandbox.world().path("accounts")) {
            if (accountNumber.equals(account.path("number").asText())) {
                account.path(field)
                        .forEach(entry -> emails.add(entry.path("email").asText()));
            }
        }
        return emails;
    }
}
