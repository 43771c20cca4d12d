package com.storemetrics.appstore;

/**
 * What the App Store Connect API accepts from a customer: a team key we mint JWTs from, or a
 * ready-made JWT. Held in memory only, for the life of the dialog; {@code toString} never shows
 * the secret parts.
 */
public sealed interface ApiCredential {

    /** The key id ({@code kid}) the credential signs with: the unit of Apple's rate limit. */
    String keyId();

    /** A team API key: Issuer ID, Key ID and the {@code .p8} (PKCS#8 PEM, EC P-256) text. */
    record ApiKey(String issuerId, String keyId, String privateKeyPem) implements ApiCredential {
        @Override
        public String toString() {
            return "ApiKey[issuerId=" + issuerId + ", keyId=" + keyId + ", privateKeyPem=<hidden>]";
        }
    }

    /** A JWT the customer minted themselves; checked locally before any call. */
    record ReadyMadeJwt(String jwt, String keyId) implements ApiCredential {
        @Override
        public String toString() {
            return "ReadyMadeJwt[keyId=" + keyId + ", jwt=<hidden>]";
        }
    }
}
