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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The app behind a proxy the operator named ({@code server.tomcat.remoteip.internal-proxies}; here
 * 127.0.0.1 plays the proxy): its X-Forwarded-For gives the client's address (the throttle counts
 * that address), its X-Forwarded-Proto turns on HSTS and the Secure cookie, and still no redirect
 * names a forwarded host. A context of its own, closed after the class.
 */
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=127[.]0[.]0[.]1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BehindATrustedProxyTest extends SpringTest {

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
    void the_client_address_is_the_one_the_proxy_appended_not_one_the_client_made_up() throws Exception {
        // The client sent "X-Forwarded-For: 10.9.9.9"; the proxy appended the address it saw.
        WebClient throughProxy = new WebClient(port).withHeader("X-Forwarded-For", "10.9.9.9, 203.0.113.50");

        throughProxy.signIn("nobody-here", "guess");

        assertThat(warnings.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .singleElement()
                .satisfies(line -> assertThat(line).contains("from 203.0.113.50:"));
    }

    @Test
    void two_clients_behind_the_proxy_are_two_addresses_to_the_throttle() throws Exception {
        WebClient attacker = new WebClient(port).withHeader("X-Forwarded-For", "203.0.113.66");
        for (int attempt = 1; attempt <= 8; attempt++) {
            attacker.signIn("bob", "guess-" + attempt);
        }
        WebClient owner = new WebClient(port).withHeader("X-Forwarded-For", "198.51.100.20");

        assertThat(attacker.signIn("bob", "bob-demo-2026")).endsWith("/login?locked");
        assertThat(owner.signIn("bob", "bob-demo-2026")).doesNotContain("login");
    }

    @Test
    void behind_a_tls_proxy_hsts_is_sent_and_the_cookie_is_secure_and_redirects_name_no_host() throws Exception {
        HttpResponse<String> redirect = new WebClient(port)
                .withHeader("X-Forwarded-Proto", "https")
                .withHeader("X-Forwarded-For", "203.0.113.9")
                .withHeader("X-Forwarded-Host", "evil.example")
                .get("/");

        assertThat(redirect.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
        assertThat(redirect.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).startsWith("JSESSIONID=").contains("Secure"));
        assertThat(WebClient.location(redirect)).isEqualTo("/login");
    }
}
