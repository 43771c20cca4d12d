package com.storemetrics.sandbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.storemetrics.base.NodeLocalState;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The development mailbox: GreenMail's SMTP and IMAP servers on this machine only (127.0.0.1),
 * started with the sandbox when {@code storemetrics.sandbox.mail.enabled=true} (the dev profile:
 * SMTP 3025, IMAP 3143). Every recipient gets a mailbox whose login and password are its address,
 * so an IMAP client can read alice@pixelforge.example's mail; the console's Mail page lists it all.
 */
@Component
@ConditionalOnSandbox
@ConditionalOnProperty(name = "storemetrics.sandbox.mail.enabled", havingValue = "true")
public class SandboxMailServer implements NodeLocalState {

    private static final Logger log = LoggerFactory.getLogger(SandboxMailServer.class);
    private static final String LOOPBACK = "127.0.0.1";

    /** One received message as the console shows it (one per recipient, as mailboxes hold them). */
    public record Received(Instant at, String to, String from, String subject, String text) {}

    private final GreenMail greenMail;

    SandboxMailServer(
            @Value("${storemetrics.sandbox.mail.smtp-port:3025}") int smtpPort,
            @Value("${storemetrics.sandbox.mail.imap-port:3143}") int imapPort) {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, LOOPBACK, ServerSetup.PROTOCOL_IMAP)
        });
        greenMail.start();
        log.info(
                "Development mailbox (GreenMail): SMTP {}:{}, IMAP {}:{}; log in with an address as user and password",
                LOOPBACK,
                greenMail.getSmtp().getPort(),
                LOOPBACK,
                greenMail.getImap().getPort());
    }

    /** Every message received, newest first. */
    public List<Received> received() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(SandboxMailServer::received)
                .sorted(Comparator.comparing(Received::at).reversed())
                .toList();
    }

    /** Empties every mailbox (the console's button; the tests' known state). */
    @Override
    public void clear() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception failure) {
            throw new IllegalStateException("Could not empty the development mailboxes", failure);
        }
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    @PreDestroy
    void stop() {
        greenMail.stop();
    }

    private static Received received(MimeMessage message) {
        try {
            Instant at = message.getReceivedDate() != null
                    ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.EPOCH;
            return new Received(
                    at,
                    addresses(message.getAllRecipients()),
                    addresses(message.getFrom()),
                    message.getSubject(),
                    plainText(message));
        } catch (MessagingException unreadable) {
            return new Received(Instant.EPOCH, "", "", "(unreadable: " + unreadable.getMessage() + ")", "");
        }
    }

    /** The message's text/plain part (the whole body when it has no parts). */
    private static String plainText(Part part) throws MessagingException {
        try {
            if (part.isMimeType("text/plain")) {
                return String.valueOf(part.getContent());
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = plainText(multipart.getBodyPart(i));
                    if (text != null) {
                        return text;
                    }
                }
                return null;
            }
            return part instanceof MimeMessage message ? GreenMailUtil.getBody(message) : null;
        } catch (IOException unreadable) {
            throw new MessagingException("Unreadable message body", unreadable);
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null
                ? ""
                : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }
}
