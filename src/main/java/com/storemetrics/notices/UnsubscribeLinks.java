package com.storemetrics.notices;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One-click unsubscribe links: {@code /mail/unsubscribe?u=<user>&k=<kind>&s=<signature>}, where the
 * signature is an HMAC-SHA256 of user and kind under {@code storemetrics.mail.link-secret}. Whoever
 * holds the link may switch that one kind off for that one user, and nothing else; nobody can make
 * one for another user or kind without the secret.
 */
@Component
class UnsubscribeLinks {

    static final String PATH = "/mail/unsubscribe";
    private static final Logger log = LoggerFactory.getLogger(UnsubscribeLinks.class);
    private static final String ALGORITHM = "HmacSHA256";

    /** What a valid link names. */
    record Unsubscribe(long userId, NoticeKind kind) {}

    private final SecretKeySpec key;
    private final String appUrl;

    UnsubscribeLinks(NoticeProperties properties) {
        byte[] secret = properties.linkSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length == 0) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            log.warn("storemetrics.mail.link-secret is not set: unsubscribe links are signed with a random key"
                    + " and stop working after a restart and on other nodes (set it in production)");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.appUrl = properties.appUrl();
    }

    /** The full link for the user and kind, under the application's public URL. */
    String link(long userId, NoticeKind kind) {
        return appUrl + path(userId, kind);
    }

    /** The link's path and query, for a form on our own page. */
    String path(long userId, NoticeKind kind) {
        return UriComponentsBuilder.fromPath(PATH)
                .queryParam("u", userId)
                .queryParam("k", kind.key())
                .queryParam("s", signature(userId, kind))
                .build()
                .toUriString();
    }

    /** What the link's parameters name, if they are well formed and signed with our key. */
    Optional<Unsubscribe> verify(String user, String kind, String signature) {
        if (user == null || kind == null || signature == null || !user.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        long userId = Long.parseLong(user);
        return NoticeKind.ofKey(kind)
                .filter(named -> MessageDigest.isEqual(
                        signature(userId, named).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII)))
                .map(named -> new Unsubscribe(userId, named));
    }

    private String signature(long userId, NoticeKind kind) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(("unsubscribe:" + userId + ":" + kind.key()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
