package com.storemetrics.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SpringTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every response carries the security headers; the session id travels in a hardened cookie only. */
class SecurityHeadersTest extends SpringTest {

    @LocalServerPort
    int port;

    @Test
    void a_page_carries_csp_referrer_and_permissions_policy() throws Exception {
        HttpResponse<String> page = new WebClient(port).get("/login");

        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains(
                                "default-src 'self'",
                                "frame-ancestors 'none'",
                                "object-src 'none'",
                                "form-action 'self'"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("Permissions-Policy"))
                .hasValueSatisfying(
                        policy -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .as("not over plain HTTP")
                .isEmpty();
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_and_never_in_a_url() throws Exception {
        HttpResponse<String> redirect = new WebClient(port).get("/");

        String cookie = sessionCookie(redirect);
        assertThat(cookie)
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .doesNotContain("Secure");
        assertThat(WebClient.location(redirect)).endsWith("/login").doesNotContainIgnoringCase("jsessionid");
    }

    @Test
    void a_request_body_over_the_limit_is_refused_unread() throws Exception {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        HttpResponse<String> response = new WebClient(port)
                .http.send(
                        HttpRequest.newBuilder(new WebClient(port).url("/login"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(twoMegabytes))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void a_vaadin_ui_message_over_the_limit_gets_a_notice_vaadins_client_shows_instead_of_a_413() throws Exception {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(twoMegabytes, (byte) 'x');
        WebClient browser = new WebClient(port);
        HttpResponse<String> response = browser.http.send(
                HttpRequest.newBuilder(browser.url("/?v-r=uidl&v-uiId=0"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(twoMegabytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body())
                .startsWith("for(;;);[{")
                .contains("\"appError\"")
                .contains("That was too much to send")
                .contains("more than 1 MB at once");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No session cookie in " + cookies));
    }
}
