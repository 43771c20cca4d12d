package com.storemetrics.myintegrations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.BrowserTest;
import com.storemetrics.DemoAccounts;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.TestClock;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.verification.MembershipCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What customers watch change on an open Data Integration page, in Chromium, pages never reloaded.
 * The verifier runs on this test's thread, where nobody is signed in, as on its scheduler's threads.
 */
class LiveUpdatesIT extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ConnectionService connections;

    @Autowired
    MembershipCheck check;

    @Autowired
    TestClock clock;

    SandboxControl sandbox;

    @BeforeEach
    void setUp() {
        sandbox = new SandboxControl(port);
    }

    @Test
    void an_account_holder_removing_our_user_drops_the_row_on_alices_and_bobs_open_pages_with_the_notice()
            throws Exception {
        connectPixelForge("alice");
        connectPixelForge("bob");
        sandbox.invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        completeChecks(check, 1);
        WebDriver alice = driver;
        WebDriver bob = newBrowser();
        for (WebDriver browser : List.of(alice, bob)) {
            signedIn(
                    browser,
                    browser == alice ? "alice" : "bob",
                    browser == alice ? "alice-demo-2026" : "bob-demo-2026");
            browser.get(url("my-account/data-integration"));
            waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(cell("Approved")));
        }
        String alicesPage = pageIdentity(alice);
        String bobsPage = pageIdentity(bob);

        sandbox.removeUser(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        completeChecks(check, 2);

        for (WebDriver browser : List.of(alice, bob)) {
            waitFor(browser).until(page -> gridSize(page) == 0);
            waitFor(browser)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("notices"), "Pixel Forge Studio was removed from your integrations"));
            assertThat(browser.findElement(By.id("notices")).getText()).contains("Account Holder or Admin");
            // The empty grid says what happened, not "No integrations yet" (one message whose text changed).
            waitFor(browser)
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.xpath("//vaadin-grid[@id='integrations-grid']/*[@slot='empty-state']"),
                            "No integrations now"));
        }
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(
                shots.resolve("data-integration-after-removal-desktop.png"),
                ((TakesScreenshot) alice).getScreenshotAs(OutputType.BYTES));
        bob.manage().window().setSize(new Dimension(390, 844));
        Files.write(
                shots.resolve("data-integration-after-removal-390.png"),
                ((TakesScreenshot) bob).getScreenshotAs(OutputType.BYTES));
        assertThat(pageIdentity(alice)).as("alice's page was not reloaded").isEqualTo(alicesPage);
        assertThat(pageIdentity(bob)).as("bob's page was not reloaded").isEqualTo(bobsPage);
        assertNoErrorToast(alice);
        assertNoErrorToast(bob);
    }

    @Test
    void a_pending_row_past_its_invitation_lifetime_turns_expired_on_the_open_page_with_remove_and_connect_again() {
        connectPixelForge("alice");
        signedIn(driver, "alice", "alice-demo-2026");
        driver.get(url("my-account/data-integration"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Pending")));
        String page = pageIdentity(driver);

        // Apple lets an invitation lapse after 3 days; we wait one more day before calling it expired.
        clock.advance(Duration.ofDays(4).plusHours(1));
        completeChecks(check, 1);

        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Expired")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("was not accepted in time")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-button[contains(., 'Remove and connect again')]")));
        assertThat(pageIdentity(driver)).as("not reloaded").isEqualTo(page);
        assertNoErrorToast(driver);
    }

    @Test
    void a_row_removed_in_one_tab_disappears_from_alices_other_tab() {
        connectPixelForge("alice");
        signedIn(driver, "alice", "alice-demo-2026");
        driver.get(url("my-account/data-integration"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Pixel Forge Studio")));
        String firstTab = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.WINDOW);
        driver.get(url("my-account/data-integration"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Pixel Forge Studio")));
        String secondTab = driver.getWindowHandle();
        String secondPage = pageIdentity(driver);

        driver.switchTo().window(firstTab);
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("vaadin-button[aria-label='Remove Pixel Forge Studio']")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("removal-confirm")))
                .click();
        wait.until(page -> gridSize(page) == 0);

        driver.switchTo().window(secondTab);
        wait.until(page -> gridSize(page) == 0);
        assertThat(pageIdentity(driver)).as("the second tab was not reloaded").isEqualTo(secondPage);
        assertNoErrorToast(driver);
    }

    private void connectPixelForge(String username) {
        SignIn.as(
                context,
                username,
                () -> connections.finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
    }
}
