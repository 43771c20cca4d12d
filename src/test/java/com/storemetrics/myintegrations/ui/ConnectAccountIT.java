package com.storemetrics.myintegrations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.BrowserTest;
import com.storemetrics.DemoAccounts;
import com.storemetrics.SandboxControl;
import com.storemetrics.SignIn;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.verification.MembershipCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A customer connects an account in a real browser and watches it approved, without reloading. */
class ConnectAccountIT extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Test
    void alice_connects_pixel_forge_sees_it_pending_and_then_approved_without_a_reload() {
        signIn("alice", "alice-demo-2026");
        connectUpToStepThree(SandboxControl.ALICE_TOKEN, "Pixel Forge Studio", " app");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("service-apple-id"), SandboxControl.SERVICE_APPLE_ID));
        // Step 3 names the roles the data needs and says why, on a desktop and on a phone.
        assertThat(driver.findElement(By.id("why-roles")).getText()).contains("Finance: Apple's monthly");
        assertThat(driver.findElement(By.tagName("vaadin-dialog-overlay")).getText())
                .contains("Give it the Sales and Finance roles, then Invite.");
        driver.manage().window().setSize(new Dimension(1440, 900));
        screenshot("connect-step-3-1440.png");
        driver.manage().window().setSize(new Dimension(390, 844));
        wait.until(driver -> ((Long) script(driver, "return window.innerWidth")) <= 390);
        screenshot("connect-step-3-390.png");
        driver.manage().window().setSize(new Dimension(1400, 1000));
        wait.until(driver -> ((Long) script(driver, "return window.innerWidth")) > 1000);
        // Clicked once the dialog has laid itself out again at the restored size.
        waitFor(driver).ignoring(ElementClickInterceptedException.class).until(driver -> {
            driver.findElement(By.id("invited-confirmation")).click();
            return driver.findElement(By.id("invited-confirmation")).getAttribute("checked") != null;
        });
        driver.findElement(By.id("dialog-finish")).click();

        By pending = By.xpath("//vaadin-grid-cell-content[contains(., 'Pending')]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(pending));
        assertThat(driver.findElement(By.xpath("//vaadin-grid-cell-content[contains(., 'Pixel Forge Studio')]")))
                .isNotNull();
        String pageBefore =
                (String) ((JavascriptExecutor) driver).executeScript("return window.performance.timeOrigin.toString()");

        // The account holder invites our service Apple ID in the sandbox, as in Users and Access.
        new SandboxControl(port).invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);

        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[contains(., 'Approved')]")));
        String pageAfter =
                (String) ((JavascriptExecutor) driver).executeScript("return window.performance.timeOrigin.toString()");
        assertThat(pageAfter).as("the same page, not reloaded").isEqualTo(pageBefore);
    }

    private void screenshot(String name) {
        try {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Test
    void a_colleagues_account_is_approved_at_finish_without_an_invitation() {
        SignIn.as(
                context,
                "bob",
                () -> context.getBean(ConnectionService.class)
                        .finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        // Bob's account holder invites our service user; the verifier accepts and sees the membership.
        new SandboxControl(port).invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        completeChecks(context.getBean(MembershipCheck.class), 1);
        signIn("alice", "alice-demo-2026");
        connectUpToStepThree(SandboxControl.ALICE_TOKEN, "Pixel Forge Studio", "Connected by a colleague");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-invitation-needed")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("dialog-finish")))
                .click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Approved")));
        assertNoErrorToast(driver);
    }
}
