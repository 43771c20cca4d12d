package com.storemetrics.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The team API keys of the demo world. The EC P-256 key pairs are generated once per start (a
 * reset keeps them, so a .p8 copied from the console stays usable); Apple keeps only the public
 * half, the .p8 is what the account holder downloaded.
 */
@Component
@ConditionalOnSandbox
class SandboxApiKeys {

    /** One registered key: its team (account), Issuer ID, Key ID, role and key pair. */
    record ApiKey(String accountNumber, String issuerId, String keyId, String role, ECKey keyPair) {

        ECPublicKey publicKey() {
            try {
                return keyPair.toECPublicKey();
            } catch (JOSEException e) {
                throw new IllegalStateException("Unusable sandbox key " + keyId, e);
            }
        }

        /** The .p8 file: the private key as PKCS#8 PEM, as App Store Connect hands it out once. */
        String privateKeyPem() {
            try {
                byte[] pkcs8 = keyPair.toECPrivateKey().getEncoded();
                String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs8);
                return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
            } catch (JOSEException e) {
                throw new IllegalStateException("Unusable sandbox key " + keyId, e);
            }
        }

        @Override
        public String toString() {
            return "ApiKey[account=" + accountNumber + ", keyId=" + keyId + ", role=" + role + "]";
        }
    }

    private final Map<String, ApiKey> byKeyId = new LinkedHashMap<>();

    SandboxApiKeys() {
        for (DemoWorld.KeySeed seed : DemoWorld.KEYS) {
            try {
                ECKey pair = new ECKeyGenerator(Curve.P_256).keyID(seed.keyId()).generate();
                byKeyId.put(
                        seed.keyId(),
                        new ApiKey(seed.accountNumber(), seed.issuerId(), seed.keyId(), seed.role(), pair));
            } catch (JOSEException e) {
                throw new IllegalStateException("Cannot generate the sandbox key " + seed.keyId(), e);
            }
        }
    }

    Optional<ApiKey> find(String keyId) {
        return Optional.ofNullable(keyId).map(byKeyId::get);
    }

    List<ApiKey> all() {
        return List.copyOf(byKeyId.values());
    }
}
