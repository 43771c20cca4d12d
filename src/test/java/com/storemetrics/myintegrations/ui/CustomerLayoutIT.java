package com.storemetrics.myintegrations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.BrowserTest;
import com.storemetrics.DemoAccounts;
import com.storemetrics.SignIn;
import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The Data Integration page as customers reach it: on a phone, and from the keyboard. */
class CustomerLayoutIT extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ConnectionService connections;

    @Test
    void on_a_phone_a_customer_sees_a_rows_status_and_can_remove_it() throws Exception {
        SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        driver.manage().window().setSize(new Dimension(390, 844));
        signedIn(driver, "alice", "alice-demo-2026");
        driver.get(url("my-account/data-integration"));
        WebElement pending = wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Pending")));
        script(driver, "arguments[0].scrollIntoView({block: 'center'})", pending);

        Number gridHeight = (Number)
                script(driver, "return document.getElementById('integrations-grid').getBoundingClientRect().height");
        assertThat(gridHeight.doubleValue())
                .as("the grid keeps a readable height on a phone")
                .isGreaterThan(300);
        WebElement remove = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("vaadin-button[aria-label='Remove Pixel Forge Studio']")));
        Number right = (Number) script(driver, "return arguments[0].getBoundingClientRect().right", remove);
        assertThat(right.doubleValue())
                .as("Remove is on screen, not cut off sideways")
                .isLessThanOrEqualTo(390);
        Files.write(
                Path.of("target", "phone-data-integration.png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

        script(driver, "arguments[0].click()", remove);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-button[slot='confirm-button']")))
                .click();
        wait.until(page -> gridSize(page) == 0);
        assertNoErrorToast(driver);
    }

    @Test
    void the_app_store_connect_card_opens_the_dialog_with_enter_and_typing_starts_in_the_token_field() {
        signedIn(driver, "alice", "alice-demo-2026");
        driver.get(url("my-account/data-integration"));
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app-store-card")));
        script(driver, "arguments[0].focus()", card);

        card.sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#access-token input")));
        wait.until(page -> Boolean.TRUE.equals(script(
                page,
                "return document.getElementById('access-token').contains(document.activeElement)"
                        + " || document.activeElement === document.getElementById('access-token')")));
        assertThat(driver.findElements(By.cssSelector("vaadin-dialog-overlay[opened]")))
                .hasSize(1);
    }

    @Test
    void at_phone_tablet_laptop_and_desktop_sizes_status_and_actions_stay_on_screen_for_customer_and_support()
            throws Exception {
        SignIn.as(
                context,
                "alice",
                () -> connections.finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        WebDriver support = newBrowser();
        signedIn(driver, "alice", "alice-demo-2026");
        signedIn(support, "carol", "carol-demo-2026");
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        for (Dimension size : List.of(
                new Dimension(390, 844),
                new Dimension(768, 1024),
                new Dimension(1280, 720),
                new Dimension(1440, 900))) {
            String name = size.getWidth() + "x" + size.getHeight();
            // Resize on a blank page: a resize event still in flight when the next page loads made Vaadin
            // see a stale message id (a test artefact: a person does not resize and navigate in one instant).
            driver.get("about:blank");
            driver.manage().window().setSize(size);
            driver.get(url("my-account/data-integration"));
            WebElement pending = wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Pending")));
            script(driver, "arguments[0].scrollIntoView({block: 'center'})", pending);
            WebElement remove = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("vaadin-button[aria-label='Remove Pixel Forge Studio']")));
            assertOnScreen(driver, remove, size, "Remove at " + name);
            Files.write(
                    shots.resolve("data-integration-" + name + ".png"),
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

            support.get("about:blank");
            support.manage().window().setSize(size);
            support.get(url("support/integrations"));
            WebElement details = waitFor(support)
                    .until(
                            ExpectedConditions.visibilityOfElementLocated(
                                    By.cssSelector(
                                            "vaadin-button[aria-label='Details of Pixel Forge Studio for Alice Martin (Pixel Forge)']")));
            script(support, "arguments[0].scrollIntoView({block: 'center'})", details);
            assertOnScreen(support, details, size, "support's Details at " + name);
            Files.write(
                    shots.resolve("support-integrations-" + name + ".png"),
                    ((TakesScreenshot) support).getScreenshotAs(OutputType.BYTES));
        }
        assertNoErrorToast(driver);
        assertNoErrorToast(support);
    }

    private static void assertOnScreen(WebDriver browser, WebElement element, Dimension window, String what) {
        Number right = (Number) script(browser, "return arguments[0].getBoundingClientRect().right", element);
        Number viewport = (Number) script(browser, "return document.documentElement.clientWidth");
        assertThat(right.doubleValue())
                .as(what + " is not cut off sideways")
                .isLessThanOrEqualTo(viewport.doubleValue());
        // The grid's own scroller: any sideways overflow means some column is out of sight.
        Number overflow = (Number) script(
                browser,
                "const table = arguments[0].closest('vaadin-grid').$.table;"
                        + " return table.scrollWidth - table.clientWidth",
                element);
        assertThat(overflow.doubleValue())
                .as(what + ": the grid does not scroll sideways")
                .isLessThanOrEqualTo(1);
        assertThat(viewport.intValue()).isLessThanOrEqualTo(window.getWidth());
    }
}
