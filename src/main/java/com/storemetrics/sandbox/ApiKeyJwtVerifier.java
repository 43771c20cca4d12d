package com.storemetrics.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks an App Store Connect API bearer token the way Apple does, in the contract's order: three
 * parts and parseable, {@code alg} ES256, {@code kid} known, signature with that key, {@code iss}
 * the key's issuer, {@code aud}, not expired, lifetime at most 20 minutes. Unsigned ({@code alg:
 * none}) and HMAC tokens never get past the algorithm check.
 */
@Component
@ConditionalOnSandbox
class ApiKeyJwtVerifier {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyJwtVerifier.class);

    static final String AUDIENCE = "appstoreconnect-v1";
    static final Duration MAX_LIFETIME = Duration.ofMinutes(20);
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** Why a token was refused; the caller only ever sees Apple's one 401. Never contains the token. */
    record Outcome(SandboxApiKeys.ApiKey key, String refusal) {
        boolean accepted() {
            return key != null && refusal == null;
        }
    }

    private final SandboxApiKeys keys;
    private final SandboxClock clock;

    ApiKeyJwtVerifier(SandboxApiKeys keys, SandboxClock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The key a bearer token was signed with, if Apple would accept it. The refusal's key is set
     * when the kid was known (its rate-limit header can then show the key's real remainder).
     */
    Outcome verify(String authorizationHeader) {
        Outcome outcome = check(authorizationHeader);
        if (!outcome.accepted()) {
            // The reason helps whoever debugs a client; the token itself is never logged.
            log.debug("Sandbox API refused a bearer token: {}", outcome.refusal());
        }
        return outcome;
    }

    private Outcome check(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return refused(null, "no bearer token");
        }
        String token = authorizationHeader.substring(7).trim();
        if (token.split("\\.", -1).length != 3) {
            return refused(null, "not three dot-separated parts");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return refused(null, "unparseable");
        }
        if (!(jwt instanceof SignedJWT signed)
                || !JWSAlgorithm.ES256.equals(signed.getHeader().getAlgorithm())) {
            return refused(null, "alg is not ES256");
        }
        Optional<SandboxApiKeys.ApiKey> registered =
                keys.find(signed.getHeader().getKeyID());
        if (registered.isEmpty()) {
            return refused(null, "kid missing or unknown");
        }
        SandboxApiKeys.ApiKey key = registered.get();
        try {
            if (!signed.verify(new ECDSAVerifier(key.publicKey()))) {
                return refused(key, "signature does not match the key " + key.keyId());
            }
        } catch (JOSEException e) {
            return refused(key, "signature cannot be checked");
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            return refused(key, "claims unparseable");
        }
        if (!key.issuerId().equals(claims.getIssuer())) {
            return refused(key, "iss is not the key's issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)) {
            return refused(key, "aud is not " + AUDIENCE);
        }
        Instant now = clock.now();
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.toInstant().isAfter(now)) {
            return refused(key, "expired or no exp");
        }
        Date iat = claims.getIssueTime();
        if (iat == null) {
            return refused(key, "no iat");
        }
        if (Duration.between(iat.toInstant(), exp.toInstant()).compareTo(MAX_LIFETIME) > 0) {
            return refused(key, "lifetime over 20 minutes");
        }
        if (iat.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            return refused(key, "iat in the future");
        }
        return new Outcome(key, null);
    }

    private static Outcome refused(SandboxApiKeys.ApiKey key, String why) {
        return new Outcome(key, why);
    }
}
