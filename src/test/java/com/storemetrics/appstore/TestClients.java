package com.storemetrics.appstore;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

/** Clients wired by hand against a given base URL, for tests that must not share the app's settings. */
final class TestClients {

    private TestClients() {}

    static AppStoreProperties properties(URI base) {
        return new AppStoreProperties(
                base + "/reportservice",
                base.toString(),
                "integration@storemetrics.example",
                "5e7c1ce0-0000-4000-8000-000000000001",
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                3,
                Duration.ofMillis(10),
                DataSize.ofMegabytes(8),
                50);
    }

    static ReporterClient reporter(AppStoreProperties properties, AppleCallAccounting accounting, Clock clock) {
        return new ReporterClient(
                properties, new AppleEndpoints(properties, new StandardEnvironment()), accounting, clock);
    }

    static AppStoreConnectClient api(
            AppStoreProperties properties, ApiTokens tokens, AppleCallAccounting accounting, Clock clock) {
        return new AppStoreConnectClient(
                properties, new AppleEndpoints(properties, new StandardEnvironment()), tokens, accounting, clock);
    }
}
