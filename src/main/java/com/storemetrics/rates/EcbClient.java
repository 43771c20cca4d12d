package com.storemetrics.rates;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Fetches one of the ECB's reference-rate files over HTTP (the JDK's client, as the App Store
 * clients do): connect and read time-outs, a size cap, and {@link FeedFailure} for whatever is not
 * a readable file (an error status, a time-out, a dropped connection, garbage, hostile XML).
 */
@Component
class EcbClient {

    /** The ECB's three files. */
    enum File {
        DAILY("eurofxref-daily.xml"),
        NINETY_DAYS("eurofxref-hist-90d.xml"),
        HISTORY("eurofxref-hist.xml");

        final String name;

        File(String name) {
            this.name = name;
        }
    }

    /** Why a fetch gave nothing usable; {@code getMessage()} says it for a log line and a page. */
    static final class FeedFailure extends RuntimeException {
        FeedFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final String SANDBOX_PATH = "/sandbox/ecb/stats/eurofxref/";

    private final RatesProperties properties;
    private final Environment environment;
    private final HttpClient http;
    private volatile int serverPort = -1;

    EcbClient(RatesProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @EventListener
    void webServerStarted(WebServerInitializedEvent event) {
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            serverPort = event.getWebServer().getPort();
        }
    }

    /** The file's rates, units per euro by day. */
    NavigableMap<LocalDate, Map<String, BigDecimal>> fetch(File file) {
        URI uri = base().resolve(file.name);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.readTimeout())
                .header("Accept", "application/xml, text/xml")
                .GET()
                .build();
        byte[] body;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new FeedFailure(uri + " answered HTTP " + response.statusCode(), null);
                }
                long limit = properties.maxResponseBytes().toBytes();
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                if (body.length > limit) {
                    throw new FeedFailure(uri + " answered more than " + limit + " bytes: not read", null);
                }
            }
        } catch (IOException e) {
            throw new FeedFailure(uri + " could not be read: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedFailure(uri + " was not read: interrupted", e);
        }
        try {
            return EcbXml.parse(new ByteArrayInputStream(body));
        } catch (UnreadableFeed e) {
            throw new FeedFailure(uri + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** The configured base, or this application's own sandbox when it is blank. */
    URI base() {
        String configured = properties.ecbUrl().trim();
        if (!configured.isEmpty()) {
            return URI.create(configured.endsWith("/") ? configured : configured + "/");
        }
        if (!environment.getProperty("storemetrics.sandbox.enabled", Boolean.class, false)) {
            throw new FeedFailure(
                    "storemetrics.rates.ecb-url is blank, which means the embedded sandbox's feed, but the sandbox is off",
                    null);
        }
        int port = serverPort > 0 ? serverPort : environment.getProperty("local.server.port", Integer.class, -1);
        if (port <= 0) {
            throw new FeedFailure("the embedded sandbox's rate feed is not up yet (no web server port)", null);
        }
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        while (contextPath.endsWith("/")) {
            contextPath = contextPath.substring(0, contextPath.length() - 1);
        }
        return URI.create("http://localhost:" + port + contextPath + SANDBOX_PATH);
    }
}
