package com.storemetrics.appstore;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.storemetrics.appstore.AppleFailure.Kind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * JWTs for the App Store Connect API, with nimbus-jose-jwt: minted from a team key (ES256, cached
 * until shortly before expiry) or a customer's ready-made JWT checked locally before any call.
 * Every refusal is a {@link Kind#MALFORMED_CREDENTIAL} whose user message says what is wrong and
 * what to do; no message ever repeats a key or a token.
 */
@Component
public class ApiTokens {

    static final String AUDIENCE = "appstoreconnect-v1";
    /** Apple rejects tokens whose {@code exp - iat} is over 20 minutes. */
    static final Duration MAX_LIFETIME = AppleFacts.MAX_API_TOKEN_LIFETIME;
    /** What we mint: comfortably under Apple's maximum. */
    static final Duration MINTED_LIFETIME = Duration.ofMinutes(15);
    /** A cached token is replaced this long before it expires, so no call carries a dying token. */
    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(2);
    /** Apple's sandbox (and Apple) tolerate a small clock skew on {@code iat}. */
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofSeconds(60);
    /** A real .p8 is about 250 bytes; anything this big is not one. */
    static final int MAX_KEY_FILE_CHARS = 16 * 1024;

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{10}");
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    private static final DateTimeFormatter UTC_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Map<CacheKey, MintedToken> mintedByKey = new ConcurrentHashMap<>();

    ApiTokens(Clock clock) {
        this.clock = clock;
    }

    /** Which key a cached token belongs to: a re-uploaded .p8 under the same Key ID gets its own token. */
    private record CacheKey(String issuerId, String keyId, String keyFingerprint) {
    }

    private record MintedToken(String jwt, Instant expiresAt) {
    }

    /**
     * Parses an API key the customer entered. Throws {@link AppleFailure.Kind#MALFORMED_CREDENTIAL}
     * with a specific message for: blank issuer (not a UUID), key id not 10 characters, .p8 that is
     * not PEM PKCS#8, not EC, not P-256.
     */
    public ApiCredential.ApiKey parseKey(String issuerId, String keyId, String privateKeyPem) {
        String issuer = issuerId == null ? "" : issuerId.trim();
        if (issuer.isEmpty()) {
            throw malformed("Enter the Issuer ID. It is shown in App Store Connect > Users and Access > "
                    + "Integrations > App Store Connect API, above the list of team keys.", "issuer id blank");
        }
        if (!UUID.matcher(issuer).matches()) {
            throw malformed("The Issuer ID must be a UUID such as 57246542-96fe-1a63-e053-0824d011072a. Copy it "
                    + "from App Store Connect > Users and Access > Integrations > App Store Connect API, above "
                    + "the list of team keys.", "issuer id not a UUID");
        }
        String kid = keyId == null ? "" : keyId.trim();
        if (kid.isEmpty()) {
            throw malformed("Enter the Key ID: the 10 characters shown next to the key in App Store Connect > "
                    + "Users and Access > Integrations (also in the file name AuthKey_<Key ID>.p8).", "key id blank");
        }
        if (!KEY_ID.matcher(kid).matches()) {
            throw malformed("The Key ID must be exactly 10 capital letters and digits, such as 2X9R4HXF34, as "
                    + "shown next to the key in App Store Connect > Users and Access > Integrations.",
                    "key id not 10 uppercase alphanumerics (length " + kid.length() + ")");
        }
        privateKey(privateKeyPem, kid);
        return new ApiCredential.ApiKey(issuer, kid, privateKeyPem.trim());
    }

    /**
     * Checks a ready-made JWT locally. Throws {@link AppleFailure.Kind#MALFORMED_CREDENTIAL} with its
     * own message for each of: not three parts / unparseable; alg not ES256; kid missing; iss missing;
     * aud not appstoreconnect-v1; expired; lifetime (exp - iat) over 20 minutes.
     */
    public ApiCredential.ReadyMadeJwt checkReadyMade(String jwt) {
        String token = jwt == null ? "" : jwt.trim();
        if (token.isEmpty()) {
            throw malformed("Paste the JWT: the field is empty.", "jwt blank");
        }
        if (token.startsWith("Bearer ") || token.startsWith("bearer ")) {
            token = token.substring("Bearer ".length()).trim();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw malformed("This is not a JWT: a JWT has three parts separated by dots (header.payload.signature). "
                    + "Paste the whole token exactly as your script printed it, without spaces or line breaks.",
                    "jwt has " + parts.length + " part(s)");
        }
        Map<String, Object> header;
        JWTClaimsSet claims;
        try {
            header = JSONObjectUtils.parse(new Base64URL(parts[0]).decodeToString());
            claims = JWTClaimsSet.parse(JSONObjectUtils.parse(new Base64URL(parts[1]).decodeToString()));
        } catch (ParseException | RuntimeException e) {
            throw malformed("The JWT cannot be read: its header or payload is not base64url-encoded JSON. Paste the "
                    + "whole token exactly as your script printed it, without spaces or line breaks.",
                    "jwt header or payload unparseable");
        }
        Object alg = header.get("alg");
        if (!"ES256".equals(alg)) {
            String shown = alg instanceof String name ? "\"" + clip(name) + "\"" : "missing";
            String unsigned = "none".equalsIgnoreCase(String.valueOf(alg)) ? " It is not signed at all." : "";
            throw malformed("The JWT's algorithm (\"alg\" in its header) is " + shown + "." + unsigned
                    + " App Store Connect accepts only ES256 tokens signed with your API key's .p8 file.",
                    "jwt alg " + shown);
        }
        if (parts[2].isEmpty()) {
            throw malformed("The JWT has no signature (its third part is empty). Sign it with ES256 and your API "
                    + "key's .p8 file.", "jwt signature empty");
        }
        Object kid = header.get("kid");
        if (!(kid instanceof String keyId) || keyId.isBlank()) {
            throw malformed("The JWT's header has no \"kid\". Put your API key's Key ID (10 characters, such as "
                    + "2X9R4HXF34, shown in App Store Connect > Users and Access > Integrations) in the header "
                    + "as \"kid\".", "jwt kid missing");
        }
        if (claims.getIssuer() == null || claims.getIssuer().isBlank()) {
            String individual = claims.getSubject() != null ? " It has \"sub\" instead, which makes it an "
                    + "individual key's token; individual keys cannot read sales reports, use a team key." : "";
            throw malformed("The JWT has no \"iss\" claim. Put your team's Issuer ID (a UUID shown in App Store "
                    + "Connect > Users and Access > Integrations) in the payload as \"iss\"." + individual,
                    "jwt iss missing");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(AUDIENCE)) {
            String shown = audience == null || audience.isEmpty() ? "missing" : "\"" + clip(String.join(", ", audience)) + "\"";
            throw malformed("The JWT's audience (\"aud\") is " + shown + "; App Store Connect needs exactly \""
                    + AUDIENCE + "\".", "jwt aud " + shown);
        }
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw malformed("The JWT has no expiry (\"exp\" claim). Set \"exp\" to at most 20 minutes after \"iat\".",
                    "jwt exp missing");
        }
        Date issued = claims.getIssueTime();
        if (issued == null) {
            throw malformed("The JWT has no issue time (\"iat\" claim). Set \"iat\" to the time you mint it and "
                    + "\"exp\" to at most 20 minutes later.", "jwt iat missing");
        }
        Instant now = clock.instant();
        if (!expires.toInstant().isAfter(now)) {
            throw malformed("The JWT expired at " + UTC_MINUTE.format(expires.toInstant()) + ". App Store Connect "
                    + "tokens live at most 20 minutes: mint a new one just before you paste it, or enter the API "
                    + "key instead so we mint them for you.", "jwt expired");
        }
        Duration lifetime = Duration.between(issued.toInstant(), expires.toInstant());
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw malformed("The JWT is valid for " + describe(lifetime) + " (from \"iat\" to \"exp\"); App Store "
                    + "Connect rejects tokens valid for more than 20 minutes. Mint one with \"exp\" at most 20 "
                    + "minutes after \"iat\".", "jwt lifetime " + lifetime);
        }
        if (issued.toInstant().isAfter(now.plus(ALLOWED_CLOCK_SKEW))) {
            throw malformed("The JWT's issue time (\"iat\") is in the future: " + UTC_MINUTE.format(issued.toInstant())
                    + ". Check the clock of the computer that minted it.", "jwt iat in the future");
        }
        return new ApiCredential.ReadyMadeJwt(token, keyId);
    }

    /** The bearer token for a call: minted (or reused) for a key, as is for a ready-made JWT. */
    public String bearerFor(ApiCredential credential) {
        if (credential instanceof ApiCredential.ApiKey key) {
            CacheKey cacheKey = cacheKey(key);
            Instant renewAfter = clock.instant().plus(RENEW_BEFORE_EXPIRY);
            return mintedByKey.compute(cacheKey, (k, cached) ->
                    cached != null && cached.expiresAt().isAfter(renewAfter) ? cached : mint(key)).jwt();
        }
        if (credential instanceof ApiCredential.ReadyMadeJwt readyMade) {
            // Checked again: it may have expired since the customer pasted it.
            return checkReadyMade(readyMade.jwt()).jwt();
        }
        throw new IllegalArgumentException("unknown credential type " + credential.getClass().getSimpleName());
    }

    /** A newly minted token that replaces the cached one: for the single retry after a 401. */
    String freshBearerFor(ApiCredential.ApiKey key) {
        MintedToken fresh = mint(key);
        mintedByKey.put(cacheKey(key), fresh);
        return fresh.jwt();
    }

    private MintedToken mint(ApiCredential.ApiKey key) {
        ECPrivateKey privateKey = privateKey(key.privateKeyPem(), key.keyId());
        // Whole seconds: that is all a JWT carries, and it keeps exp - iat exactly the lifetime.
        Instant issuedAt = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expiresAt = issuedAt.plus(MINTED_LIFETIME);
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.keyId())
                .type(JOSEObjectType.JWT)
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(key.issuerId())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .audience(AUDIENCE)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(privateKey));
        } catch (JOSEException e) {
            throw malformed("The API key cannot sign tokens. Download a new key in App Store Connect > Users and "
                    + "Access > Integrations and enter it again.", "ES256 signing failed: " + e.getMessage());
        }
        forgetExpired(issuedAt);
        return new MintedToken(jwt.serialize(), expiresAt);
    }

    private void forgetExpired(Instant now) {
        mintedByKey.values().removeIf(token -> !token.expiresAt().isAfter(now));
    }

    /** The .p8 text as an EC P-256 private key, or a specific refusal. */
    private static ECPrivateKey privateKey(String pem, String keyId) {
        String file = "AuthKey_" + keyId + ".p8";
        if (pem == null || pem.isBlank()) {
            throw malformed("Upload the .p8 file (" + file + ") you downloaded when you created the key.",
                    "p8 blank");
        }
        if (pem.length() > MAX_KEY_FILE_CHARS) {
            throw malformed("That file is " + (pem.length() / 1024) + " KB; an App Store Connect key file is "
                    + "smaller than 1 KB. Upload the " + file + " file you downloaded when you created the key.",
                    "p8 too big (" + pem.length() + " chars)");
        }
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw malformed("That key is password-protected. Upload the original " + file + " from App Store "
                    + "Connect, which is not encrypted.", "p8 encrypted");
        }
        if (pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
            throw malformed("That key is in the older \"EC PRIVATE KEY\" format. Upload the original " + file
                    + " (it starts with -----BEGIN PRIVATE KEY-----), or convert it with: openssl pkcs8 -topk8 "
                    + "-nocrypt -in key.pem -out " + file, "p8 is SEC1");
        }
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw notP256(file, "an RSA key", "p8 is PKCS#1 RSA");
        }
        if (pem.contains("-----BEGIN PUBLIC KEY-----") || pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw malformed("That file holds a public key or certificate. Upload the private key file " + file
                    + " you downloaded when you created the key.", "p8 is public");
        }
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw malformed("That is not a .p8 key file: it does not contain \"" + PEM_BEGIN + "\" and \"" + PEM_END
                    + "\". Upload " + file + " exactly as you downloaded it from App Store Connect.", "p8 not PEM");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(
                    pem.substring(begin + PEM_BEGIN.length(), end).replaceAll("\\s", "").getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw damaged(file, "p8 body not base64");
        }
        if (der.length == 0) {
            throw damaged(file, "p8 body empty");
        }
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException notEc) {
            String otherType = otherKeyType(der);
            if (otherType != null) {
                throw notP256(file, otherType, "p8 is " + otherType);
            }
            throw damaged(file, "p8 not PKCS#8 EC: " + notEc.getClass().getSimpleName());
        }
        if (!(key instanceof ECPrivateKey ecKey)) {
            throw damaged(file, "p8 key is not an ECPrivateKey");
        }
        Curve curve = Curve.forECParameterSpec(ecKey.getParams());
        if (!Curve.P_256.equals(curve)) {
            String name = curve == null ? "an unknown curve" : curve.getName();
            throw notP256(file, "an EC key on " + name, "p8 curve " + name);
        }
        return ecKey;
    }

    private static String otherKeyType(byte[] der) {
        for (String[] candidate : new String[][] {{"RSA", "an RSA key"}, {"Ed25519", "an Ed25519 key"},
                {"EdDSA", "an EdDSA key"}, {"DSA", "a DSA key"}, {"XDH", "an X25519 key"}}) {
            try {
                KeyFactory.getInstance(candidate[0]).generatePrivate(new PKCS8EncodedKeySpec(der));
                return candidate[1];
            } catch (NoSuchAlgorithmException unsupported) {
                // not known to this JDK: try the next one
            } catch (GeneralSecurityException | RuntimeException notThisType) {
                // try the next one
            }
        }
        return null;
    }

    private static AppleFailure notP256(String file, String what, String detail) {
        return malformed("That file holds " + what + "; App Store Connect API keys are EC P-256 keys. Upload the "
                + file + " file you downloaded from App Store Connect > Users and Access > Integrations.", detail);
    }

    private static AppleFailure damaged(String file, String detail) {
        return malformed("The .p8 file is damaged: its content between the BEGIN and END lines is not a valid "
                + "PKCS#8 key. Upload " + file + " exactly as you downloaded it, or download a new key.", detail);
    }

    private static CacheKey cacheKey(ApiCredential.ApiKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(key.privateKeyPem()).getBytes(StandardCharsets.UTF_8));
            return new CacheKey(key.issuerId(), key.keyId(), HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static String describe(Duration lifetime) {
        long seconds = lifetime.toSeconds();
        return seconds % 60 == 0 ? (seconds / 60) + " minutes" : (seconds / 60) + " minutes " + (seconds % 60) + " seconds";
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static AppleFailure malformed(String userMessage, String detail) {
        return new AppleFailure(Kind.MALFORMED_CREDENTIAL, userMessage, detail);
    }
}
