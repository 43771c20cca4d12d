package com.storemetrics.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in over real HTTP: CSRF on the login form, and the throttle, which slows a guessing
 * (account, address) pair or address down without locking the account's owner out. Clients come
 * from 127.0.0.1 and, to be a second address, 127.0.0.2.
 */
class LoginProtectionTest extends SpringTest {

    static final String OWNERS_ADDRESS = "127.0.0.2";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    LoginProperties properties;

    private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();

    @BeforeEach
    void captureWarnings() {
        warnings.start();
        throttleLogger().addAppender(warnings);
    }

    @AfterEach
    void stopCapturing() {
        throttleLogger().detachAppender(warnings);
    }

    @Test
    void a_login_post_from_a_foreign_page_without_the_token_is_refused() throws Exception {
        WebClient browser = new WebClient(port);
        browser.get("/login");

        HttpResponse<String> foreign = browser.postLogin("alice", "alice-demo-2026", null, "https://evil.example");

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(WebClient.location(browser.get("/"))).as("still signed out").contains("/login");
    }

    @Test
    void the_login_form_with_its_token_signs_in() throws Exception {
        WebClient browser = new WebClient(port);

        assertThat(browser.signIn("carol", "carol-demo-2026")).doesNotContain("login");
    }

    @Test
    void the_owner_signs_in_from_another_address_while_an_attacker_keeps_failing_from_one() throws Exception {
        WebClient attacker = new WebClient(port);
        for (int attempt = 1; attempt <= properties.pairFailures() + 3; attempt++) {
            attacker.signIn("alice", "guess-" + attempt);
        }
        assertThat(attacker.signIn("alice", "alice-demo-2026"))
                .as("the guessing address waits, even with the right password")
                .endsWith("/login?locked");

        WebClient owner = WebClient.from(port, OWNERS_ADDRESS);

        assertThat(owner.signIn("alice", "alice-demo-2026"))
                .as("the owner, from an address that has not been failing")
                .doesNotContain("login");
    }

    @Test
    void after_the_free_failures_a_pair_waits_even_with_the_right_password_and_signs_in_once_the_wait_is_over()
            throws Exception {
        WebClient browser = new WebClient(port);
        for (int attempt = 1; attempt <= properties.pairFailures(); attempt++) {
            assertThat(browser.signIn("bob", "wrong-" + attempt)).endsWith("/login?error");
        }

        assertThat(browser.signIn("bob", "bob-demo-2026")).endsWith("/login?locked");

        clock.advance(properties.firstDelay().plusSeconds(1));
        assertThat(browser.signIn("bob", "bob-demo-2026")).doesNotContain("login");
    }

    @Test
    void each_failure_after_a_wait_doubles_the_next_wait() throws Exception {
        WebClient browser = new WebClient(port);
        for (int attempt = 1; attempt <= properties.pairFailures(); attempt++) {
            browser.signIn("bob", "wrong-" + attempt);
        }
        clock.advance(properties.firstDelay().plusSeconds(1));
        assertThat(browser.signIn("bob", "one-more-guess")).endsWith("/login?error");

        clock.advance(properties.firstDelay().plusSeconds(1));
        assertThat(browser.signIn("bob", "bob-demo-2026"))
                .as("the first wait's length is no longer enough")
                .endsWith("/login?locked");

        clock.advance(properties.firstDelay());
        assertThat(browser.signIn("bob", "bob-demo-2026")).doesNotContain("login");
    }

    @Test
    void an_unknown_account_waits_exactly_like_a_real_one() throws Exception {
        WebClient browser = new WebClient(port);
        for (int attempt = 1; attempt <= properties.pairFailures(); attempt++) {
            assertThat(browser.signIn("nobody-here", "wrong-" + attempt)).endsWith("/login?error");
        }

        assertThat(browser.signIn("nobody-here", "whatever")).endsWith("/login?locked");
    }

    @Test
    void every_failure_and_refusal_is_logged_at_warn_with_the_name_and_address_never_the_password() throws Exception {
        WebClient browser = WebClient.from(port, OWNERS_ADDRESS);
        for (int attempt = 1; attempt <= properties.pairFailures(); attempt++) {
            browser.signIn("carol", "secret-guess-" + attempt);
        }
        browser.signIn("carol", "secret-guess-last");

        assertThat(warnings.list)
                .allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(properties.pairFailures() + 1)
                .allSatisfy(line -> assertThat(line)
                        .contains("account 'carol' from " + OWNERS_ADDRESS)
                        .doesNotContain("secret"))
                .last()
                .satisfies(line -> assertThat(line).startsWith("Refused sign-in"));
        assertThat(warnings.list.get(properties.pairFailures() - 1).getFormattedMessage())
                .startsWith("Failed sign-in")
                .contains(properties.pairFailures() + " failure(s) of the account from this address")
                .contains("next attempt waits until");
    }

    @Test
    void an_over_long_password_is_refused_without_a_check() throws Exception {
        WebClient browser = new WebClient(port);

        assertThat(browser.signIn("carol", "x".repeat(properties.maxPasswordLength() + 1)))
                .endsWith("/login?error");
        assertThat(browser.signIn("carol", "carol-demo-2026")).doesNotContain("login");
    }

    private static Logger throttleLogger() {
        return (Logger) LoggerFactory.getLogger(LoginThrottle.class);
    }
}
