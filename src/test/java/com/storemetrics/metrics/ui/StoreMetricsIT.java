package com.storemetrics.metrics.ui;

import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.BrowserTest;
import com.storemetrics.SandboxControl;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.payments.PaymentsImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The README's promise in a real browser: alice connects Pixel Forge Studio, it turns Approved, and
 * within a minute Store Metrics shows the last 30 days' downloads, equal to the sandbox's reports.
 * The importer runs as in production (db-scheduler every 3 s, and right after the approval).
 */
@TestPropertySource(
        properties = {"storemetrics.metrics.import-interval=3s", "storemetrics.metrics.start-on-approval=true"})
class StoreMetricsIT extends BrowserTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @Autowired
    ApplicationContext context;

    @Autowired
    ReporterClient reporter;

    @Autowired
    PaymentsImporter payments;

    @Test
    void alices_approved_pixel_forge_shows_the_last_30_days_downloads_of_the_sandbox_within_a_minute()
            throws Exception {
        signIn("alice", "alice-demo-2026");
        connectUpToStepThree(SandboxControl.ALICE_TOKEN, "Pixel Forge Studio", " app");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invited-confirmation")))
                .click();
        driver.findElement(By.id("dialog-finish")).click();
        new SandboxControl(port).invite(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[contains(., 'Approved')]")));
        long approvedAt = System.nanoTime();

        driver.get(url("my-account/store-metrics"));
        LocalDate yesterday = LocalDate.now(PACIFIC).minusDays(1);
        LocalDate lastPublished = ZonedDateTime.now(PACIFIC)
                        .isBefore(yesterday.plusDays(1).atTime(5, 0).atZone(PACIFIC))
                ? yesterday.minusDays(1)
                : yesterday;
        long downloads = MetricsFixture.fromTheSandbox(
                        reporter,
                        SandboxControl.ALICE_TOKEN,
                        PIXEL_FORGE,
                        PIXEL_FORGE_VENDOR,
                        yesterday.minusDays(29),
                        lastPublished)
                .unitsByBucket()
                .get("DOWNLOADS");

        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBe(By.id("card-downloads-value"), Figures.count(downloads)));

        assertThat(Duration.ofNanos(System.nanoTime() - approvedAt)).isLessThan(Duration.ofMinutes(1));
        assertThat(driver.findElement(By.id("freshness")).getText()).startsWith("Apple has published up to ");
        assertThat(driver.findElement(By.id("chart-text")).getAttribute("textContent"))
                .startsWith("Chart of downloads and estimated proceeds in USD, per day:");
        java.nio.file.Path shots =
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
        java.nio.file.Files.write(
                shots.resolve("store-metrics-desktop.png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        org.openqa.selenium.Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        // On a phone the cards wrap to the narrow width and keep their theme styling (styles.css).
        wait.until(browser ->
                browser.findElement(By.id("card-downloads")).getRect().getWidth() < 390);
        assertThat(driver.findElement(By.id("card-downloads")).getCssValue("border-top-style"))
                .isEqualTo("solid");
        java.nio.file.Files.write(
                shots.resolve("store-metrics-phone.png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        driver.manage().window().setSize(desktop);

        // The country table shows its top 10 until all are asked for, by keyboard as by mouse.
        WebElement countries = driver.findElement(By.id("metrics-by-country"));
        WebElement showAll = driver.findElement(By.id("metrics-by-country-all"));
        assertThat(((Number) script(driver, "return arguments[0].size", countries)).intValue())
                .isEqualTo(TopRows.TOP);
        int all = Integer.parseInt(showAll.getText().replaceAll("\\D", ""));
        assertThat(all).isGreaterThan(TopRows.TOP);
        script(driver, "arguments[0].scrollIntoView()", showAll);
        showAll.sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("metrics-by-country-all"), "Show the top 10"));
        assertThat(((Number) script(driver, "return arguments[0].size", countries)).intValue())
                .isEqualTo(all);
        java.nio.file.Files.write(
                shots.resolve("store-metrics-all-countries-desktop.png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        wait.until(browser -> countries.getRect().getWidth() < 390);
        script(driver, "arguments[0].scrollIntoView()", countries);
        wait.until(ExpectedConditions.visibilityOf(countries));
        java.nio.file.Files.write(
                shots.resolve("store-metrics-all-countries-phone.png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        driver.manage().window().setSize(desktop);

        // Back on Data Integration, the Approved row says how far the data reaches (Lit-rendered cell).
        driver.get(url("my-account/data-integration"));
        WebElement line = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//vaadin-grid-cell-content[contains(., 'Approved')]//span[contains(., 'ata up to')]")));
        assertThat(line.getText())
                .matches("(Importing sales history: \\d+ of 365 days · data|Data) up to \\w{3} \\d{1,2}, \\d{4}");
        java.nio.file.Files.write(
                java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"))
                        .resolve("data-integration-approved-with-data.png"),
                ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

        // An Admin leaves our service user Sales alone (no Finance); once the payments import's access
        // check has run, the Approved row says Payments need the Finance role, and what to do.
        new SandboxControl(port).changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES");
        payments.runBatch();
        driver.get("about:blank");
        driver.manage().window().setSize(new Dimension(1440, 900));
        driver.get(url("my-account/data-integration"));
        WebElement financeLine = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//vaadin-grid-cell-content[contains(., 'Approved')]//span[contains(., 'needs the Finance role')]")));
        assertThat(financeLine.getText())
                .isEqualTo("Payments: needs the Finance role. The Account Holder or an Admin gives"
                        + " integration@storemetrics.example the Finance role in App Store Connect > Users and"
                        + " Access; we see it at the next daily check.");
        script(driver, "arguments[0].scrollIntoView({block: 'center'})", financeLine);
        // The note wraps inside its cell (the Apple ID in it included): nothing runs past the cell's edge,
        // the grid's own cell (in its shadow DOM), which clips what overflows.
        assertThat(script(
                        driver,
                        "const cell = arguments[0].closest('vaadin-grid-cell-content').assignedSlot.parentElement;"
                                + " return arguments[0].getBoundingClientRect().right"
                                + " <= cell.getBoundingClientRect().right + 0.5;",
                        financeLine))
                .as("the note ends inside its cell, no word cut off")
                .isEqualTo(true);
        Files.write(
                Files.createDirectories(Path.of("target", "screenshots"))
                        .resolve("data-integration-finance-role-needed-1440.png"),
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        assertNoErrorToast(driver);
    }
}
