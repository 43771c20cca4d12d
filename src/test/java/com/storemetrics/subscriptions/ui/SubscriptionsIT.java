package com.storemetrics.subscriptions.ui;

import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.BrowserTest;
import com.storemetrics.SandboxControl;
import com.storemetrics.metrics.ui.Figures;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The README's promise in a real browser: alice connects Pixel Forge Studio, it turns Approved, and
 * within a minute Subscriptions shows the latest published day's active paid subscriptions, equal to
 * the sandbox's Subscription report for that day. The expected number is read the way a customer's
 * script would read it from Apple: the Reporter over HTTP, the gzip TSV added up by header name
 * here, independently of our client and importer. The importer runs as in production (db-scheduler
 * every 3 s, and right after the approval). Screenshots at 1440 and 390 px go to target/screenshots.
 */
@TestPropertySource(
        properties = {"storemetrics.metrics.import-interval=3s", "storemetrics.metrics.start-on-approval=true"})
class SubscriptionsIT extends BrowserTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final DateTimeFormatter REPORT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    Clock clock;

    @Test
    void alices_approved_pixel_forge_shows_the_latest_published_days_active_paid_subscriptions_of_the_sandbox()
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

        driver.manage().window().setSize(new Dimension(1440, 1000));
        // The side menu's own item (its parent "My Account" contains the word too).
        driver.findElement(
                        By.xpath("//vaadin-side-nav-item[not(.//vaadin-side-nav-item)][contains(., 'Subscriptions')]"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("subscriptions")));

        // The newest day Apple (the sandbox) has published: walk back from today until it answers a file.
        LocalDate newest = LocalDate.now(clock.withZone(PACIFIC));
        OptionalLong activePaid = activePaidFromTheSandbox(newest);
        for (int back = 1; activePaid.isEmpty() && back <= 4; back++) {
            newest = newest.minusDays(1);
            activePaid = activePaidFromTheSandbox(newest);
        }
        assertThat(activePaid)
                .as("a published Subscription report in the last 4 days")
                .isPresent();
        assertThat(activePaid.getAsLong())
                .as("Pixel Forge has paying subscribers")
                .isPositive();

        try {
            new WebDriverWait(driver, Duration.ofSeconds(60))
                    .until(ExpectedConditions.textToBe(
                            By.id("card-active-paid-value"), Figures.count(activePaid.getAsLong())));
        } catch (RuntimeException notShown) {
            screenshot("subscriptions-not-shown.png");
            throw notShown;
        }

        assertThat(Duration.ofNanos(System.nanoTime() - approvedAt)).isLessThan(Duration.ofMinutes(1));
        assertThat(driver.findElement(By.id("card-active-paid-change")).getText())
                .startsWith("on " + Figures.DAY.format(newest));
        assertThat(driver.findElement(By.id("freshness")).getText()).startsWith("Apple has published up to ");
        assertThat(driver.findElement(By.id("subscription-chart-text")).getAttribute("textContent"))
                .startsWith("Chart of active paid subscriptions and free trials, per day:");
        // Keyboard: the cards take focus, and the focused card's definition shows as its tooltip.
        WebElement mrr = driver.findElement(By.id("card-mrr"));
        driver.findElement(By.id("card-churn")).sendKeys(Keys.TAB);
        wait.until(browser -> mrr.equals(browser.switchTo().activeElement()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("vaadin-tooltip-overlay")));
        screenshot("subscriptions-desktop.png");
        // Cancellations by reason: a plain table, its columns named for screen readers.
        WebElement reasons =
                driver.findElement(By.cssSelector("table.figure-table[aria-label='Cancellations by reason']"));
        assertThat(reasons.findElements(By.cssSelector("thead th[scope=col]")))
                .extracting(WebElement::getText)
                .containsExactly("Reason", "Cancellations", "Share");
        assertThat(reasons.findElements(By.cssSelector("tbody th[scope=row]"))).isNotEmpty();
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", reasons);
        screenshot("subscriptions-reasons-desktop.png");

        driver.manage().window().setSize(new Dimension(390, 844));
        wait.until(browser ->
                browser.findElement(By.id("card-active-paid")).getRect().getWidth() < 390);
        assertThat(driver.findElement(By.id("card-active-paid")).getCssValue("border-top-style"))
                .isEqualTo("solid");
        screenshot("subscriptions-phone.png");
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", reasons);
        assertThat(reasons.getRect().getX() + reasons.getRect().getWidth())
                .as("the reasons table fits a phone")
                .isLessThanOrEqualTo(390);
        screenshot("subscriptions-reasons-phone.png");
    }

    /**
     * The day's active paid subscriptions as Pixel Forge's Subscription report says them: every row's
     * standard-price, pay-up-front and pay-as-you-go columns added up (docs/subscriptions.md), or
     * empty while Apple answers that the day is not available yet.
     */
    private OptionalLong activePaidFromTheSandbox(LocalDate day) throws Exception {
        String json = "{\"accesstoken\":\"" + SandboxControl.ALICE_TOKEN + "\",\"version\":\"2.2\","
                + "\"mode\":\"Robot.XML\",\"account\":\"" + PIXEL_FORGE + "\",\"queryInput\":"
                + "\"[p=Reporter.properties, Sales.getReport, " + PIXEL_FORGE_VENDOR + ",Subscription,Summary,Daily,"
                + REPORT_DATE.format(day) + ",1_4]\"}";
        HttpResponse<byte[]> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sandbox/apple/reportservice/sales/v1"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "jsonRequest=" + URLEncoder.encode(json, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() == 404
                && new String(answer.body(), StandardCharsets.UTF_8).contains("not available yet")) {
            return OptionalLong.empty();
        }
        assertThat(answer.statusCode()).as("the Reporter's answer for " + day).isEqualTo(200);
        try (BufferedReader tsv = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(answer.body())), StandardCharsets.UTF_8))) {
            String[] header = tsv.readLine().split("\t", -1);
            List<Integer> paidColumns = new ArrayList<>();
            for (int column = 0; column < header.length; column++) {
                String name = header[column].trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
                boolean paid = name.startsWith("active standard price")
                        || name.contains("pay up front")
                        || name.contains("pay as you go");
                if (paid && !name.contains("free trial")) {
                    paidColumns.add(column);
                }
            }
            assertThat(paidColumns)
                    .as("paid count columns in " + String.join("|", header))
                    .hasSizeGreaterThan(3);
            long sum = 0;
            for (String line = tsv.readLine(); line != null; line = tsv.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                for (int column : paidColumns) {
                    sum += Long.parseLong(fields[column].trim());
                }
            }
            return OptionalLong.of(sum);
        }
    }

    private void screenshot(String name) throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
