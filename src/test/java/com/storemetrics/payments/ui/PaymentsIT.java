package com.storemetrics.payments.ui;

import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.Accessibility;
import com.storemetrics.BrowserTest;
import com.storemetrics.SandboxControl;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.metrics.MetricsFixture;
import com.storemetrics.metrics.ui.Figures;
import com.storemetrics.payments.PaymentsFixture;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Payments view in a real browser: alice's Approved Pixel Forge Studio, our service Apple ID
 * with the Finance role, the latest published fiscal month imported by the real importer over
 * HTTP (its Sales days are left out: this test is about Apple's settled amounts). The page shows each currency's settled amount equal to the sandbox's Total_Amount, read
 * here from the raw gzip files the way a customer's script would (the trailer line, independently
 * of our client). Screenshots at 1440 and 390 px go to target/screenshots; at 390 px the page does
 * not scroll sideways; axe finds nothing serious at either width.
 */
class PaymentsIT extends BrowserTest {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    FiscalMonth latest;

    @BeforeEach
    void pixelForgeWithTheFinanceRoleAndItsLatestMonth() {
        SandboxControl sandbox = new SandboxControl(port);
        MetricsFixture.serviceUserJoins(sandbox, PIXEL_FORGE);
        long pixelForge = MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
        sandbox.changeRoles(PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID, "SALES", "FINANCE");
        latest = PaymentsFixture.latestPublished(clock.instant());
        PaymentsFixture.importMonths(context, 1);
        MetricsFixture.importSalesDays(
                context, pixelForge, PIXEL_FORGE, PIXEL_FORGE_VENDOR, latest.start(), latest.end());
    }

    @Test
    void alice_sees_the_latest_published_months_settled_amount_per_currency_equal_to_the_sandboxs_total_amount()
            throws Exception {
        Map<String, BigDecimal> totalAmount = new TreeMap<>();
        for (String region : List.of("US", "EU", "GB", "JP", "CA", "AU", "CH", "BR", "MX", "IN", "KR", "SA")) {
            String[] file = financialReport(region);
            if (file != null) {
                totalAmount.merge(file[0], new BigDecimal(file[1]), BigDecimal::add);
            }
        }
        assertThat(totalAmount)
                .as("the sandbox settles in every region of Pixel Forge")
                .hasSize(12);

        signedIn(driver, "alice", "alice-demo-2026");
        driver.manage().window().setSize(new Dimension(1440, 1000));
        driver.get(url("my-account/payments"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payments-grid")));

        for (Map.Entry<String, BigDecimal> currency : totalAmount.entrySet()) {
            String settled = Figures.money(currency.getValue(), currency.getKey());
            wait.until(ExpectedConditions.presenceOfElementLocated(cell(settled)));
        }
        assertThat(driver.findElement(By.id("payments-month")).getText() + " "
                        + driver.findElement(By.id("payments-month")).getAttribute("textContent"))
                .contains(PaymentTexts.fiscalName(latest));
        assertThat(driver.findElement(By.id("payments-currency-note")).getText())
                .isEqualTo(PaymentsView.PER_CURRENCY);
        assertThat(gridSize(driver)).isEqualTo(12);
        assertThat(Accessibility.audit(driver, "payments-desktop")).isEmpty();
        screenshot("payments-desktop.png");
        // The month converted into one currency, below the table: an estimate that names its rates.
        WebElement totals = driver.findElement(By.id("payments-totals"));
        script(driver, "arguments[0].scrollIntoView({block: 'center'})", totals);
        assertThat(totals.getText()).contains("Converted totals (estimated)").contains("reference rates");
        screenshot("payments-totals-desktop.png");

        driver.manage().window().setSize(new Dimension(390, 844));
        wait.until(browser -> Boolean.TRUE.equals(
                script(browser, "return document.documentElement.scrollWidth <= window.innerWidth")));
        WebElement usd = wait.until(
                ExpectedConditions.visibilityOfElementLocated(cell(Figures.money(totalAmount.get("USD"), "USD"))));
        assertThat(usd.getRect().getX() + usd.getRect().getWidth())
                .as("the settled amount is not cut off at the right")
                .isLessThanOrEqualTo(390);
        script(driver, "arguments[0].scrollIntoView()", driver.findElement(By.id("payments-grid")));
        assertThat(Accessibility.audit(driver, "payments-phone")).isEmpty();
        screenshot("payments-phone.png");
        script(driver, "arguments[0].scrollIntoView({block: 'center'})", totals);
        assertThat(totals.getRect().getX() + totals.getRect().getWidth())
                .as("the converted totals fit a phone")
                .isLessThanOrEqualTo(390);
        screenshot("payments-totals-phone.png");
    }

    /** The region's file of the latest published month as Apple serves it: {currency, Total_Amount}, or null for no sales. */
    private String[] financialReport(String region) throws Exception {
        String json = "{\"accesstoken\":\"" + SandboxControl.ALICE_TOKEN + "\",\"version\":\"2.2\","
                + "\"mode\":\"Robot.XML\",\"account\":\"" + PIXEL_FORGE + "\",\"queryInput\":"
                + "\"[p=Reporter.properties, Finance.getReport, " + PIXEL_FORGE_VENDOR + "," + region + ",Financial,"
                + latest.fiscalYear() + "," + latest.period() + "]\"}";
        HttpResponse<byte[]> answer = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/sandbox/apple/reportservice/finance/v1"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "jsonRequest=" + URLEncoder.encode(json, StandardCharsets.UTF_8)))
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() == 404
                && new String(answer.body(), StandardCharsets.UTF_8)
                        .toLowerCase(Locale.ROOT)
                        .contains("no sales")) {
            return null;
        }
        assertThat(answer.statusCode())
                .as("Apple's Financial report of " + region)
                .isEqualTo(200);
        try (BufferedReader tsv = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(answer.body())), StandardCharsets.UTF_8))) {
            List<String> header = List.of(tsv.readLine().split("\t", -1));
            int currencyColumn = header.indexOf("Partner Share Currency");
            String currency = null;
            String total = null;
            for (String line = tsv.readLine(); line != null; line = tsv.readLine()) {
                String[] fields = line.split("\t", -1);
                if (fields[0].trim().equals("Total_Amount")) {
                    total = fields[1].trim();
                } else if (currency == null && fields.length > currencyColumn && !fields[0].startsWith("Total_")) {
                    currency = fields[currencyColumn].trim();
                }
            }
            assertThat(total).as("the Total_Amount line of " + region).isNotNull();
            return new String[] {currency, total};
        }
    }

    private void screenshot(String name) throws Exception {
        Path shots = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(shots.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
