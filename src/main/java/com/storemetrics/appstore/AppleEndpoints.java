package com.storemetrics.appstore;

import java.net.URI;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The base URLs the clients call. A configured URL is used as is; a blank one means the sandbox of
 * {@code storemetrics.sandbox.shared-url} when that is set, else this application's own embedded sandbox, which is known only once the web server has its port (tests
 * and the benchmark run on a random port), so it is resolved on every call rather than at start-up.
 */
@Component
public class AppleEndpoints {

    static final String SANDBOX_REPORTER_PATH = "/sandbox/apple/reportservice";
    static final String SANDBOX_API_PATH = "/sandbox/apple";
    /** The sandbox's control API (not Apple's): only the sandbox's invitation inbox calls it. */
    static final String SANDBOX_CONTROL_PATH = "/sandbox/apple/control";

    private final String reporterUrl;
    private final String apiUrl;
    private final String sharedSandbox;
    private final Environment environment;
    private volatile int serverPort = -1;

    AppleEndpoints(AppStoreProperties properties, Environment environment) {
        // Several development nodes share one node's sandbox (docs/scale-out.md): blank URLs mean that one.
        String shared = trimmed(environment.getProperty("storemetrics.sandbox.shared-url", ""));
        this.reporterUrl = orShared(trimmed(properties.reporterUrl()), shared, SANDBOX_REPORTER_PATH);
        this.apiUrl = orShared(trimmed(properties.apiUrl()), shared, SANDBOX_API_PATH);
        this.sharedSandbox = shared;
        this.environment = environment;
    }

    @EventListener
    void webServerStarted(WebServerInitializedEvent event) {
        // The management server (if ever on its own port) is not where the sandbox lives.
        if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
            serverPort = event.getWebServer().getPort();
        }
    }

    /** Base of the Reporter service, without a trailing slash. */
    public URI reporterBase() {
        return reporterUrl.isEmpty() ? sandbox(SANDBOX_REPORTER_PATH) : URI.create(reporterUrl);
    }

    /** Base of the App Store Connect API, without a trailing slash. */
    public URI apiBase() {
        return apiUrl.isEmpty() ? sandbox(SANDBOX_API_PATH) : URI.create(apiUrl);
    }

    /** Whether the Reporter calls go to this application's embedded sandbox. */
    public boolean reporterIsEmbeddedSandbox() {
        return reporterUrl.isEmpty();
    }

    /** Whether the API calls go to this application's embedded sandbox. */
    public boolean apiIsEmbeddedSandbox() {
        return apiUrl.isEmpty();
    }

    /**
     * Base of the sandbox's control API, without a trailing slash: the node's of
     * {@code storemetrics.sandbox.shared-url} when that is set, else this application's own.
     * Development only, like the sandbox.
     */
    URI sandboxControlBase() {
        return sharedSandbox.isEmpty()
                ? sandbox(SANDBOX_CONTROL_PATH)
                : URI.create(sharedSandbox + SANDBOX_CONTROL_PATH);
    }

    private URI sandbox(String path) {
        int port = serverPort;
        if (port <= 0) {
            port = environment.getProperty("local.server.port", Integer.class, -1);
        }
        if (port <= 0) {
            throw new AppleFailure(
                    AppleFailure.Kind.UNAVAILABLE,
                    "The App Store Connect sandbox is still starting. Try again in a moment.",
                    "storemetrics.apple URL is blank (embedded sandbox) but the web server has no port yet");
        }
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        return URI.create("http://localhost:" + port + withoutTrailingSlash(contextPath) + path);
    }

    private static String orShared(String configured, String sharedSandbox, String path) {
        return configured.isEmpty() && !sharedSandbox.isEmpty() ? sharedSandbox + path : configured;
    }

    private static String trimmed(String url) {
        return url == null ? "" : withoutTrailingSlash(url.trim());
    }

    private static String withoutTrailingSlash(String text) {
        String result = text;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
