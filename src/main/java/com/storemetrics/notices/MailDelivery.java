package com.storemetrics.notices;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Delivers due outbox messages, oldest first, at most {@code batch-size} e-mails a run (db-scheduler
 * runs it on one node at a time; {@link MailScheduler}). A customer's messages written within the
 * grouping window of their oldest go out as one e-mail. Per e-mail: record the attempt of every
 * message in it ("sending", committed), then talk to SMTP, then record the outcome of all of them. Whatever stops a node between the second
 * and third step leaves the message "sending"; the next run after {@code unknown-after} marks it
 * unknown, final, never sent again (docs/notices.md: never a double send). No SMTP configured
 * ({@code spring.mail.host} unset): messages wait, pending.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    /** Indexes of a run's counts. */
    private static final int SENT = 0, RETRYING = 1, FAILED = 2, UNKNOWN = 3;

    /** What one run did, in e-mails (a group counts once), for tests and the log. */
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

    /**
     * One run: sends again what a stopped sender claimed but never handed over, gives up on what it
     * handed over without recording the answer (unknown), then sends up to {@code batch-size} e-mails,
     * each one group (a customer's messages within the grouping window of the oldest), oldest first.
     * A customer whose next group is due once the previous one left is served again in the same run.
     */
    public Run deliverDue() {
        Instant now = clock.instant();
        int released = store.releaseNotHandedOver(now.minus(properties.unknownAfter()), now);
        if (released > 0) {
            log.warn(
                    "{} e-mail notice(s) were left claimed by a sender that stopped before handing them to the SMTP"
                            + " server: they are sent again",
                    released);
        }
        int abandoned = store.giveUpOnAbandoned(now.minus(properties.unknownAfter()), now);
        if (abandoned > 0) {
            log.warn(
                    "{} e-mail notice(s) were left sending by a sender that stopped: marked unknown, not resent",
                    abandoned);
        }
        if (smtp.isEmpty()) {
            return new Run(0, 0, 0, 0, abandoned);
        }
        int[] counts = new int[4];
        int groups = 0;
        while (groups < properties.batchSize()) {
            Instant at = clock.instant();
            List<OutboxMessage> leads =
                    store.dueLeads(at, at.minus(properties.groupWindow()), properties.batchSize() - groups);
            if (leads.isEmpty()) {
                break;
            }
            for (OutboxMessage lead : leads) {
                groups++;
                deliverGroup(lead, counts);
            }
        }
        if (counts[RETRYING] > 0) {
            log.info("{} e-mail(s) wait for the SMTP server: {} sent in this run", counts[RETRYING], counts[SENT]);
        }
        return new Run(counts[SENT], counts[RETRYING], counts[FAILED], counts[UNKNOWN], abandoned);
    }

    /** Claims the lead's group (or nothing, if another run has it), sends it as one e-mail, records it. */
    private void deliverGroup(OutboxMessage lead, int[] counts) {
        List<OutboxMessage> group =
                store.claimGroup(lead, lead.createdAt().plus(properties.groupWindow()), clock.instant());
        if (group.isEmpty()) {
            return;
        }
        SmtpOutcome outcome = send(group);
        int attempts = group.stream().mapToInt(OutboxMessage::attempts).max().orElse(1);
        switch (outcome.result()) {
            case SENT -> {
                store.finishGroup(lead.id(), OutboxStore.SENT, outcome.detail(), clock.instant());
                counts[SENT]++;
            }
            case FAILED -> {
                store.finishGroup(lead.id(), OutboxStore.FAILED, outcome.detail(), clock.instant());
                log.info("E-mail notice {} failed for good: {}", lead.id(), outcome.detail());
                counts[FAILED]++;
            }
            case UNKNOWN -> {
                store.finishGroup(lead.id(), OutboxStore.UNKNOWN, outcome.detail(), clock.instant());
                log.warn("E-mail notice {} may or may not have been delivered: {}", lead.id(), outcome.detail());
                counts[UNKNOWN]++;
            }
            case RETRY -> {
                if (attempts >= properties.maxAttempts()) {
                    store.finishGroup(
                            lead.id(),
                            OutboxStore.FAILED,
                            "Gave up after " + attempts + " attempts. Last: " + outcome.detail(),
                            clock.instant());
                    counts[FAILED]++;
                } else {
                    Instant next = clock.instant().plus(properties.backoff().after(attempts));
                    store.retryGroupLater(lead.id(), outcome.detail(), next);
                    counts[RETRYING]++;
                }
            }
        }
    }

    /**
     * Builds and hands over one claimed group as one e-mail (every message's attempt already recorded);
     * building fails only for an unusable address.
     */
    SmtpOutcome send(List<OutboxMessage> group) {
        SmtpSender sender = smtp.orElseThrow();
        MimeMessage mime;
        try {
            mime = messages.build(group, sender.session());
        } catch (NoticeMessages.BadRecipient bad) {
            return SmtpOutcome.failed(bad.getMessage());
        } catch (MessagingException unbuildable) {
            // Our own fault (a bad sender address in the configuration, ...): nothing reached the server.
            log.error("Could not build e-mail notice {}", group.get(0).id(), unbuildable);
            return SmtpOutcome.retry("Could not build the message: " + unbuildable.getMessage());
        }
        long lead = group.get(0).id();
        return sender.send(mime, () -> store.markHandedOver(lead, clock.instant()));
    }
}
