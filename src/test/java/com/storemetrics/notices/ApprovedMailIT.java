package com.storemetrics.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.storemetrics.BrowserTest;
import com.storemetrics.SandboxControl;
import com.storemetrics.TestClock;
import com.storemetrics.TestMailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Alice connects Pixel Forge Studio in a real browser, the account holder invites our service user,
 * and alice's mailbox receives "approved", whose link opens Store Metrics in her session.
 */
class ApprovedMailIT extends BrowserTest {

    @RegisterExtension
    static GreenMailExtension mailbox = TestMailbox.extension();

    @Autowired
    MailDelivery delivery;

    @Autowired
    TestClock clock;

    @Test
    void alice_receives_approved_with_a_link_that_opens_store_metrics() throws Exception {
        signIn("alice", "alice-demo-2026");
        connectUpToStepThree(SandboxControl.ALICE_TOKEN, "Pixel Forge Studio", " app");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("service-apple-id"), SandboxControl.SERVICE_APPLE_ID));
        driver.findElement(By.id("invited-confirmation")).click();
        driver.findElement(By.id("dialog-finish")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Pending")));

        new SandboxControl(port).invite(SandboxControl.PIXEL_FORGE, SandboxControl.SERVICE_APPLE_ID);
        wait.until(ExpectedConditions.visibilityOfElementLocated(cell("Approved")));
        // The delivery's recurring run waits an hour in tests: run it now, as it would within seconds once
        // the grouping window (a minute) has passed.
        clock.advance(Duration.ofSeconds(61));
        assertThat(delivery.deliverDue().sent()).isEqualTo(1);

        MimeMessage[] received = mailbox.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(Mails.to(received[0])).containsExactly("alice@pixelforge.example");
        assertThat(Mails.subject(received[0])).isEqualTo("Approved: Pixel Forge Studio is connected to Storemetrics");
        Matcher link = Pattern.compile("Open Store Metrics: (\\S+)").matcher(Mails.plain(received[0]));
        assertThat(link.find()).isTrue();

        // The app's public URL is configured (storemetrics.mail.app-url); this test's app listens elsewhere.
        driver.get(link.group(1).replace("http://localhost:8080/", url("")));

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("store-metrics")));
        assertThat(driver.getCurrentUrl()).endsWith("/my-account/store-metrics");
        assertNoErrorToast(driver);
    }
}
