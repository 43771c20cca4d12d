package com.storemetrics.notices;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Hands one message to the SMTP server that {@code spring.mail.*} names, through Jakarta Mail's
 * transport directly (not {@code JavaMailSender.send}), because the outbox must know where a failure
 * happened: before the server had the message (connection refused, time-out while connecting, a
 * refused recipient or sender: safe to try again or final), or while it was being handed over (the
 * server may have accepted it: unknown, never retried). The time-outs are spring.mail's
 * {@code mail.smtp.connectiontimeout}, {@code timeout} and {@code writetimeout}.
 */
class SmtpSender {

    private final JavaMailSenderImpl mail;

    SmtpSender(JavaMailSenderImpl mail) {
        this.mail = mail;
    }

    Session session() {
        return mail.getSession();
    }

    /**
     * Connects, then runs {@code handingOver} (which records that the message is about to go; if it
     * fails, nothing is sent), then hands the message over and classifies the answer.
     */
    SmtpOutcome send(MimeMessage message, Runnable handingOver) {
        Transport transport;
        try {
            transport = mail.getSession().getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
            transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
        } catch (MessagingException unreachable) {
            return SmtpOutcome.retry("SMTP server not reached: " + describe(unreachable));
        }
        try {
            message.saveChanges();
            handingOver.run();
            transport.sendMessage(message, message.getAllRecipients());
            return SmtpOutcome.sent(lastReply(transport));
        } catch (SMTPSendFailedException refused) {
            // A 4xx or 5xx answer to MAIL FROM or to the data: the server did not take the message. No
            // answer at all (the connection ended, Angus reports "[EOF]" with no code) may follow an
            // accepted message.
            if (refused.getReturnCode() < 400 || refused.getReturnCode() >= 600) {
                return unknown(refused);
            }
            return byCode(refused.getReturnCode(), "SMTP server refused the message: " + describe(refused));
        } catch (SendFailedException refused) {
            return recipientRefused(refused);
        } catch (MessagingException broken) {
            return unknown(broken);
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // QUIT after the answer that counts: nothing to record.
            }
        }
    }

    /** RCPT TO refused: the address failed (5xx, final) or the server asks to come back (4xx). */
    private static SmtpOutcome recipientRefused(SendFailedException refused) {
        for (Exception next = refused.getNextException(); next != null; ) {
            if (next instanceof SMTPAddressFailedException address) {
                return byCode(
                        address.getReturnCode(),
                        "SMTP server refused the recipient " + address.getAddress() + ": " + oneLine(address));
            }
            next = next instanceof MessagingException nested ? nested.getNextException() : null;
        }
        if (refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0) {
            return SmtpOutcome.failed("SMTP server refused the recipient: " + describe(refused));
        }
        return SmtpOutcome.retry("SMTP server did not take the recipient for now: " + describe(refused));
    }

    private static SmtpOutcome unknown(MessagingException broken) {
        return SmtpOutcome.unknown("The connection failed while the message was handed over (it may have been"
                + " accepted, so it is not sent again): " + describe(broken));
    }

    private static SmtpOutcome byCode(int code, String detail) {
        // Only a 5xx answer is final; a 4xx, or no answer before the message was handed over, may pass later.
        return code >= 500 && code < 600 ? SmtpOutcome.failed(detail) : SmtpOutcome.retry(detail);
    }

    private static String lastReply(Transport transport) {
        return transport instanceof SMTPTransport smtp
                ? "Accepted: " + oneLine(smtp.getLastServerResponse())
                : "Accepted";
    }

    private static String describe(MessagingException failure) {
        Exception cause = failure.getNextException();
        String text = oneLine(failure);
        return cause == null ? text : text + " (" + cause.getClass().getSimpleName() + ": " + oneLine(cause) + ")";
    }

    private static String oneLine(Exception failure) {
        return oneLine(failure.getMessage());
    }

    private static String oneLine(String text) {
        return text == null ? "" : NoticeTexts.oneLine(text);
    }
}
