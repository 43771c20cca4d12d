package com.storemetrics.sandbox.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.KaribuTest;
import com.storemetrics.sandbox.SandboxMailServer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SandboxMailViewTest extends KaribuTest {

    @Autowired
    SandboxMailServer mail;

    @Test
    void the_development_mailbox_lists_what_arrived_over_smtp_with_its_text() throws Exception {
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(smtp));
        message.setFrom(new InternetAddress("notices@storemetrics.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@pixelforge.example"));
        message.setSubject("Approved: Pixel Forge Studio is connected to Storemetrics");
        message.setText("Open Store Metrics: http://localhost:8080/my-account/store-metrics");
        Transport.send(message);

        login("alice");
        UI.getCurrent().navigate(SandboxMailView.ROUTE);

        SandboxMailView view = _get(SandboxMailView.class);
        Details first = (Details) view.messages.getComponentAt(0);
        assertThat(first.getSummaryText())
                .contains("To alice@pixelforge.example")
                .contains("Approved: Pixel Forge Studio is connected to Storemetrics");
        assertThat(mail.received().get(0).text()).contains("http://localhost:8080/my-account/store-metrics");
    }
}
