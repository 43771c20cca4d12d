package com.storemetrics.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.BrowserTest;
import com.storemetrics.SandboxControl;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Content-Security-Policy leaves Vaadin working in a real Chromium: sign-in (the form posts
 * Spring's CSRF token from the page's meta tags), the Data Integration page, and an answer that
 * arrives by server push; the browser reports no CSP violation on the way.
 */
class ContentSecurityPolicyIT extends BrowserTest {

    @Test
    void signing_in_and_validating_a_token_works_under_the_policy_without_a_violation() {
        signIn("alice", "alice-demo-2026");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("connect-app-store")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#access-token input")))
                .sendKeys(SandboxControl.ALICE_TOKEN);
        driver.findElement(By.id("validate-credential")).click();
        // The check runs in the background; its answer comes back through push.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-outcome"), "Valid."));

        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message ->
                        message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
        assertThat(violations).isEmpty();
    }
}
