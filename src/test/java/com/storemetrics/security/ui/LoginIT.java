package com.storemetrics.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

class LoginIT extends BrowserTest {

    @Test
    void alice_signs_in_through_the_form_and_sees_data_integration() {
        signIn("alice", "alice-demo-2026");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("data-integration")));
        assertThat(driver.getCurrentUrl()).endsWith("/my-account/data-integration");
        assertThat(driver.findElement(By.id("signed-in-user")).getText()).isEqualTo("Alice Martin (Pixel Forge)");
    }

    @Test
    void a_wrong_password_shows_the_login_error() {
        signIn("alice", "not-her-password");

        wait.until(ExpectedConditions.urlContains("error"));
        var form = wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return arguments[0].error", form)));
        // The message is rendered inside the form's shadow DOM: collect text through shadow roots.
        String shown = (String) ((JavascriptExecutor) driver)
                .executeScript(
                        "const text = n => n.nodeType === 3 ? n.textContent"
                                + " : [...(n.shadowRoot ? n.shadowRoot.childNodes : []), ...n.childNodes].map(text).join(' ');"
                                + "return text(arguments[0]);",
                        form);
        assertThat(shown).contains("Incorrect username or password").doesNotContain("alice");
    }

    @Test
    void a_signed_in_user_opening_an_unknown_address_sees_the_not_found_page() {
        signIn("alice", "alice-demo-2026");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("data-integration")));

        driver.get(url("no/such/page"));

        var notFound = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertThat(notFound.getText()).contains("Page not found").doesNotContain("Exception");
    }
}
