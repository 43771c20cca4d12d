package com.storemetrics.notices;

import java.util.List;

/**
 * The body of a grouped e-mail: how many things happened, then each part as a single e-mail would say
 * it (its subject as a heading, its paragraphs, its action and link) with the link that switches that
 * part's kind off, and the settings link once at the end. Plain text and HTML from the same words;
 * every word from outside is escaped in HTML (the texts flatten names to one line already).
 */
final class GroupedBody {

    private GroupedBody() {}

    static String plain(List<NoticeMessages.Part> parts, String settingsUrl) {
        StringBuilder body = new StringBuilder("Hello,\n\n")
                .append(parts.size())
                .append(
                        " things happened to your integrations at about the same time, so they come in one e-mail.\n\n");
        int number = 1;
        for (NoticeMessages.Part part : parts) {
            body.append(number++).append(". ").append(part.text().subject()).append("\n\n");
            part.text().paragraphs().forEach(paragraph -> body.append(paragraph).append("\n\n"));
            body.append(part.text().action())
                    .append(": ")
                    .append(part.text().actionUrl())
                    .append('\n');
            body.append("Stop \"")
                    .append(part.kind().title())
                    .append("\" e-mails: ")
                    .append(part.unsubscribe());
            body.append("\n\n");
        }
        body.append("-- \n").append(NoticeTexts.PRODUCT).append('\n');
        body.append("You get this e-mail because these notices are on.\n");
        body.append("All notification settings: ").append(settingsUrl).append('\n');
        return body.toString();
    }

    static String html(List<NoticeMessages.Part> parts, String settingsUrl) {
        StringBuilder body = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;"
                        + "line-height:1.5;color:#1a1a1a\"><p>Hello,</p><p>")
                .append(parts.size())
                .append(
                        " things happened to your integrations at about the same time, so they come in one e-mail.</p>");
        for (NoticeMessages.Part part : parts) {
            body.append("<h2 style=\"font-size:1.1em\">")
                    .append(NoticeTexts.html(part.text().subject()))
                    .append("</h2>");
            part.text()
                    .paragraphs()
                    .forEach(paragraph -> body.append("<p>")
                            .append(NoticeTexts.html(paragraph))
                            .append("</p>"));
            body.append("<p><a href=\"")
                    .append(NoticeTexts.html(part.text().actionUrl()))
                    .append("\" style=\"font-weight:bold\">")
                    .append(NoticeTexts.html(part.text().action()))
                    .append("</a></p><p style=\"font-size:small;color:#555\"><a href=\"")
                    .append(NoticeTexts.html(part.unsubscribe()))
                    .append("\">Stop &quot;")
                    .append(NoticeTexts.html(part.kind().title()))
                    .append("&quot; e-mails</a></p>");
        }
        body.append("<hr><p style=\"font-size:small;color:#555\">")
                .append(NoticeTexts.PRODUCT)
                .append(". You get this e-mail because these notices are on. <a href=\"")
                .append(NoticeTexts.html(settingsUrl))
                .append("\">All notification settings</a></p></body></html>");
        return body.toString();
    }
}
