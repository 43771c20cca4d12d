package com.storemetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.storemetrics.verification.MembershipCheck;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the real-browser tests: Debian's headless Chromium driven through its packaged
 * chromedriver (both paths given, so Selenium downloads nothing), against the app on a random port.
 * A test fails if the application logged anything at ERROR level while it ran.
 */
public abstract class BrowserTest extends SpringTest {

    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    @LocalServerPort
    protected int port;

    /** The first browser; {@link #newBrowser()} opens more (another user, another session). */
    protected WebDriver driver;

    protected WebDriverWait wait;
    private final List<WebDriver> browsers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();
    private final ListAppender<ILoggingEvent> errors = new ListAppender<>();

    @BeforeEach
    void startBrowser() throws Exception {
        errors.clearAllFilters();
        errors.addFilter(new ch.qos.logback.core.filter.Filter<>() {
            @Override
            public ch.qos.logback.core.spi.FilterReply decide(ILoggingEvent event) {
                // Atmosphere logs this at ERROR when a browser closes while a push is under way (a
                // quit browser, a closed tab): nothing failed for anyone; every other ERROR fails the test.
                boolean closedWhilePushing = event.getLoggerName().equals("org.atmosphere.cpr.AsynchronousProcessor")
                        && event.getFormattedMessage().startsWith("Failed to cancel resource");
                // Vaadin logs this at ERROR when the browser left the page (a navigation, a closed tab)
                // while a push was on its way: the socket's write fails with an I/O error. Any other
                // cause is a real push failure and fails the test.
                boolean leftWhilePushing =
                        event.getLoggerName().equals("com.vaadin.flow.server.communication.PushAtmosphereHandler")
                                && event.getFormattedMessage().equals("Exception in push connection")
                                && causedByIo(event);
                return event.getLevel().isGreaterOrEqual(Level.ERROR) && !closedWhilePushing && !leftWhilePushing
                        ? ch.qos.logback.core.spi.FilterReply.NEUTRAL
                        : ch.qos.logback.core.spi.FilterReply.DENY;
            }
        });
        errors.start();
        rootLogger().addAppender(errors);
        driver = newBrowser();
        wait = waitFor(driver);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        rootLogger().detachAppender(errors);
        browsers.forEach(WebDriver::quit);
        for (Path profile : profiles) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
        assertThat(errors.list)
                .as("ERROR lines the application logged during the test")
                .extracting(BrowserTest::describe)
                .isEmpty();
    }

    /**
     * Whether the push failed because the browser's socket was gone: an I/O error on the write, or
     * the WebSocket container saying the session is closed (it throws IllegalStateException).
     */
    private static boolean causedByIo(ILoggingEvent event) {
        if (!(event.getThrowableProxy() instanceof ch.qos.logback.classic.spi.ThrowableProxy proxy)) {
            return false;
        }
        for (Throwable cause = proxy.getThrowable(); cause != null; cause = cause.getCause()) {
            boolean socketClosed = cause instanceof IllegalStateException
                    && cause.getMessage() != null
                    && cause.getMessage().contains("session has been closed");
            if (cause instanceof java.io.IOException || socketClosed) {
                return true;
            }
        }
        return false;
    }

    private static String describe(ILoggingEvent event) {
        var thrown = event.getThrowableProxy();
        return event.getLoggerName() + ": " + event.getFormattedMessage()
                + (thrown == null ? "" : " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")");
    }

    private static Logger rootLogger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Another browser with its own profile, so its own cookies and session. */
    protected WebDriver newBrowser() throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                // Pages in background windows keep their timers and push connection running.
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--user-data-dir=" + profile);
        // The browser's console (CSP violations among it) stays readable for tests.
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        browsers.add(browser);
        return browser;
    }

    /** Generous: the first page load in Vaadin development mode warms up the bundle. */
    protected static WebDriverWait waitFor(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    protected String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    protected void signIn(String username, String password) {
        signIn(driver, username, password);
    }

    protected void signIn(WebDriver browser, String username, String password) {
        signIn(browser, port, username, password);
    }

    /** Signs in on the app listening on {@code appPort} (another node, in tests with several). */
    protected static void signIn(WebDriver browser, int appPort, String username, String password) {
        browser.get("http://localhost:" + appPort + "/login");
        WebElement user = waitFor(browser)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("#vaadinLoginUsername input")));
        user.sendKeys(username);
        WebElement pass = browser.findElement(By.cssSelector("#vaadinLoginPassword input"));
        pass.sendKeys(password, Keys.ENTER);
    }

    /** Signs in and waits until the browser has left the login page. */
    protected void signedIn(WebDriver browser, String username, String password) {
        signedIn(browser, port, username, password);
    }

    protected static void signedIn(WebDriver browser, int appPort, String username, String password) {
        signIn(browser, appPort, username, password);
        waitFor(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Identifies the loaded document: it changes when the page is reloaded. */
    protected static String pageIdentity(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript("return window.performance.timeOrigin.toString()");
    }

    protected static Object script(WebDriver browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /**
     * Runs verifier cycles until {@code count} of them reached Apple. The burst after a Finish runs
     * cycles of its own meanwhile; a cycle already running in this node makes {@code run} return
     * at once, so it is simply tried again.
     */
    protected static void completeChecks(MembershipCheck check, int count) {
        AtomicInteger completed = new AtomicInteger();
        await(count + " verifier cycle(s) to reach Apple")
                .atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> check.run("test") == MembershipCheck.CycleResult.CHECKED
                        && completed.incrementAndGet() == count);
    }

    protected static By cell(String text) {
        return By.xpath("//vaadin-grid-cell-content[contains(., '" + text + "')]");
    }

    /** How many rows the grid says it has (its data provider's count, as sent to the browser). */
    protected static long gridSize(WebDriver browser) {
        Object size =
                script(browser, "const grid = document.querySelector('vaadin-grid'); return grid ? grid.size : -1;");
        return size == null ? -1 : ((Number) size).longValue();
    }

    protected static void assertNoErrorToast(WebDriver browser) {
        Object toasts = script(
                browser,
                "return Array.from(document.querySelectorAll('vaadin-notification-card'))"
                        + ".map(card => card.textContent).join('\\n');");
        assertThat(String.valueOf(toasts)).doesNotContain("Something went wrong");
    }

    /**
     * Steps 1 and 2 of the Connect dialog in the browser, as a customer does them: opens the dialog,
     * validates {@code accessToken}, ticks {@code account} once step 2 shows {@code accountShows}, and
     * presses Next, so the dialog stands at step 3.
     */
    protected void connectUpToStepThree(String accessToken, String account, String accountShows) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("connect-app-store")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#access-token input")))
                .sendKeys(accessToken);
        driver.findElement(By.id("validate-credential")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-outcome"), "Valid."));
        driver.findElement(By.id("dialog-next")).click();
        By checkbox = By.xpath("//vaadin-checkbox[contains(., '" + account + "')]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(checkbox, accountShows));
        driver.findElement(checkbox).click();
        driver.findElement(By.id("dialog-next")).click();
    }
}
