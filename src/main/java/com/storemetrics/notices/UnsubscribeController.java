package com.storemetrics.notices;

import java.time.Clock;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * One-click unsubscribe (RFC 8058), without signing in. A GET (someone clicked the link, or a
 * scanner followed it) only shows a page with a button: it changes nothing. A POST with a valid
 * signed link switches that kind off for that user: mail clients send it with the body
 * {@code List-Unsubscribe=One-Click}, the page's button sends it too. It needs no CSRF token because
 * the signature is the authorisation and is not in any cookie a foreign page could ride on; a forged
 * or altered link is refused.
 */
@RestController
class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final OutboxStore store;
    private final Clock clock;

    UnsubscribeController(UnsubscribeLinks links, OutboxStore store, Clock clock) {
        this.links = links;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(path = UnsubscribeLinks.PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(
            @RequestParam(name = "u", required = false) String user,
            @RequestParam(name = "k", required = false) String kind,
            @RequestParam(name = "s", required = false) String signature) {
        Optional<UnsubscribeLinks.Unsubscribe> named = links.verify(user, kind, signature);
        if (named.isEmpty()) {
            return invalid();
        }
        String action = HtmlUtils.htmlEscape(
                links.path(named.get().userId(), named.get().kinds()));
        return page(
                HttpStatus.OK,
                "Stop " + named.get().titles() + " e-mails?",
                "<form method=\"post\" action=\"" + action + "\"><button type=\"submit\">Unsubscribe</button></form>"
                        + "<p>Other notices stay as they are. You can switch it on again in My Account &gt;"
                        + " Notifications.</p>");
    }

    @PostMapping(path = UnsubscribeLinks.PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(
            @RequestParam(name = "u", required = false) String user,
            @RequestParam(name = "k", required = false) String kind,
            @RequestParam(name = "s", required = false) String signature) {
        Optional<UnsubscribeLinks.Unsubscribe> named = links.verify(user, kind, signature);
        if (named.isEmpty()) {
            return invalid();
        }
        for (NoticeKind off : named.get().kinds()) {
            store.optOut(named.get().userId(), off, clock.instant());
        }
        return page(
                HttpStatus.OK,
                "Unsubscribed",
                "<p>You will no longer get " + named.get().titles() + " e-mails from " + NoticeTexts.PRODUCT
                        + ". Switch them on again in My Account &gt; Notifications.</p>");
    }

    private static ResponseEntity<String> invalid() {
        return page(
                HttpStatus.BAD_REQUEST,
                "This unsubscribe link is not valid",
                "<p>It may have been cut or changed. Use the link of a recent e-mail, or sign in and open My Account"
                        + " &gt; Notifications.</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String escaped = HtmlUtils.htmlEscape(title);
        return ResponseEntity.status(status)
                .contentType(MediaType.TEXT_HTML)
                .body("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escaped + " | "
                        + NoticeTexts.PRODUCT + "</title></head><body style=\"font-family:sans-serif\"><h1>" + escaped
                        + "</h1>" + body + "</body></html>");
    }
}
