package com.storemetrics.metrics.ui;

import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE;
import static com.storemetrics.metrics.MetricsFixture.PIXEL_FORGE_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.BrowserTest;
import com.storemetrics.SandboxControl;
import com.storemetrics.metrics.MetricsFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Custom days in a real browser: a date typed far outside what the pickers offer (year 1, which
 * broke the picker with "RangeError: Invalid time value") is answered on the picker with the reason,
 * with no script error in the browser and no ERROR line on the server (BrowserTest checks that).
 */
class CustomDaysIT extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void approvePixelForgeForAlice() {
        MetricsFixture.serviceUserJoins(new SandboxControl(port), PIXEL_FORGE);
        MetricsFixture.approved(jdbc, "alice", PIXEL_FORGE, "Pixel Forge Studio", PIXEL_FORGE_VENDOR);
    }

    @Test
    void year_one_typed_into_the_first_day_is_refused_on_the_picker_without_a_script_error() {
        signedIn(driver, "alice", "alice-demo-2026");
        driver.get(url("my-account/store-metrics"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("metrics-period")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//vaadin-select-item[normalize-space(.)='Custom']")))
                .click();
        WebElement from =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#custom-from input")));

        from.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1/1/0001", Keys.ENTER);

        WebElement picker = driver.findElement(By.id("custom-from"));
        wait.until(d -> Boolean.TRUE.equals(script(d, "return arguments[0].invalid", picker)));
        // The browser sends year 1 as a day out of range, or as text it could not read: either way the reason.
        assertThat((String) script(driver, "return arguments[0].errorMessage", picker))
                .matches("Choose (days|a first day) from \\w{3} \\d{1,2}, \\d{4} to \\w{3} \\d{1,2}, \\d{4}.*");
        assertThat(script(driver, "return arguments[0].min", picker)).isNotNull();
        List<String> scriptErrors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("RangeError") || message.contains("Uncaught"))
                .toList();
        assertThat(scriptErrors).isEmpty();
        assertNoErrorToast(driver);
    }
}
