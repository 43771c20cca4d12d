package com.storemetrics.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SignIn;
import com.storemetrics.TwoNodes;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.myintegrations.CheckAgain;
import com.storemetrics.myintegrations.IntegrationService;
import com.storemetrics.security.LoginProperties;
import com.storemetrics.security.LoginThrottle;
import com.storemetrics.security.WebClient;
import com.storemetrics.support.SupportTestData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two app nodes on one PostgreSQL count attempts together: an attacker's failed sign-ins split
 * over both nodes add up (neither node lets the pair start afresh), concurrent failures on both
 * are counted exactly once each, and a customer's "Check again" asked on one node is too soon on
 * the other. Runs on PostgreSQL always (two nodes need a database they share), whichever database
 * the rest of the suite uses.
 */
class AttemptsAcrossNodesTest {

    private static TwoNodes nodes;

    @BeforeAll
    static void startTwoNodes() {
        nodes = new TwoNodes();
    }

    @AfterAll
    static void stopThem() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @BeforeEach
    void knownState() {
        nodes.restoreKnownState();
    }

    @Test
    void failed_sign_ins_split_over_two_nodes_add_up_and_the_pair_waits_on_both() throws Exception {
        int free = nodes.a.getBean(LoginProperties.class).pairFailures();
        WebClient onA = new WebClient(TwoNodes.port(nodes.a));
        WebClient onB = new WebClient(TwoNodes.port(nodes.b));
        for (int attempt = 1; attempt <= free; attempt++) {
            assertThat((attempt % 2 == 0 ? onB : onA).signIn("bob", "guess-" + attempt))
                    .endsWith("/login?error");
        }

        assertThat(onA.signIn("bob", "bob-demo-2026")).endsWith("/login?locked");
        assertThat(onB.signIn("bob", "bob-demo-2026")).endsWith("/login?locked");
        assertThat(WebClient.from(TwoNodes.port(nodes.b), "127.0.0.2").signIn("bob", "bob-demo-2026"))
                .as("the owner from another address, on either node")
                .doesNotContain("login");
    }

    @Test
    void forty_failures_on_two_nodes_at_once_are_counted_forty_times_no_more_no_less() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> failures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                LoginThrottle throttle = (i % 2 == 0 ? nodes.a : nodes.b).getBean(LoginThrottle.class);
                failures.add(() -> {
                    throttle.failed("mallory", "198.51.100.7", throttle.standing("mallory", "198.51.100.7"));
                    return null;
                });
            }
            for (Future<Void> done : threads.invokeAll(failures, 60, TimeUnit.SECONDS)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        LoginThrottle.Standing standing = nodes.b.getBean(LoginThrottle.class).standing("mallory", "198.51.100.7");
        assertThat(standing.pairFailures()).isEqualTo(40);
        assertThat(standing.addressFailures()).isEqualTo(40);
    }

    @Test
    void check_again_asked_on_one_node_is_too_soon_on_the_other() {
        JdbcTemplate jdbc = nodes.jdbc();
        long account = SupportTestData.account(jdbc, "100001", "Pixel Forge Studio", "85000001");
        long pending = SupportTestData.integration(
                jdbc,
                SupportTestData.userId(jdbc, "alice"),
                account,
                IntegrationStatus.PENDING,
                "Waiting for the invitation",
                Instant.now());

        CheckAgain onA = SignIn.as(
                nodes.a,
                "alice",
                () -> nodes.a.getBean(IntegrationService.class).checkAgain(pending));
        CheckAgain onB = SignIn.as(
                nodes.b,
                "alice",
                () -> nodes.b.getBean(IntegrationService.class).checkAgain(pending));

        assertThat(onA.asked()).isTrue();
        assertThat(onB.asked())
                .as("the same customer on the other node, right after")
                .isFalse();
        assertThat(onB.retryIn()).isPositive().isLessThanOrEqualTo(CheckAgain.MIN_GAP);
    }
}
