package com.storemetrics.support.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.storemetrics.BrowserTest;
import com.storemetrics.DemoAccounts;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.verification.MembershipCheck;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Carol's open Support > Integrations follows the verifier in Chromium, without a reload and without errors. */
class SupportLiveIT extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ConnectionService connections;

    @Autowired
    MembershipCheck check;

    SandboxControl sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxControl(port);
    }

    @Test
    void carols_open_console_shows_approval_a_failed_cycle_and_removal_and_stays_usable_across_ten_cycles() {
        SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        signedIn(driver, "carol", "carol-demo-2026");
        driver.get(url("support/integrations"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Pending")));
        String page = pageIdentity(driver);

        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        completeChecks(check, 1);
        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Approved")));

        for (int cycle = 1; cycle <= 10; cycle++) {
            String before = driver.findElement(By.id("health-last-cycle")).getText();
            completeChecks(check, 1);
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("health-last-cycle"), before)));
        }
        assertNoErrorToast(driver);

        sandbox.fault("HTTP_500", 3, 0); // every attempt of one cycle
        AtomicReference<MembershipCheck.CycleResult> failed = new AtomicReference<>();
        await("a cycle of this node's verifier that is not already running")
                .atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    failed.set(check.run("test"));
                    return failed.get() != MembershipCheck.CycleResult.ALREADY_RUNNING;
                });
        assertThat(failed.get()).isEqualTo(MembershipCheck.CycleResult.FAILED);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("health-last-failure"), "UNAVAILABLE"));
        assertThat(driver.findElement(By.id("health-consecutive-failures")).getText())
                .isEqualTo("1");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("health-backoff")));
        sandbox.clearFaults();

        sandbox.removeUser(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        completeChecks(check, 2); // after the failure's back-off
        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Removed")));

        assertNoErrorToast(driver);
        // Clicked through the DOM: development mode's Copilot button covers the grid's bottom-right corner.
        script(
                driver,
                "arguments[0].click()",
                driver.findElement(
                        By.cssSelector("vaadin-button[aria-label^='Details of Pixel Forge Studio for Alice']")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("details-history")));
        assertThat(driver.findElement(By.id("details-history")).getText()).contains("Removed");
        assertThat(pageIdentity(driver)).as("not reloaded").isEqualTo(page);
    }
}
