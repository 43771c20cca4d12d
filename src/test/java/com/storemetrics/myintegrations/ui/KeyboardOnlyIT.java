package com.storemetrics.myintegrations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.BrowserTest;
import com.storemetrics.SandboxControl;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole funnel by keyboard alone, as a customer who cannot use a mouse does it: every key goes
 * to whatever has the focus, never to an element the test picked. Tab, Shift+Tab, Enter, Space
 * and Escape, plus Home and End inside the grid, whose cells are navigated as WAI-ARIA's grid
 * pattern (and Vaadin's grid) prescribes. The focus is visible at every stop, lands on the first
 * field when a dialog opens and returns to what opened it when it closes.
 */
class KeyboardOnlyIT extends BrowserTest {

    /**
     * What has the focus, down into shadow roots (a grid's focused cell lives in the grid's): the
     * ids of it and around it, its label, its slot, the checkbox around it and its text (a grid
     * cell: "body-cell" or "other-cell", and what it shows).
     */
    private static final String FOCUSED = "let e = document.activeElement;"
            + "if (!e || e === document.body) return 'body';"
            + "while (e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;"
            + "let text = e.textContent || '';"
            + "if (e.tagName === 'TD' || e.tagName === 'TH') {"
            + "  const slot = e.querySelector('slot');"
            + "  const content = slot ? slot.assignedElements()[0] : null;"
            + "  const part = e.getAttribute('part') || '';"
            + "  text = (part.includes('body-cell') ? 'body-cell ' : 'other-cell ') + (content ? content.textContent : '');"
            + "}"
            + "const ids = [];"
            + "for (let x = e; x; x = x.parentElement) if (x.id) ids.push(x.id);"
            + "const box = e.closest('vaadin-checkbox');"
            + "return [ids.join(','), e.getAttribute('aria-label') || '', e.getAttribute('slot') || '',"
            + " box ? box.textContent : '', text].join(' | ').trim().replace(/\\s+/g, ' ').slice(0, 300);";

    /**
     * Whether the focus is shown: the browser's :focus-visible, Vaadin's focus-ring on the component,
     * or the grid's keyboard-navigation state, which draws the ring on the focused cell.
     */
    private static final String FOCUS_SHOWN = "const top = document.activeElement;"
            + "if (!top) return false;"
            + "let e = top;"
            + "while (e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;"
            + "return e.matches(':focus-visible') || top.hasAttribute('focus-ring') || !!top.closest('[focus-ring]')"
            + " || (top.tagName === 'VAADIN-GRID' && top.hasAttribute('navigating'));";

    @Test
    void a_customer_connects_opens_details_and_removes_an_integration_with_the_keyboard_alone() {
        signedIn(driver, "alice", "alice-demo-2026");
        driver.get(url("my-account/data-integration"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("connect-app-store")));

        tabUntil("connect-app-store");
        press(Keys.ENTER);
        wait.until(driver -> focused().contains("access-token"));
        assertThat(focusShown()).as("the first field has a visible focus").isTrue();

        press(SandboxControl.ALICE_TOKEN);
        tabUntil("validate-credential");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-outcome"), "Valid."));
        tabUntil("dialog-next");
        press(Keys.SPACE);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connect-step-label"), "Step 2"));
        tabUntil("Pixel Forge Studio");
        press(Keys.SPACE);
        tabUntil("dialog-next");
        press(Keys.ENTER);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("connect-step-label"), "Step 3"));
        tabUntil("invited-confirmation");
        press(Keys.SPACE);
        tabUntil("dialog-finish");
        press(Keys.ENTER);

        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay[opened]")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Pending")));
        wait.until(driver -> focused().contains("connect-app-store"));

        // Into the grid: its body row, then its last cell (the actions), then into the cell.
        tabUntil("body-cell");
        assertThat(focused()).contains("Pixel Forge Studio");
        press(Keys.END);
        press(Keys.ENTER);
        wait.until(driver -> focused().contains("Details of Pixel Forge Studio"));
        press(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay[opened]")));
        press(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay[opened]")));
        wait.until(driver -> focused().contains("Details of Pixel Forge Studio"));

        tabUntil("Remove Pixel Forge Studio");
        press(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay[opened]")));
        press(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay[opened]")));
        assertThat(gridSize(driver)).as("Escape cancels the removal").isEqualTo(1);
        wait.until(driver -> focused().contains("Remove Pixel Forge Studio"));

        press(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-dialog-overlay[opened]")));
        tabUntil("removal-confirm");
        press(Keys.ENTER);
        wait.until(driver -> gridSize(driver) == 0);
        assertNoErrorToast(driver);
    }

    private void press(CharSequence keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /**
     * Tab (or Shift+Tab, when forwards never gets there) until the focus is on something whose id,
     * label or text contains {@code wanted}; that stop must show its focus.
     */
    private void tabUntil(String wanted) {
        for (CharSequence direction : new CharSequence[] {Keys.TAB, Keys.chord(Keys.SHIFT, Keys.TAB)}) {
            for (int step = 0; step < 40; step++) {
                if (focused().contains(wanted)) {
                    assertThat(focusShown())
                            .as("a visible focus on " + focused())
                            .isTrue();
                    return;
                }
                press(direction);
            }
        }
        throw new AssertionError("Tab never reached " + wanted + "; the focus is on " + focused());
    }

    private String focused() {
        return String.valueOf(script(driver, FOCUSED));
    }

    private boolean focusShown() {
        return Boolean.TRUE.equals(script(driver, FOCUS_SHOWN));
    }
}
