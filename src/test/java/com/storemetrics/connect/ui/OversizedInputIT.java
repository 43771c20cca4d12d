package com.storemetrics.connect.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A huge paste into the connection dialog's token field, in a real browser: a paste is cut by the
 * field's maxlength and the dialog says why; a value past it that still reaches the wire (a script,
 * an old browser) makes the tab say what happened and reload on a click, instead of retrying the
 * same oversized message for ever behind "reconnecting".
 */
class OversizedInputIT extends BrowserTest {

    /** About what the probe pasted. */
    static final int PASTE_CHARS = 600 * 1024;

    @Test
    void a_huge_paste_is_cut_at_the_fields_maxlength_and_the_dialog_says_why() {
        WebElement token = openTokenField();

        script(
                driver,
                "arguments[0].focus(); document.execCommand('insertText', false, 'x'.repeat(arguments[1]));",
                token,
                PASTE_CHARS);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-outcome"), "too long"));
        assertThat(driver.findElement(By.id("token-outcome")).getText())
                .contains(String.format("%,d", CredentialStep.MAX_TOKEN_CHARS))
                .contains("Paste only");
        assertThat(token.getAttribute("maxlength")).isEqualTo(Integer.toString(CredentialStep.MAX_TOKEN_CHARS));
        assertThat(script(driver, "return arguments[0].value.length", token))
                .as("the field dropped the cut paste")
                .isEqualTo(0L);
    }

    @Test
    void a_value_past_the_request_limit_makes_the_tab_say_so_and_a_click_reloads_it_into_a_working_page() {
        WebElement token = openTokenField();
        String pageBefore = pageIdentity(driver);

        // What a script (or a browser ignoring maxlength) does: a value set past the field's limit.
        script(
                driver,
                "arguments[0].value = 'x'.repeat(arguments[1]);"
                        + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                token,
                PASTE_CHARS * 2);

        WebElement error = new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".v-system-error")));
        assertThat(error.getText()).contains("too much to send").contains("reload");

        error.click();

        wait.until(d -> !pageIdentity(d).equals(pageBefore));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("connect-app-store")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#access-token input")));
    }

    private WebElement openTokenField() {
        signedIn(driver, "alice", "alice-demo-2026");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("connect-app-store")))
                .click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#access-token input")));
    }
}
