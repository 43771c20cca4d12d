package com.storemetrics.appstore;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checking a customer's ready-made App Store Connect JWT before any call: one message per rule it breaks. */
final class ReadyMadeJwts {

    private static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String AUDIENCE = ApiTokens.AUDIENCE;
    private static final Duration MAX_LIFETIME = ApiTokens.MAX_LIFETIME;
    private static final Duration ALLOWED_CLOCK_SKEW = ApiTokens.ALLOWED_CLOCK_SKEW;

    private ReadyMadeJwts() {}

    /**
     * Checks a ready-made JWT locally. Throws {@link AppleFailure.Kind#MALFORMED_CREDENTIAL} with its
     * own message for each of: not three parts / unparseable; alg not ES256; kid missing; iss missing;
     * aud not appstoreconnect-v1; expired; lifetime (exp - iat) over 20 minutes.
     */
    static ApiCredential.ReadyMadeJwt check(String jwt, Instant now) {
        String token = jwt == null ? "" : jwt.trim();
        if (token.isEmpty()) {
            throw malformed("Paste the JWT: the field is empty.", "jwt blank");
        }
        if (token.startsWith("Bearer ") || token.startsWith("bearer ")) {
            token = token.substring("Bearer ".length()).trim();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw malformed(
                    "This is not a JWT: a JWT has three parts separated by dots (header.payload.signature). "
                            + "Paste the whole token exactly as your script printed it, without spaces or line breaks.",
                    "jwt has " + parts.length + " part(s)");
        }
        Map<String, Object> header;
        JWTClaimsSet claims;
        try {
            header = JSONObjectUtils.parse(new Base64URL(parts[0]).decodeToString());
            claims = JWTClaimsSet.parse(JSONObjectUtils.parse(new Base64URL(parts[1]).decodeToString()));
        } catch (ParseException | RuntimeException e) {
            throw malformed(
                    "The JWT cannot be read: its header or payload is not base64url-encoded JSON. Paste the "
                            + "whole token exactly as your script printed it, without spaces or line breaks.",
                    "jwt header or payload unparseable");
        }
        Object alg = header.get("alg");
        if (!"ES256".equals(alg)) {
            String shown = alg instanceof String name ? "\"" + clip(name) + "\"" : "missing";
            String unsigned = "none".equalsIgnoreCase(String.valueOf(alg)) ? " It is not signed at all." : "";
            throw malformed(
                    "The JWT's algorithm (\"alg\" in its header) is " + shown + "." + unsigned
                            + " App Store Connect accepts only ES256 tokens signed with your API key's .p8 file.",
                    "jwt alg " + shown);
        }
        if (parts[2].isEmpty()) {
            throw malformed(
                    "The JWT has no signature (its third part is empty). Sign it with ES256 and your API "
                            + "key's .p8 file.",
                    "jwt signature empty");
        }
        Object kid = header.get("kid");
        if (!(kid instanceof String keyId) || keyId.isBlank()) {
            throw malformed(
                    "The JWT's header has no \"kid\". Put your API key's Key ID (10 characters, such as "
                            + "2X9R4HXF34, shown in App Store Connect > Users and Access > Integrations) in the header "
                            + "as \"kid\".",
                    "jwt kid missing");
        }
        if (claims.getIssuer() == null || claims.getIssuer().isBlank()) {
            String individual = claims.getSubject() != null
                    ? " It has \"sub\" instead, which makes it an "
                            + "individual key's token; individual keys cannot read sales reports, use a team key."
                    : "";
            throw malformed(
                    "The JWT has no \"iss\" claim. Put your team's Issuer ID (a UUID shown in App Store "
                            + "Connect > Users and Access > Integrations) in the payload as \"iss\"." + individual,
                    "jwt iss missing");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(AUDIENCE)) {
            String shown = audience == null || audience.isEmpty()
                    ? "missing"
                    : "\"" + clip(String.join(", ", audience)) + "\"";
            throw malformed(
                    "The JWT's audience (\"aud\") is " + shown + "; App Store Connect needs exactly \"" + AUDIENCE
                            + "\".",
                    "jwt aud " + shown);
        }
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw malformed(
                    "The JWT has no expiry (\"exp\" claim). Set \"exp\" to at most 20 minutes after \"iat\".",
                    "jwt exp missing");
        }
        Date issued = claims.getIssueTime();
        if (issued == null) {
            throw malformed(
                    "The JWT has no issue time (\"iat\" claim). Set \"iat\" to the time you mint it and "
                            + "\"exp\" to at most 20 minutes later.",
                    "jwt iat missing");
        }
        if (!expires.toInstant().isAfter(now)) {
            throw malformed(
                    "The JWT expired at " + UTC_MINUTE.format(expires.toInstant()) + ". App Store Connect "
                            + "tokens live at most 20 minutes: mint a new one just before you paste it, or enter the API "
                            + "key instead so we mint them for you.",
                    "jwt expired");
        }
        Duration lifetime = Duration.between(issued.toInstant(), expires.toInstant());
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw malformed(
                    "The JWT is valid for " + describe(lifetime) + " (from \"iat\" to \"exp\"); App Store "
                            + "Connect rejects tokens valid for more than 20 minutes. Mint one with \"exp\" at most 20 "
                            + "minutes after \"iat\".",
                    "jwt lifetime " + lifetime);
        }
        if (issued.toInstant().isAfter(now.plus(ALLOWED_CLOCK_SKEW))) {
            throw malformed(
                    "The JWT's issue time (\"iat\") is in the future: " + UTC_MINUTE.format(issued.toInstant())
                            + ". Check the clock of the computer that minted it.",
                    "jwt iat in the future");
        }
        return new ApiCredential.ReadyMadeJwt(token, keyId);
    }

    private static String describe(Duration lifetime) {
        long seconds = lifetime.toSeconds();
        return seconds % 60 == 0
                ? (seconds / 60) + " minutes"
                : (seconds / 60) + " minutes " + (seconds % 60) + " seconds";
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static AppleFailure malformed(String userMessage, String detail) {
        return ApiTokens.malformed(userMessage, detail);
    }
}
