package com.storemetrics.appstore;

import org.springframework.stereotype.Component;

/**
 * JWTs for the App Store Connect API, with nimbus-jose-jwt: minted from a team key (ES256, cached
 * until shortly before expiry) or a customer's ready-made JWT checked locally before any call.
 */
@Component
public class ApiTokens {

    /**
     * Parses an API key the customer entered. Throws {@link AppleFailure.Kind#MALFORMED_CREDENTIAL}
     * with a specific message for: blank issuer (not a UUID), key id not 10 characters, .p8 that is
     * not PEM PKCS#8, not EC, not P-256.
     */
    public ApiCredential.ApiKey parseKey(String issuerId, String keyId, String privateKeyPem) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Checks a ready-made JWT locally. Throws {@link AppleFailure.Kind#MALFORMED_CREDENTIAL} with its
     * own message for each of: not three parts / unparseable; alg not ES256; kid missing; iss missing;
     * aud not appstoreconnect-v1; expired; lifetime (exp - iat) over 20 minutes.
     */
    public ApiCredential.ReadyMadeJwt checkReadyMade(String jwt) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The bearer token for a call: minted (or reused) for a key, as is for a ready-made JWT. */
    public String bearerFor(ApiCredential credential) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
