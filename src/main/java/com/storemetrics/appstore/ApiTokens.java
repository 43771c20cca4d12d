package com.storemetrics.appstore;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.storemetrics.appstore.AppleFailure.Kind;
import com.storemetrics.base.NodeLocalState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * JWTs for the App Store Connect API, with nimbus-jose-jwt: minted from a team key (ES256, cached
 * until shortly before expiry) or a customer's ready-made JWT checked locally before any call.
 * Every refusal is a {@link Kind#MALFORMED_CREDENTIAL} whose user message says what is wrong and
 * what to do; no message ever repeats a key or a token.
 */
@Component
public class ApiTokens implements NodeLocalState {

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

    private final Clock clock;
    private final Map<CacheKey, MintedToken> mintedByKey = new ConcurrentHashMap<>();

    ApiTokens(Clock clock) {
        this.clock = clock;
    }

    /** Forgets the minted tokens: the next call mints afresh. */
    @Override
    public void clear() {
        mintedByKey.clear();
    }

    /** Which key a cached token belongs to: a re-uploaded .p8 under the same Key ID gets its own token. */
    private record CacheKey(String issuerId, String keyId, String keyFingerprint) {}

    private record MintedToken(String jwt, Instant expiresAt) {}

    /**
     * Parses an API key the customer entered. Throws {@link AppleFailure.Kind#MALFORMED_CREDENTIAL}
     * with a specific message for: blank issuer (not a UUID), key id not 10 characters, .p8 that is
     * not PEM PKCS#8, not EC, not P-256.
     */
    public ApiCredential.ApiKey parseKey(String issuerId, String keyId, String privateKeyPem) {
        return ApiKeyFiles.parse(issuerId, keyId, privateKeyPem);
    }

    /**
     * Checks a ready-made JWT locally. Throws {@link AppleFailure.Kind#MALFORMED_CREDENTIAL} with its
     * own message for each of: not three parts / unparseable; alg not ES256; kid missing; iss missing;
     * aud not appstoreconnect-v1; expired; lifetime (exp - iat) over 20 minutes.
     */
    public ApiCredential.ReadyMadeJwt checkReadyMade(String jwt) {
        return ReadyMadeJwts.check(jwt, clock.instant());
    }

    /** The bearer token for a call: minted (or reused) for a key, as is for a ready-made JWT. */
    public String bearerFor(ApiCredential credential) {
        if (credential instanceof ApiCredential.ApiKey key) {
            CacheKey cacheKey = cacheKey(key);
            Instant renewAfter = clock.instant().plus(RENEW_BEFORE_EXPIRY);
            return mintedByKey
                    .compute(
                            cacheKey,
                            (k, cached) ->
                                    cached != null && cached.expiresAt().isAfter(renewAfter) ? cached : mint(key))
                    .jwt();
        }
        if (credential instanceof ApiCredential.ReadyMadeJwt readyMade) {
            // Checked again: it may have expired since the customer pasted it.
            return checkReadyMade(readyMade.jwt()).jwt();
        }
        throw new IllegalArgumentException(
                "unknown credential type " + credential.getClass().getSimpleName());
    }

    /** A newly minted token that replaces the cached one: for the single retry after a 401. */
    String freshBearerFor(ApiCredential.ApiKey key) {
        MintedToken fresh = mint(key);
        mintedByKey.put(cacheKey(key), fresh);
        return fresh.jwt();
    }

    private MintedToken mint(ApiCredential.ApiKey key) {
        ECPrivateKey privateKey = ApiKeyFiles.privateKey(key.privateKeyPem(), key.keyId());
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
            throw malformed(
                    "The API key cannot sign tokens. Download a new key in App Store Connect > Users and "
                            + "Access > Integrations and enter it again.",
                    "ES256 signing failed: " + e.getMessage());
        }
        forgetExpired(issuedAt);
        return new MintedToken(jwt.serialize(), expiresAt);
    }

    private void forgetExpired(Instant now) {
        mintedByKey.values().removeIf(token -> !token.expiresAt().isAfter(now));
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

    static AppleFailure malformed(String userMessage, String detail) {
        return new AppleFailure(Kind.MALFORMED_CREDENTIAL, userMessage, detail);
    }
}
