package com.storemetrics.myintegrations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.BrowserTest;
import com.storemetrics.DemoAccounts;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.TwoNodes;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.verification.MembershipCheck;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two app nodes on one PostgreSQL, two real Chromium browsers, one on each node (as a sticky load
 * balancer would place them): the verifier runs on node A, and the open page on node B follows
 * through LISTEN/NOTIFY and Vaadin push, without a reload.
 */
class AcrossNodesIT extends BrowserTest {

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

    @Test
    void removal_for_everyone_committed_on_node_a_reaches_alice_on_node_a_and_bob_on_node_b() throws Exception {
        nodes.restoreKnownState();
        SandboxControl sandbox = new SandboxControl(TwoNodes.port(nodes.a));
        connect(nodes.a, "alice");
        connect(nodes.b, "bob");
        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        completeChecks(nodes.a.getBean(MembershipCheck.class), 1);

        WebDriver alice = driver;
        WebDriver bob = newBrowser();
        signedIn(alice, TwoNodes.port(nodes.a), "alice", "alice-demo-2026");
        signedIn(bob, TwoNodes.port(nodes.b), "bob", "bob-demo-2026");
        for (WebDriver browser : List.of(alice, bob)) {
            browser.get(browser.getCurrentUrl().replaceAll("(http://localhost:\\d+/).*", "$1")
                    + "my-account/data-integration");
            waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(cell("Approved")));
        }
        String bobsPage = pageIdentity(bob);

        sandbox.removeUser(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        completeChecks(nodes.a.getBean(MembershipCheck.class), 2);

        for (WebDriver browser : List.of(alice, bob)) {
            waitFor(browser).until(page -> gridSize(page) == 0);
            waitFor(browser)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("notices"), "Pixel Forge Studio was removed from your integrations"));
            assertNoErrorToast(browser);
        }
        assertThat(pageIdentity(bob))
                .as("bob's page on node B was not reloaded")
                .isEqualTo(bobsPage);
    }

    private static void connect(ConfigurableApplicationContext node, String username) {
        SignIn.as(
                node,
                username,
                () -> node.getBean(ConnectionService.class)
                        .finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
    }
}
