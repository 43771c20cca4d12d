package com.storemetrics.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.storemetrics.SpringTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With the default configuration no peer is a trusted proxy: a client on the loopback or a private
 * network cannot pick its address with X-Forwarded-For or its scheme with X-Forwarded-Proto, and
 * no redirect names a host a client sent (X-Forwarded-Host or Host). Over real HTTP; with a
 * configured proxy: {@link BehindATrustedProxyTest}.
 */
class ForwardedHeadersTest extends SpringTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();

    @BeforeEach
    void listen() {
        warnings.start();
        ((Logger) LoggerFactory.getLogger(LoginThrottle.class)).addAppender(warnings);
    }

    @AfterEach
    void restore() {
        ((Logger) LoggerFactory.getLogger(LoginThrottle.class)).detachAppender(warnings);
    }

    @Test
    void a_forwarded_host_from_an_untrusted_peer_never_becomes_a_redirect_target_before_or_after_sign_in()
            throws Exception {
        WebClient browser = new WebClient(port)
                .withHeader("X-Forwarded-Host", "evil.example")
                .withHeader("X-Forwarded-Port", "8090");

        String toLogin = WebClient.location(browser.get("/my-account/data-integration"));
        String afterSignIn = browser.signIn("alice", "alice-demo-2026");

        assertThat(toLogin).isEqualTo("/login");
        assertThat(afterSignIn).startsWith("/my-account/data-integration").doesNotContain("evil.example");
    }

    @Test
    void a_host_header_naming_another_site_is_not_echoed_into_a_redirect() throws Exception {
        WebClient browser = WebClient.from(port, "127.0.0.1").withHeader("Host", "evil.example");

        HttpResponse<String> redirect = browser.get("/my-account/data-integration");

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(redirect)).isEqualTo("/login");
    }

    @Test
    void a_forwarded_for_from_an_untrusted_peer_does_not_change_the_client_address() throws Exception {
        WebClient browser = new WebClient(port).withHeader("X-Forwarded-For", "203.0.113.50");

        browser.signIn("nobody-here", "guess");

        assertThat(warnings.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .singleElement()
                .satisfies(line -> assertThat(line).contains("from 127.0.0.1:").doesNotContain("203.0.113.50"));
    }

    @Test
    void a_forwarded_proto_from_an_untrusted_peer_makes_no_secure_cookie_and_no_hsts() throws Exception {
        HttpResponse<String> redirect =
                new WebClient(port).withHeader("X-Forwarded-Proto", "https").get("/");

        assertThat(redirect.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(redirect.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").doesNotContain("Secure"));
    }
}
