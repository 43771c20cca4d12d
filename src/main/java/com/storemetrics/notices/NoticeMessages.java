package com.storemetrics.notices;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Builds the MIME message of an outbox group (one row, or a customer's rows within the grouping
 * window): plain text and HTML alternatives, the product's name as sender, a Message-ID that names the
 * group's oldest row, and RFC 8058 one-click unsubscribe ({@code List-Unsubscribe}
 * with the signed link, {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}).
 */
@Component
class NoticeMessages {

    /** The recipient is not a usable address: the message can never be delivered. */
    static final class BadRecipient extends Exception {
        BadRecipient(String message) {
            super(message);
        }
    }

    private final NoticeTexts texts;
    private final UnsubscribeLinks links;
    private final NoticeProperties properties;

    NoticeMessages(NoticeTexts texts, UnsubscribeLinks links, NoticeProperties properties) {
        this.texts = texts;
        this.links = links;
        this.properties = properties;
    }

    /**
     * The e-mail of a claimed group, oldest message first. One message is said as it always was; several
     * are one e-mail whose subject says how many, with each part's words, link and unsubscribe link.
     */
    MimeMessage build(List<OutboxMessage> group, Session session) throws BadRecipient, MessagingException {
        OutboxMessage lead = group.get(0);
        InternetAddress to = recipient(lead.recipient());
        List<Part> parts = group.stream()
                .map(row -> new Part(
                        row.kind(),
                        texts.of(row.kind(), row.accountName(), row.happenedAt(), row.occurrence()),
                        links.link(row.userId(), row.kind())))
                .toList();
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        parts.forEach(part -> kinds.add(part.kind()));
        // A grouped e-mail's one-click link switches off the kinds it holds, all of them: a mail client's
        // "Unsubscribe" means "no more e-mails like this one" (docs/notices.md, "Grouping").
        String unsubscribe = links.link(lead.userId(), kinds);
        MimeMessage message = new NamedMessage(session, "<notice-" + lead.id() + "@storemetrics>");
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(to);
        if (parts.size() == 1) {
            Part only = parts.get(0);
            helper.setSubject(NoticeTexts.oneLine(only.text().subject()));
            helper.setText(plain(only.text(), unsubscribe, only.kind()), html(only.text(), unsubscribe, only.kind()));
        } else {
            helper.setSubject(parts.size() + " updates from " + NoticeTexts.PRODUCT + ": "
                    + kinds.stream().map(NoticeKind::title).collect(Collectors.joining(", ")));
            helper.setText(GroupedBody.plain(parts, texts.settingsUrl()), GroupedBody.html(parts, texts.settingsUrl()));
        }
        message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // RFC 3834: an automatic message; out-of-office replies should not answer it.
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    /** One message of a group: its kind, its words and the link that switches its kind off. */
    record Part(NoticeKind kind, NoticeTexts.Text text, String unsubscribe) {}

    /** One plain address, checked strictly: no list, no group, no line break, a domain with a dot. */
    static InternetAddress recipient(String address) throws BadRecipient {
        if (address == null || address.isBlank()) {
            throw new BadRecipient("The customer has no e-mail address");
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(address, true);
            if (parsed.length != 1 || parsed[0].isGroup() || parsed[0].getPersonal() != null) {
                throw new BadRecipient("Not one e-mail address: " + NoticeTexts.oneLine(address));
            }
            parsed[0].validate();
            String domain =
                    parsed[0].getAddress().substring(parsed[0].getAddress().indexOf('@') + 1);
            if (!parsed[0].getAddress().contains("@") || !domain.contains(".") || domain.endsWith(".")) {
                throw new BadRecipient("Not an e-mail address with a domain: " + NoticeTexts.oneLine(address));
            }
            return parsed[0];
        } catch (AddressException invalid) {
            throw new BadRecipient(
                    "Not a valid e-mail address: " + NoticeTexts.oneLine(address) + " (" + invalid.getMessage() + ")");
        }
    }

    private String plain(NoticeTexts.Text text, String unsubscribe, NoticeKind kind) {
        StringBuilder body = new StringBuilder("Hello,\n\n");
        text.paragraphs().forEach(paragraph -> body.append(paragraph).append("\n\n"));
        body.append(text.action()).append(": ").append(text.actionUrl()).append("\n\n");
        body.append("-- \n").append(NoticeTexts.PRODUCT).append('\n');
        body.append("You get this e-mail because \"").append(kind.title()).append("\" notices are on.\n");
        body.append("Stop these e-mails: ").append(unsubscribe).append('\n');
        body.append("All notification settings: ").append(texts.settingsUrl()).append('\n');
        return body.toString();
    }

    private String html(NoticeTexts.Text text, String unsubscribe, NoticeKind kind) {
        StringBuilder body = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;"
                + "line-height:1.5;color:#1a1a1a\"><p>Hello,</p>");
        text.paragraphs()
                .forEach(paragraph ->
                        body.append("<p>").append(NoticeTexts.html(paragraph)).append("</p>"));
        body.append("<p><a href=\"")
                .append(NoticeTexts.html(text.actionUrl()))
                .append("\" style=\"font-weight:bold\">")
                .append(NoticeTexts.html(text.action()))
                .append("</a></p><hr><p style=\"font-size:small;color:#555\">")
                .append(NoticeTexts.PRODUCT)
                .append(". You get this e-mail because &quot;")
                .append(NoticeTexts.html(kind.title()))
                .append("&quot; notices are on. <a href=\"")
                .append(NoticeTexts.html(unsubscribe))
                .append("\">Stop these e-mails</a> &middot; <a href=\"")
                .append(NoticeTexts.html(texts.settingsUrl()))
                .append("\">All notification settings</a></p></body></html>");
        return body.toString();
    }

    /** Keeps the Message-ID that names the outbox row (Jakarta Mail would make up a new one on save). */
    private static final class NamedMessage extends MimeMessage {
        private final String messageId;

        NamedMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
