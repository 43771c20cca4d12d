package com.storemetrics.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the sandbox's HTTP tests: real requests against the app on its random port (KnownState
 * resets the shared sandbox before each test).
 */
abstract class SandboxHttpTest extends SpringTest {

    static final String ALICE_TOKEN = "a11ce000-0000-4000-8000-000000000002";
    static final String BOB_TOKEN = "b0b00000-0000-4000-8000-000000000003";
    static final String DANA_EXPIRED_TOKEN = "de1e7ed0-0000-4000-8000-000000000004";
    static final String ERIN_REVOKED_TOKEN = "7e70ced0-0000-4000-8000-000000000005";
    static final String SERVICE_TOKEN = "5e7c1ce0-0000-4000-8000-000000000001";
    static final String SERVICE_APPLE_ID = "integration@storemetrics.example";
    static final String ADMIN_KEY = "NWG7ADMIN1";
    static final String ADMIN_ISSUER = "6e0a7c1e-0003-4000-8000-000000100003";
    static final String SALES_KEY = "BBL5SALES1";
    static final String SALES_ISSUER = "6e0a7c1e-0004-4000-8000-000000100004";

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    // ---------------------------------------------------------------- Reporter

    static String reporterJson(String token, String account, String queryInput) {
        return "{\"accesstoken\":\"" + token + "\",\"version\":\"2.2\",\"mode\":\"Robot.XML\","
                + (account == null ? "" : "\"account\":\"" + account + "\",")
                + "\"queryInput\":\"[p=Reporter.properties, " + queryInput + "]\"}";
    }

    HttpRequest.Builder reporterRequest(String service, String jsonRequest) {
        return HttpRequest.newBuilder(url("/sandbox/apple/reportservice/" + service + "/v1"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "jsonRequest=" + URLEncoder.encode(jsonRequest, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> reporter(String token, String account, String queryInput) throws Exception {
        return send(reporterRequest("sales", reporterJson(token, account, queryInput)));
    }

    // ---------------------------------------------------------------- control API

    HttpResponse<String> control(String method, String path, String body) {
        return new SandboxControl(port).exchange(method, path, body);
    }

    JsonNode world() {
        return new SandboxControl(port).world();
    }

    JsonNode account(String number) throws Exception {
        for (JsonNode account : world().path("accounts")) {
            if (account.path("number").asText().equals(number)) {
                return account;
            }
        }
        throw new AssertionError("No account " + number);
    }

    /** The account numbers a Reporter token lists in {@code Sales.getAccounts}. */
    List<String> reporterAccountNumbers(String token) throws Exception {
        HttpResponse<String> response = reporter(token, null, "Sales.getAccounts");
        if (response.statusCode() != 200) {
            throw new AssertionError("getAccounts answered " + response.statusCode() + ": " + response.body());
        }
        List<String> numbers = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("<Number>(\\d+)</Number>").matcher(response.body());
        while (matcher.find()) {
            numbers.add(matcher.group(1));
        }
        return numbers;
    }

    // ---------------------------------------------------------------- App Store Connect API

    /** The .p8 the console hands out, parsed the way any client would: PKCS#8 PEM, EC. */
    ECPrivateKey privateKey(String keyId) throws Exception {
        for (JsonNode key : world().path("apiKeys")) {
            if (key.path("keyId").asText().equals(keyId)) {
                String pem = key.path("privateKeyPem").asText();
                String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "")
                        .replace("-----END PRIVATE KEY-----", "")
                        .replaceAll("\\s", "");
                return (ECPrivateKey) KeyFactory.getInstance("EC")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            }
        }
        throw new AssertionError("No key " + keyId);
    }

    static String jwt(
            ECPrivateKey key, String keyId, String issuer, String audience, Instant issuedAt, Instant expiresAt)
            throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT);
        if (keyId != null) {
            header.keyID(keyId);
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** A token as our clients mint it: 10 minutes from now (sandbox time), signed by the key's own .p8. */
    String validJwt(String keyId, String issuer) throws Exception {
        Instant now = sandboxNow();
        return jwt(privateKey(keyId), keyId, issuer, "appstoreconnect-v1", now, now.plus(Duration.ofMinutes(10)));
    }

    /** The sandbox's time, which tests move forward through the control API. */
    Instant sandboxNow() throws Exception {
        return Instant.parse(world().path("now").asText());
    }

    HttpResponse<String> api(String method, String pathAndQuery, String bearer, String body) throws Exception {
        return send(apiRequest(method, pathAndQuery, bearer, body));
    }

    HttpRequest.Builder apiRequest(String method, String pathAndQuery, String bearer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/sandbox/apple" + pathAndQuery))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request;
    }

    HttpResponse<String> apiGet(String pathAndQuery, String bearer) throws Exception {
        return api("GET", pathAndQuery, bearer, null);
    }

    static String gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
