package com.storemetrics.appstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.storemetrics.SandboxControl;
import com.storemetrics.SpringTest;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the contract tests: our real clients (the application's beans) over real HTTP against
 * the embedded sandbox on the shared context's random port. The sandbox's control API stages the
 * world (faults, clock, budget, membership) through {@link SandboxControl}; KnownState resets it before each test.
 */
abstract class SandboxContract extends SpringTest {

    static final String ALICE_TOKEN = "a11ce000-0000-4000-8000-000000000002";
    static final String BOB_TOKEN = "b0b00000-0000-4000-8000-000000000003";
    static final String DANA_EXPIRED_TOKEN = "de1e7ed0-0000-4000-8000-000000000004";
    static final String ERIN_REVOKED_TOKEN = "7e70ced0-0000-4000-8000-000000000005";
    static final String SERVICE_TOKEN = "5e7c1ce0-0000-4000-8000-000000000001";
    static final String SERVICE_APPLE_ID = "integration@storemetrics.example";
    static final String NORTHWIND_ISSUER = "6e0a7c1e-0003-4000-8000-000000100003";
    static final String NORTHWIND_ADMIN_KEY = "NWG7ADMIN1";
    static final String BLUEBIRD_ISSUER = "6e0a7c1e-0004-4000-8000-000000100004";
    static final String BLUEBIRD_SALES_KEY = "BBL5SALES1";

    @LocalServerPort
    int port;

    @Autowired
    ReporterClient reporter;

    @Autowired
    AppStoreConnectClient api;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AppleCallAccounting accounting;

    @Autowired
    AppStoreProperties properties;

    @Autowired
    AppleEndpoints endpoints;

    @Autowired
    Clock clock;

    SandboxControl sandbox;

    @BeforeEach
    void sandboxOnThisPort() {
        sandbox = new SandboxControl(port);
    }

    /** The team key as the customer would enter it: Issuer ID, Key ID and the .p8 the sandbox generated. */
    ApiCredential.ApiKey apiKey(String keyId) {
        JsonNode key = sandbox.apiKey(keyId);
        return tokens.parseKey(
                key.path("issuerId").asText(), keyId, key.path("privateKeyPem").asText());
    }

    /**
     * Clients with their own call accounting, so a test can count exactly the requests it caused even
     * if something else in the shared context talks to the sandbox meanwhile.
     */
    record Counted<T>(T client, AppleCallAccounting accounting) {
        int sent(AppleProtocol protocol) {
            return accounting.requestsInLastHour(protocol);
        }
    }

    Counted<ReporterClient> countedReporter(AppStoreProperties with) {
        AppleCallAccounting own = new AppleCallAccounting(clock);
        return new Counted<>(new ReporterClient(with, endpoints, own, clock), own);
    }

    Counted<ReporterClient> countedReporter() {
        return countedReporter(properties);
    }

    Counted<AppStoreConnectClient> countedApi(AppStoreProperties with) {
        AppleCallAccounting own = new AppleCallAccounting(clock);
        return new Counted<>(new AppStoreConnectClient(with, endpoints, tokens, own, clock), own);
    }

    Counted<AppStoreConnectClient> countedApi() {
        return countedApi(properties);
    }
}
