package com.storemetrics.appstore;

import com.nimbusds.jose.jwk.Curve;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/** Reading a team's API key as customers enter it: Issuer ID, Key ID and the .p8 file's EC P-256 private key. */
final class ApiKeyFiles {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern KEY_ID = Pattern.compile("[A-Z0-9]{10}");
    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";
    static final int MAX_KEY_FILE_CHARS = ApiTokens.MAX_KEY_FILE_CHARS;

    private ApiKeyFiles() {}

    /**
     * Parses an API key the customer entered. Throws {@link AppleFailure.Kind#MALFORMED_CREDENTIAL}
     * with a specific message for: blank issuer (not a UUID), key id not 10 characters, .p8 that is
     * not PEM PKCS#8, not EC, not P-256.
     */
    static ApiCredential.ApiKey parse(String issuerId, String keyId, String privateKeyPem) {
        String issuer = issuerId == null ? "" : issuerId.trim();
        if (issuer.isEmpty()) {
            throw malformed(
                    "Enter the Issuer ID. It is shown in App Store Connect > Users and Access > "
                            + "Integrations > App Store Connect API, above the list of team keys.",
                    "issuer id blank");
        }
        if (!UUID.matcher(issuer).matches()) {
            throw malformed(
                    "The Issuer ID must be a UUID such as 57246542-96fe-1a63-e053-0824d011072a. Copy it "
                            + "from App Store Connect > Users and Access > Integrations > App Store Connect API, above "
                            + "the list of team keys.",
                    "issuer id not a UUID");
        }
        String kid = keyId == null ? "" : keyId.trim();
        if (kid.isEmpty()) {
            throw malformed(
                    "Enter the Key ID: the 10 characters shown next to the key in App Store Connect > "
                            + "Users and Access > Integrations (also in the file name AuthKey_<Key ID>.p8).",
                    "key id blank");
        }
        if (!KEY_ID.matcher(kid).matches()) {
            throw malformed(
                    "The Key ID must be exactly 10 capital letters and digits, such as 2X9R4HXF34, as "
                            + "shown next to the key in App Store Connect > Users and Access > Integrations.",
                    "key id not 10 uppercase alphanumerics (length " + kid.length() + ")");
        }
        privateKey(privateKeyPem, kid);
        return new ApiCredential.ApiKey(issuer, kid, privateKeyPem.trim());
    }

    /** The .p8 text as an EC P-256 private key, or a specific refusal. */
    static ECPrivateKey privateKey(String pem, String keyId) {
        String file = "AuthKey_" + keyId + ".p8";
        if (pem == null || pem.isBlank()) {
            throw malformed("Upload the .p8 file (" + file + ") you downloaded when you created the key.", "p8 blank");
        }
        if (pem.length() > MAX_KEY_FILE_CHARS) {
            throw malformed(
                    "That file is " + (pem.length() / 1024) + " KB; an App Store Connect key file is "
                            + "smaller than 1 KB. Upload the " + file
                            + " file you downloaded when you created the key.",
                    "p8 too big (" + pem.length() + " chars)");
        }
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw malformed(
                    "That key is password-protected. Upload the original " + file + " from App Store "
                            + "Connect, which is not encrypted.",
                    "p8 encrypted");
        }
        if (pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
            throw malformed(
                    "That key is in the older \"EC PRIVATE KEY\" format. Upload the original " + file
                            + " (it starts with -----BEGIN PRIVATE KEY-----), or convert it with: openssl pkcs8 -topk8 "
                            + "-nocrypt -in key.pem -out " + file,
                    "p8 is SEC1");
        }
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
            throw notP256(file, "an RSA key", "p8 is PKCS#1 RSA");
        }
        if (pem.contains("-----BEGIN PUBLIC KEY-----") || pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw malformed(
                    "That file holds a public key or certificate. Upload the private key file " + file
                            + " you downloaded when you created the key.",
                    "p8 is public");
        }
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw malformed(
                    "That is not a .p8 key file: it does not contain \"" + PEM_BEGIN + "\" and \"" + PEM_END
                            + "\". Upload " + file + " exactly as you downloaded it from App Store Connect.",
                    "p8 not PEM");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder()
                    .decode(pem.substring(begin + PEM_BEGIN.length(), end)
                            .replaceAll("\\s", "")
                            .getBytes(StandardCharsets.US_ASCII));
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
        for (String[] candidate : new String[][] {
            {"RSA", "an RSA key"},
            {"Ed25519", "an Ed25519 key"},
            {"EdDSA", "an EdDSA key"},
            {"DSA", "a DSA key"},
            {"XDH", "an X25519 key"}
        }) {
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
        return malformed(
                "That file holds " + what + "; App Store Connect API keys are EC P-256 keys. Upload the " + file
                        + " file you downloaded from App Store Connect > Users and Access > Integrations.",
                detail);
    }

    private static AppleFailure damaged(String file, String detail) {
        return malformed(
                "The .p8 file is damaged: its content between the BEGIN and END lines is not a valid "
                        + "PKCS#8 key. Upload " + file + " exactly as you downloaded it, or download a new key.",
                detail);
    }

    private static AppleFailure malformed(String userMessage, String detail) {
        return ApiTokens.malformed(userMessage, detail);
    }
}
