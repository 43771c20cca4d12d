package com.storemetrics.notices;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Delivers due outbox messages, oldest first, at most {@code batch-size} a run (db-scheduler runs it
 * on one node at a time; {@link MailScheduler}). Per message: record the attempt ("sending",
 * committed), then talk to SMTP, then record the outcome. Whatever stops a node between the second
 * and third step leaves the message "sending"; the next run after {@code unknown-after} marks it
 * unknown, final, never sent again (docs/notices.md: never a double send). No SMTP configured
 * ({@code spring.mail.host} unset): messages wait, pending.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    /** What one run did, for tests and the log. */
    public record Run(int sent, int retrying, int failed, int unknown, int abandoned) {}

    private final OutboxStore store;
    private final NoticeMessages messages;
    private final NoticeProperties properties;
    private final Clock clock;
    private final Optional<SmtpSender> smtp;

    MailDelivery(
            OutboxStore store,
            NoticeMessages messages,
            NoticeProperties properties,
            Clock clock,
            ObjectProvider<JavaMailSenderImpl> mail) {
        this.store = store;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
        this.smtp = Optional.ofNullable(mail.getIfAvailable()).map(SmtpSender::new);
        if (smtp.isEmpty()) {
            log.warn("No SMTP server configured (spring.mail.host): e-mail notices wait in the outbox, unsent");
        }
    }

    /** One run: gives up on abandoned "sending" messages, then sends a batch of due ones. */
    public Run deliverDue() {
        Instant now = clock.instant();
        int abandoned = store.giveUpOnAbandoned(now.minus(properties.unknownAfter()), now);
        if (abandoned > 0) {
            log.warn(
                    "{} e-mail notice(s) were left sending by a sender that stopped: marked unknown, not resent",
                    abandoned);
        }
        if (smtp.isEmpty()) {
            return new Run(0, 0, 0, 0, abandoned);
        }
        int sent = 0, retrying = 0, failed = 0, unknown = 0;
        for (OutboxMessage message : store.due(now, properties.batchSize())) {
            if (!store.claim(message.id(), clock.instant())) {
                continue;
            }
            SmtpOutcome outcome = send(message);
            switch (outcome.result()) {
                case SENT -> {
                    store.finish(message.id(), OutboxStore.SENT, outcome.detail(), clock.instant());
                    sent++;
                }
                case FAILED -> {
                    store.finish(message.id(), OutboxStore.FAILED, outcome.detail(), clock.instant());
                    log.info("E-mail notice {} failed for good: {}", message.id(), outcome.detail());
                    failed++;
                }
                case UNKNOWN -> {
                    store.finish(message.id(), OutboxStore.UNKNOWN, outcome.detail(), clock.instant());
                    log.warn("E-mail notice {} may or may not have been delivered: {}", message.id(), outcome.detail());
                    unknown++;
                }
                case RETRY -> {
                    if (message.attempts() + 1 >= properties.maxAttempts()) {
                        store.finish(
                                message.id(),
                                OutboxStore.FAILED,
                                "Gave up after " + (message.attempts() + 1) + " attempts. Last: " + outcome.detail(),
                                clock.instant());
                        failed++;
                    } else {
                        Instant next = clock.instant().plus(properties.backoff().after(message.attempts() + 1));
                        store.retryLater(message.id(), outcome.detail(), next);
                        retrying++;
                    }
                }
            }
        }
        if (retrying > 0) {
            log.info("{} e-mail notice(s) wait for the SMTP server: {} sent in this run", retrying, sent);
        }
        return new Run(sent, retrying, failed, unknown, abandoned);
    }

    /** Builds and hands over one claimed message; building fails only for an unusable address. */
    SmtpOutcome send(OutboxMessage message) {
        SmtpSender sender = smtp.orElseThrow();
        MimeMessage mime;
        try {
            mime = messages.build(message, sender.session());
        } catch (NoticeMessages.BadRecipient bad) {
            return SmtpOutcome.failed(bad.getMessage());
        } catch (MessagingException unbuildable) {
            // Our own fault (a bad sender address in the configuration, ...): nothing reached the server.
            log.error("Could not build e-mail notice {}", message.id(), unbuildable);
            return SmtpOutcome.retry("Could not build the message: " + unbuildable.getMessage());
        }
        return sender.send(mime);
    }
}
