package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.storemetrics.appstore.AppleFailure.Kind;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

    private static final String ISSUER = "6e0a7c1e-0003-4000-8000-000000100003";
    private static final String KEY_ID = "NWG7ADMIN1";
    private static final KeyPair KEY = TestKeys.p256();
    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final ApiTokens tokens = new ApiTokens(clock);

    // --- minting ---------------------------------------------------------------------------

    @Test
    void a_minted_token_has_apples_header_and_claims_and_verifies_with_the_public_key() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.bearerFor(key()));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(KEY_ID);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("appstoreconnect-v1");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15))
                .isLessThanOrEqualTo(Duration.ofMinutes(20));
        assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) KEY.getPublic()))).isTrue();
        // JOSE form: the signature is the raw 64 bytes (r || s), not DER.
        assertThat(jwt.getSignature().decode()).hasSize(64);
    }

    @Test
    void a_minted_token_does_not_verify_with_another_key() throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokens.bearerFor(key()));

        assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) TestKeys.p256().getPublic())))
                .isFalse();
    }

    @Test
    void a_minted_token_passes_our_own_ready_made_check() {
        assertThat(tokens.checkReadyMade(tokens.bearerFor(key())).keyId()).isEqualTo(KEY_ID);
    }

    @Test
    void the_token_is_reused_until_two_minutes_before_it_expires() {
        String first = tokens.bearerFor(key());

        clock.advance(Duration.ofMinutes(12).plusSeconds(59));
        assertThat(tokens.bearerFor(key())).isSameAs(first);

        clock.advance(Duration.ofSeconds(2));
        String renewed = tokens.bearerFor(key());
        assertThat(renewed).isNotEqualTo(first);
        assertThat(tokens.bearerFor(key())).isSameAs(renewed);
    }

    @Test
    void another_p8_under_the_same_key_id_gets_its_own_token() {
        String first = tokens.bearerFor(key());
        ApiCredential.ApiKey other = tokens.parseKey(ISSUER, KEY_ID, TestKeys.pem(TestKeys.p256()));

        assertThat(tokens.bearerFor(other)).isNotEqualTo(first);
        assertThat(tokens.bearerFor(key())).isSameAs(first);
    }

    @Test
    void a_fresh_token_replaces_the_cached_one() throws Exception {
        String first = tokens.bearerFor(key());
        clock.advance(Duration.ofSeconds(5));

        String fresh = tokens.freshBearerFor(key());

        assertThat(fresh).isNotEqualTo(first);
        assertThat(tokens.bearerFor(key())).isSameAs(fresh);
        assertThat(SignedJWT.parse(fresh).getJWTClaimsSet().getIssueTime().toInstant())
                .isEqualTo(NOW.plusSeconds(5));
    }

    @Test
    void concurrent_callers_share_one_minted_token() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                calls.add(() -> tokens.bearerFor(key()));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> result : pool.invokeAll(calls)) {
                distinct.add(result.get());
            }
            assertThat(distinct).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_ready_made_jwt_is_used_as_is() {
        String jwt = readyMade(UnaryOperator.identity(), UnaryOperator.identity());

        assertThat(tokens.bearerFor(tokens.checkReadyMade(jwt))).isEqualTo(jwt);
    }

    @Test
    void a_ready_made_jwt_that_expired_since_it_was_checked_is_refused_before_any_call() {
        ApiCredential.ReadyMadeJwt checked =
                tokens.checkReadyMade(readyMade(UnaryOperator.identity(), UnaryOperator.identity()));
        clock.advance(Duration.ofMinutes(11));

        assertMalformed(() -> tokens.bearerFor(checked), "expired");
    }

    // --- ready-made JWT checks: one message per mistake ----------------------------------------

    @Test
    void a_valid_ready_made_jwt_gives_its_key_id() {
        String jwt = readyMade(UnaryOperator.identity(), UnaryOperator.identity());

        ApiCredential.ReadyMadeJwt checked = tokens.checkReadyMade("  Bearer " + jwt + "\n");

        assertThat(checked.keyId()).isEqualTo(KEY_ID);
        assertThat(checked.jwt()).isEqualTo(jwt);
        assertThat(checked.toString()).doesNotContain(jwt);
    }

    @Test
    void an_empty_jwt_is_refused() {
        assertMalformed(() -> tokens.checkReadyMade("  "), "empty");
        assertMalformed(() -> tokens.checkReadyMade(null), "empty");
    }

    @Test
    void a_text_without_three_parts_is_refused() {
        assertMalformed(() -> tokens.checkReadyMade("not-a-jwt"), "three parts");
        assertMalformed(() -> tokens.checkReadyMade("a.b.c.d.e"), "three parts");
    }

    @Test
    void garbage_in_three_parts_is_refused() {
        assertMalformed(() -> tokens.checkReadyMade("%%%.$$$.###"), "base64url-encoded JSON");
        assertMalformed(() -> tokens.checkReadyMade("eyJub3QganNvbg.eyJhIjoxfQ.c2ln"), "base64url-encoded JSON");
    }

    @Test
    void an_unsigned_jwt_is_refused() {
        String none = new PlainJWT(claims(UnaryOperator.identity())).serialize();

        assertMalformed(() -> tokens.checkReadyMade(none), "\"none\". It is not signed at all");
    }

    @Test
    void an_hs256_jwt_is_refused() throws JOSEException {
        SignedJWT hs256 = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY_ID).build(), claims(UnaryOperator.identity()));
        hs256.sign(new MACSigner(new byte[32]));

        assertMalformed(() -> tokens.checkReadyMade(hs256.serialize()), "\"HS256\"");
    }

    @Test
    void a_jwt_without_kid_is_refused() {
        String jwt = readyMade(
                header -> new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT), UnaryOperator.identity());

        assertMalformed(() -> tokens.checkReadyMade(jwt), "no \"kid\"");
    }

    @Test
    void a_jwt_without_iss_is_refused_and_an_individual_key_token_is_named() {
        String jwt = readyMade(UnaryOperator.identity(), claims -> claims.issuer(null));
        String individual = readyMade(
                UnaryOperator.identity(), claims -> claims.issuer(null).subject("user"));

        assertMalformed(() -> tokens.checkReadyMade(jwt), "no \"iss\"");
        assertMalformed(() -> tokens.checkReadyMade(individual), "individual key");
    }

    @Test
    void a_jwt_for_another_audience_is_refused() {
        String jwt = readyMade(UnaryOperator.identity(), claims -> claims.audience("appstoreconnect-v2"));
        String none = readyMade(UnaryOperator.identity(), claims -> claims.audience((String) null));

        assertMalformed(() -> tokens.checkReadyMade(jwt), "\"appstoreconnect-v2\"");
        assertMalformed(() -> tokens.checkReadyMade(none), "audience (\"aud\") is missing");
    }

    @Test
    void an_expired_jwt_is_refused_with_its_expiry() {
        String jwt = readyMade(
                UnaryOperator.identity(),
                claims -> claims.issueTime(Date.from(NOW.minus(Duration.ofMinutes(30))))
                        .expirationTime(Date.from(NOW.minus(Duration.ofMinutes(10)))));

        assertMalformed(() -> tokens.checkReadyMade(jwt), "expired at 2026-11-28 08:50:00 UTC");
    }

    @Test
    void a_jwt_valid_for_21_minutes_is_refused_and_20_minutes_is_fine() {
        String tooLong = readyMade(
                UnaryOperator.identity(), claims -> claims.expirationTime(Date.from(NOW.plus(Duration.ofMinutes(21)))));
        String twenty = readyMade(
                UnaryOperator.identity(), claims -> claims.expirationTime(Date.from(NOW.plus(Duration.ofMinutes(20)))));

        assertMalformed(() -> tokens.checkReadyMade(tooLong), "valid for 21 minutes");
        assertThat(tokens.checkReadyMade(twenty).keyId()).isEqualTo(KEY_ID);
    }

    @Test
    void a_jwt_without_exp_or_iat_is_refused() {
        String noExp = readyMade(UnaryOperator.identity(), claims -> claims.expirationTime(null));
        String noIat = readyMade(UnaryOperator.identity(), claims -> claims.issueTime(null));

        assertMalformed(() -> tokens.checkReadyMade(noExp), "no expiry");
        assertMalformed(() -> tokens.checkReadyMade(noIat), "no issue time");
    }

    @Test
    void a_jwt_issued_in_the_future_is_refused() {
        String jwt = readyMade(
                UnaryOperator.identity(),
                claims -> claims.issueTime(Date.from(NOW.plus(Duration.ofMinutes(5))))
                        .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(15)))));

        assertMalformed(() -> tokens.checkReadyMade(jwt), "in the future");
    }

    @Test
    void every_jwt_mistake_has_its_own_message_and_none_repeats_the_token() throws JOSEException {
        SignedJWT hs256 = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY_ID).build(), claims(UnaryOperator.identity()));
        hs256.sign(new MACSigner(new byte[32]));
        List<String> bad = List.of(
                "",
                "x",
                "%%%.$$$.###",
                new PlainJWT(claims(UnaryOperator.identity())).serialize(),
                hs256.serialize(),
                readyMade(header -> new JWSHeader.Builder(JWSAlgorithm.ES256), UnaryOperator.identity()),
                readyMade(UnaryOperator.identity(), claims -> claims.issuer(null)),
                readyMade(UnaryOperator.identity(), claims -> claims.audience("other")),
                readyMade(UnaryOperator.identity(), claims -> claims.expirationTime(null)),
                readyMade(UnaryOperator.identity(), claims -> claims.issueTime(null)),
                readyMade(UnaryOperator.identity(), claims -> claims.expirationTime(Date.from(NOW.minusSeconds(1)))),
                readyMade(
                        UnaryOperator.identity(),
                        claims -> claims.expirationTime(Date.from(NOW.plusSeconds(21 * 60)))));
        Set<String> messages = new HashSet<>();
        for (String jwt : bad) {
            AppleFailure failure = malformed(() -> tokens.checkReadyMade(jwt));
            messages.add(failure.userMessage());
            if (jwt.length() > 3) {
                assertThat(failure.userMessage()).doesNotContain(jwt);
                assertThat(failure.getMessage()).doesNotContain(jwt);
            }
        }
        assertThat(messages).hasSize(bad.size());
    }

    // --- key parsing ---------------------------------------------------------------------------

    @Test
    void a_valid_key_is_accepted_trimmed() {
        ApiCredential.ApiKey key = tokens.parseKey(" " + ISSUER + " ", " " + KEY_ID + "\n", "\n" + TestKeys.pem(KEY));

        assertThat(key.issuerId()).isEqualTo(ISSUER);
        assertThat(key.keyId()).isEqualTo(KEY_ID);
        assertThat(key.toString()).doesNotContain("BEGIN");
    }

    @Test
    void an_issuer_that_is_blank_or_no_uuid_is_refused() {
        assertMalformed(() -> tokens.parseKey(" ", KEY_ID, TestKeys.pem(KEY)), "Enter the Issuer ID");
        assertMalformed(() -> tokens.parseKey("NWG7ADMIN1", KEY_ID, TestKeys.pem(KEY)), "must be a UUID");
    }

    @Test
    void a_key_id_that_is_not_ten_capitals_and_digits_is_refused() {
        assertMalformed(() -> tokens.parseKey(ISSUER, "", TestKeys.pem(KEY)), "Enter the Key ID");
        assertMalformed(() -> tokens.parseKey(ISSUER, "NWG7ADMIN", TestKeys.pem(KEY)), "exactly 10 capital");
        assertMalformed(() -> tokens.parseKey(ISSUER, "nwg7admin1", TestKeys.pem(KEY)), "exactly 10 capital");
        assertMalformed(() -> tokens.parseKey(ISSUER, "NWG7-ADMIN", TestKeys.pem(KEY)), "exactly 10 capital");
    }

    @Test
    void an_rsa_key_is_refused() {
        assertMalformed(() -> tokens.parseKey(ISSUER, KEY_ID, TestKeys.pem(TestKeys.rsa())), "holds an RSA key");
    }

    @Test
    void a_p384_key_is_refused() {
        assertMalformed(
                () -> tokens.parseKey(ISSUER, KEY_ID, TestKeys.pem(TestKeys.ec("secp384r1"))), "EC key on P-384");
    }

    @Test
    void a_file_that_is_not_pem_is_refused() {
        assertMalformed(() -> tokens.parseKey(ISSUER, KEY_ID, "just some text"), "not a .p8 key file");
        assertMalformed(() -> tokens.parseKey(ISSUER, KEY_ID, ""), "Upload the .p8 file");
    }

    @Test
    void a_file_over_16_kb_is_refused_without_parsing() {
        String big = TestKeys.pem(KEY) + "x".repeat(16 * 1024);

        assertMalformed(() -> tokens.parseKey(ISSUER, KEY_ID, big), "smaller than 1 KB");
    }

    @Test
    void other_pem_kinds_are_named() {
        assertMalformed(
                () -> tokens.parseKey(
                        ISSUER, KEY_ID, "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----"),
                "older \"EC PRIVATE KEY\" format");
        assertMalformed(() -> tokens.parseKey(ISSUER, KEY_ID, TestKeys.publicPem(KEY)), "public key");
        assertMalformed(
                () -> tokens.parseKey(
                        ISSUER,
                        KEY_ID,
                        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----"),
                "password-protected");
    }

    @Test
    void a_damaged_p8_is_refused() {
        assertMalformed(
                () -> tokens.parseKey(
                        ISSUER, KEY_ID, "-----BEGIN PRIVATE KEY-----\n!!!not base64!!!\n-----END PRIVATE KEY-----"),
                "damaged");
        assertMalformed(
                () -> tokens.parseKey(
                        ISSUER, KEY_ID, "-----BEGIN PRIVATE KEY-----\nAAAAAAAA\n-----END PRIVATE KEY-----"),
                "damaged");
    }

    @Test
    void a_key_that_fails_parsing_is_also_refused_when_minting() {
        ApiCredential.ApiKey unchecked = new ApiCredential.ApiKey(ISSUER, KEY_ID, TestKeys.pem(TestKeys.rsa()));

        assertMalformed(() -> tokens.bearerFor(unchecked), "RSA");
    }

    // --- helpers -------------------------------------------------------------------------------

    private ApiCredential.ApiKey key() {
        return tokens.parseKey(ISSUER, KEY_ID, TestKeys.pem(KEY));
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .issueTime(Date.from(NOW))
                        .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(10))))
                        .audience("appstoreconnect-v1"))
                .build();
    }

    private static String readyMade(
            UnaryOperator<JWSHeader.Builder> header, UnaryOperator<JWTClaimsSet.Builder> change) {
        JWSHeader built = header.apply(
                        new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(KEY_ID).type(JOSEObjectType.JWT))
                .build();
        SignedJWT jwt = new SignedJWT(built, claims(change));
        try {
            jwt.sign(new ECDSASigner((ECPrivateKey) KEY.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static AppleFailure malformed(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(AppleFailure.class);
        AppleFailure failure = (AppleFailure) thrown;
        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_CREDENTIAL);
        return failure;
    }

    private static void assertMalformed(ThrowingCallable call, String messagePart) {
        assertThat(malformed(call).userMessage()).contains(messagePart);
    }
}
