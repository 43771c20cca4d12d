package com.storemetrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.connect.ConnectionService;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.ReportImporter;
import com.storemetrics.support.SupportTestData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * axe on every page and state a user can reach (docs/accessibility.md), at a desktop's and a
 * phone's width: zero serious or critical findings outside the reviewed exclusions.
 */
class AccessibilityIT extends BrowserTest {

    static final Dimension DESKTOP = new Dimension(1440, 1000);
    static final Dimension PHONE = new Dimension(390, 844);

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ConnectionService connections;

    @Autowired
    ReportImporter importer;

    private final Map<String, List<Accessibility.Finding>> findings = new LinkedHashMap<>();

    @Test
    void a_customers_pages_in_every_state_have_no_serious_or_critical_finding() throws Exception {
        customerWithRowsInEveryStatus();
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            driver.manage().window().setSize(size);
            String at = size.getWidth() + "px";
            driver.get(url("login"));
            waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("vaadinLoginUsername")));
            audit("login " + at);
            signedIn(driver, "alice", "alice-demo-2026");

            driver.get(url("my-account/data-integration"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Expired")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Approved")));
            audit("data integration with pending approved expired and a notice " + at);

            WebElement details = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("vaadin-button[aria-label^='Details of Pixel Forge Studio']")));
            script(driver, "arguments[0].click()", details);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay[opened]")));
            audit("integration details and history " + at);
            driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
            wait.until(
                    ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay[opened]")));

            WebElement remove = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("vaadin-button[aria-label='Remove Pixel Forge Studio']")));
            script(driver, "arguments[0].click()", remove);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay[opened]")));
            audit("removal confirmation " + at);
            driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
            wait.until(
                    ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay[opened]")));

            script(driver, "document.getElementById('connect-app-store').click()");
            WebElement token =
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#access-token input")));
            audit("connect step 1 " + at);
            token.sendKeys("not a token");
            script(driver, "document.getElementById('validate-credential').click()");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-outcome"), "neither"));
            audit("connect step 1 with an error " + at);
            token.sendKeys(Keys.chord(Keys.CONTROL, "a"), SandboxControl.BOB_TOKEN);
            script(driver, "document.getElementById('validate-credential').click()");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("dialog-next")))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connect-step-label"), "Step 2"));
            audit("connect step 2 " + at);
            driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);

            driver.get(url("my-account/store-metrics"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-downloads-value")));
            audit("store metrics with data " + at);

            driver.get(url("my-account/subscriptions"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-active-paid-value")));
            audit("subscriptions with data " + at);

            driver.get(url("my-account/notifications"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notifications")));
            audit("notifications " + at);

            signOut();
        }
        assertNoFindings();
    }

    @Test
    void empty_pages_support_and_the_sandbox_console_have_no_serious_or_critical_finding() {
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            driver.manage().window().setSize(size);
            String at = size.getWidth() + "px";
            signedIn(driver, "bob", "bob-demo-2026");
            driver.get(url("my-account/data-integration"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("integrations-grid")));
            audit("data integration empty " + at);
            driver.get(url("my-account/store-metrics"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("metrics-empty")));
            audit("store metrics empty " + at);
            driver.get(url("my-account/subscriptions"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscriptions-empty")));
            audit("subscriptions empty " + at);
            driver.get(url("sandbox"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sandbox-console")));
            audit("sandbox console " + at);
            driver.get(url("sandbox/mail"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sandbox-mail")));
            audit("sandbox development mailbox " + at);
            signOut();

            signedIn(driver, "carol", "carol-demo-2026");
            driver.get(url("support/integrations"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("support-grid")));
            audit("support integrations " + at);
            driver.get(url("support/mail"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("support-mail")));
            audit("support e-mails " + at);
            signOut();
        }
        assertNoFindings();
    }

    /**
     * Alice's rows: Pixel Forge Approved with its sales imported, Alice Martin Expired, a Pending
     * row, and a stored notice.
     */
    private void customerWithRowsInEveryStatus() {
        SandboxControl sandbox = new SandboxControl(port);
        MetricsFixture.serviceUserJoins(sandbox, MetricsFixture.PIXEL_FORGE);
        MetricsFixture.approved(
                jdbc, "alice", MetricsFixture.PIXEL_FORGE, "Pixel Forge Studio", MetricsFixture.PIXEL_FORGE_VENDOR);
        MetricsFixture.importUntilIdle(importer);
        long alice = SupportTestData.userId(jdbc, "alice");
        long martin = SupportTestData.account(jdbc, "100002", "Alice Martin", "85000002");
        SupportTestData.integration(
                jdbc, alice, martin, IntegrationStatus.EXPIRED, "The invitation lapsed", Instant.now());
        SignIn.as(
                context,
                "bob",
                () -> connections.finish(List.of(DemoAccounts.PIXEL_FORGE), CredentialKind.ACCESS_TOKEN));
        long northwind = SupportTestData.account(jdbc, "100003", "Northwind Games", "85000003");
        SupportTestData.integration(jdbc, alice, northwind, IntegrationStatus.PENDING, null, Instant.now());
        jdbc.update(
                "INSERT INTO customer_notice (customer_id, created_at, message) VALUES (?, ?, ?)",
                alice,
                Timestamp.from(Instant.now()),
                "Bluebird Labs was removed: an Account Holder or Admin removed our service user.");
    }

    /**
     * Leaves the app before forgetting the session, so that the page's last requests (its unload
     * beacon) still carry its cookie. With cookies deleted under an open page, one run logged an
     * AssertionError from VaadinService.requestEnd for the request that followed (tests run with
     * -ea); a user's browser does not drop its cookies under an open page.
     */
    private void signOut() {
        driver.get("about:blank");
        driver.manage().deleteAllCookies();
    }

    private void audit(String page) {
        // An overlay fading in is half transparent: its colours are measured once it has opened.
        wait.until(driver ->
                Boolean.TRUE.equals(script(driver, "return !document.querySelector('[opening], [closing]')")));
        findings.put(page, new ArrayList<>(Accessibility.audit(driver, page)));
    }

    private void assertNoFindings() {
        Map<String, List<Accessibility.Finding>> withFindings = new LinkedHashMap<>();
        findings.forEach((page, found) -> {
            if (!found.isEmpty()) {
                withFindings.put(page, found);
            }
        });
        assertThat(withFindings)
                .as("serious or critical axe findings per page (reports under target/accessibility)")
                .isEmpty();
    }
}
