package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

class ApiJwtVerificationTest extends SandboxHttpTest {

    private final Instant now = Instant.now();

    @Test
    void a_valid_es256_token_of_a_registered_key_is_accepted() throws Exception {
        HttpResponse<String> response = apiGet("/v1/apps?limit=1", validJwt(ADMIN_KEY, ADMIN_ISSUER));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Rate-Limit")).hasValue("user-hour-lim:3600;user-hour-rem:3599;");
    }

    @Test
    void a_token_signed_by_another_key_is_rejected_with_401() throws Exception {
        var stranger = new ECKeyGenerator(Curve.P_256).generate().toECPrivateKey();

        assertRejected(jwt(stranger, ADMIN_KEY, ADMIN_ISSUER, "appstoreconnect-v1", now, now.plusSeconds(600)));
    }

    @Test
    void an_unsigned_alg_none_token_is_rejected_with_401() throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString(
                ("{\"alg\":\"none\",\"kid\":\"" + ADMIN_KEY + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
        String claims =
                base64.encodeToString(("{\"iss\":\"" + ADMIN_ISSUER + "\",\"aud\":\"appstoreconnect-v1\",\"iat\":"
                                + now.getEpochSecond() + ",\"exp\":" + (now.getEpochSecond() + 600) + "}")
                        .getBytes(StandardCharsets.UTF_8));

        assertRejected(header + "." + claims + ".");
    }

    @Test
    void an_hs256_token_is_rejected_with_401() throws Exception {
        SignedJWT hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(ADMIN_KEY).build(),
                new JWTClaimsSet.Builder()
                        .issuer(ADMIN_ISSUER)
                        .audience("appstoreconnect-v1")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600)))
                        .build());
        hmac.sign(new MACSigner("a shared secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8)));

        assertRejected(hmac.serialize());
    }

    @Test
    void a_token_without_kid_is_rejected_with_401() throws Exception {
        assertRejected(jwt(privateKey(ADMIN_KEY), null, ADMIN_ISSUER, "appstoreconnect-v1", now, now.plusSeconds(600)));
    }

    @Test
    void a_token_with_another_teams_issuer_is_rejected_with_401() throws Exception {
        assertRejected(
                jwt(privateKey(ADMIN_KEY), ADMIN_KEY, SALES_ISSUER, "appstoreconnect-v1", now, now.plusSeconds(600)));
    }

    @Test
    void a_token_for_another_audience_is_rejected_with_401() throws Exception {
        assertRejected(
                jwt(privateKey(ADMIN_KEY), ADMIN_KEY, ADMIN_ISSUER, "appstoreconnect-v2", now, now.plusSeconds(600)));
    }

    @Test
    void an_expired_token_is_rejected_with_401() throws Exception {
        assertRejected(jwt(
                privateKey(ADMIN_KEY),
                ADMIN_KEY,
                ADMIN_ISSUER,
                "appstoreconnect-v1",
                now.minus(Duration.ofMinutes(15)),
                now.minus(Duration.ofMinutes(1))));
    }

    @Test
    void a_jwt_living_21_minutes_is_rejected_with_401() throws Exception {
        assertRejected(jwt(
                privateKey(ADMIN_KEY),
                ADMIN_KEY,
                ADMIN_ISSUER,
                "appstoreconnect-v1",
                now,
                now.plus(Duration.ofMinutes(21))));
    }

    @Test
    void a_jwt_living_exactly_20_minutes_is_accepted() throws Exception {
        String token = jwt(
                privateKey(ADMIN_KEY),
                ADMIN_KEY,
                ADMIN_ISSUER,
                "appstoreconnect-v1",
                now,
                now.plus(Duration.ofMinutes(20)));

        assertThat(apiGet("/v1/apps", token).statusCode()).isEqualTo(200);
    }

    @Test
    void a_missing_or_garbled_authorization_header_is_rejected_with_401() throws Exception {
        assertRejected(null);
        assertRejected("not-a-jwt");
        assertRejected("a.b.c");
    }

    @Test
    void a_token_stops_working_once_sandbox_time_passes_its_expiry() throws Exception {
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        assertThat(apiGet("/v1/apps", token).statusCode()).isEqualTo(200);

        control("POST", "/clock", "{\"advance\":\"PT11M\"}");

        assertRejected(token);
    }

    private void assertRejected(String bearer) throws Exception {
        HttpResponse<String> response = apiGet("/v1/apps", bearer);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Rate-Limit"))
                .hasValueSatisfying(header -> assertThat(header).matches("user-hour-lim:\\d+;user-hour-rem:\\d+;"));
        JsonNode error = JSON.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("status").asText()).isEqualTo("401");
        assertThat(error.path("code").asText()).isEqualTo("NOT_AUTHORIZED");
        assertThat(error.path("title").asText()).isEqualTo("Authentication credentials are missing or invalid.");
        assertThat(error.path("detail").asText())
                .isEqualTo(
                        "Provide a properly configured and signed bearer token, and make sure that it has not expired.");
        assertThat(error.path("id").asText()).matches("[0-9a-f-]{36}");
    }
}
