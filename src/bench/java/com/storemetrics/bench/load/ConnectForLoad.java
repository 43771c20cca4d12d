package com.storemetrics.bench.load;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Prepares a running app for {@link VaadinLoadBenchmark}'s push-latency triggers, the way a person
 * does it, in Debian's Chromium: Alice connects Pixel Forge Studio (100001) and Alice Martin
 * (100002) and nobody invites our service Apple ID yet, so both rows are Pending. The harness's
 * triggers then invite it (every open session of Alice sees Approved) or remove it. Accounts Alice
 * has connected already are skipped. Run on a fresh database ({@code ./data} removed), with
 * {@code --base=http://localhost:PORT}. (Bob connecting Pixel Forge Studio too, so that one trigger
 * reaches both customers, is not scripted yet: his step 2 kept Next disabled in this script.)
 */
public final class ConnectForLoad {

    private ConnectForLoad() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 && args[0].startsWith("--base=")
                ? args[0].substring("--base=".length())
                : "http://localhost:8080";
        connect(
                base,
                "alice",
                "alice-demo-2026",
                "a11ce000-0000-4000-8000-000000000002",
                "Pixel Forge Studio",
                "Alice Martin");
        System.out.println("Pending: alice's Pixel Forge Studio and Alice Martin");
    }

    private static void connect(String base, String user, String password, String token, String... accounts)
            throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            browser.get(base + "/login");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")))
                    .sendKeys(user);
            browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            browser.get(base + "/" + SimulatedCustomer.ROUTE);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("connect-app-store")))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#access-token input")))
                    .sendKeys(token);
            browser.findElement(By.id("validate-credential")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-outcome"), "Valid."));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("dialog-next")))
                    .click();
            int ticked = 0;
            for (String account : accounts) {
                By checkbox = By.xpath("//vaadin-checkbox[contains(., '" + account + "')]");
                // The step re-renders its list while it settles: a box found a moment ago can be
                // replaced, so it is looked up again until it says it is ticked.
                String outcome = wait.ignoring(StaleElementReferenceException.class)
                        .until(driver -> {
                            WebElement box = driver.findElement(checkbox);
                            if (!box.isDisplayed()) {
                                return null;
                            }
                            if (box.getAttribute("disabled") != null) {
                                return "connected already";
                            }
                            if (box.getAttribute("checked") != null) {
                                return "ticked";
                            }
                            // A click while the step still renders can be lost: look again.
                            box.click();
                            return null;
                        });
                if (!outcome.equals("ticked")) {
                    System.out.println(user + " has " + account + " connected already");
                    continue;
                }
                ticked++;
            }
            if (ticked == 0) {
                return;
            }
            wait.until(ExpectedConditions.elementToBeClickable(By.id("dialog-next")))
                    .click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("invited-confirmation")))
                    .click();
            browser.findElement(By.id("dialog-finish")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//vaadin-grid-cell-content[contains(., 'Pending')]")));
            System.out.println(user + " connected " + String.join(", ", accounts) + ": Pending");
        } finally {
            browser.quit();
        }
    }
}
