package com.storemetrics.notices;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
 * one for another user or kind without the secret. A grouped e-mail's {@code List-Unsubscribe} names
 * the kinds it holds, {@code k=approved,expired} (signed as one list, in the kinds' order).
 */
@Component
class UnsubscribeLinks {

    static final String PATH = "/mail/unsubscribe";
    private static final Logger log = LoggerFactory.getLogger(UnsubscribeLinks.class);
    private static final String ALGORITHM = "HmacSHA256";

    /** What a valid link names: one user, one kind or more. */
    record Unsubscribe(long userId, Set<NoticeKind> kinds) {
        String titles() {
            return kinds.stream().map(kind -> "\"" + kind.title() + "\"").collect(Collectors.joining(" and "));
        }
    }

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
        return link(userId, EnumSet.of(kind));
    }

    /** The full link that switches every one of the kinds off for the user. */
    String link(long userId, Set<NoticeKind> kinds) {
        return appUrl + path(userId, kinds);
    }

    /** The link's path and query, for a form on our own page. */
    String path(long userId, NoticeKind kind) {
        return path(userId, EnumSet.of(kind));
    }

    String path(long userId, Set<NoticeKind> kinds) {
        String keys = keys(kinds);
        return UriComponentsBuilder.fromPath(PATH)
                .queryParam("u", userId)
                .queryParam("k", keys)
                .queryParam("s", signature(userId, keys))
                .build()
                .toUriString();
    }

    /** What the link's parameters name, if they are well formed and signed with our key. */
    Optional<Unsubscribe> verify(String user, String kind, String signature) {
        if (user == null || kind == null || signature == null || !user.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        long userId = Long.parseLong(user);
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        for (String key : kind.split(",", -1)) {
            Optional<NoticeKind> named = NoticeKind.ofKey(key);
            if (named.isEmpty() || !kinds.add(named.get())) {
                return Optional.empty();
            }
        }
        if (!MessageDigest.isEqual(
                signature(userId, keys(kinds)).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(new Unsubscribe(userId, Collections.unmodifiableSet(kinds)));
    }

    private static String keys(Set<NoticeKind> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("An unsubscribe link names at least one kind");
        }
        return EnumSet.copyOf(kinds).stream().map(NoticeKind::key).collect(Collectors.joining(","));
    }

    private String signature(long userId, String keys) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(("unsubscribe:" + userId + ":" + keys).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }
}
