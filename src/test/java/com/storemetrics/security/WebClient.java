package com.storemetrics.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP client that signs in through the login form, as a browser would. */
final class WebClient {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final int port;

    WebClient(int port) {
        this.port = port;
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(url(path))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token the login page carries for the login form. */
    String csrfToken() throws Exception {
        Matcher matcher = CSRF.matcher(get("/login").body());
        if (!matcher.find()) {
            throw new AssertionError("The login page carries no CSRF token");
        }
        return matcher.group(1);
    }

    /** POST /login with the form's fields; {@code csrf} null leaves the token out. Returns where it redirects. */
    HttpResponse<String> postLogin(String username, String password, String csrf, String origin) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/login"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with a fresh token; returns the redirect target. */
    String signIn(String username, String password) throws Exception {
        return location(postLogin(username, password, csrfToken(), "http://localhost:" + port));
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }
}
