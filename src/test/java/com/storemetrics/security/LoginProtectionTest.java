package com.storemetrics.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SpringTest;
import com.storemetrics.TestClock;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-in over real HTTP: CSRF on the login form, and the throttle's lock. */
class LoginProtectionTest extends SpringTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    LoginProperties properties;

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
    void the_sixth_rapid_wrong_password_is_locked_and_the_right_one_works_after_the_lock() throws Exception {
        WebClient browser = new WebClient(port);
        for (int attempt = 1; attempt <= properties.accountFailures(); attempt++) {
            assertThat(browser.signIn("bob", "wrong-" + attempt)).endsWith("/login?error");
        }

        assertThat(browser.signIn("bob", "bob-demo-2026"))
                .as("locked: even the right password waits")
                .endsWith("/login?locked");

        clock.advance(properties.firstLock().plusSeconds(1));
        assertThat(browser.signIn("bob", "bob-demo-2026")).doesNotContain("login");
    }

    @Test
    void an_unknown_account_is_locked_exactly_like_a_real_one() throws Exception {
        WebClient browser = new WebClient(port);
        for (int attempt = 1; attempt <= properties.accountFailures(); attempt++) {
            assertThat(browser.signIn("nobody-here", "wrong-" + attempt)).endsWith("/login?error");
        }

        assertThat(browser.signIn("nobody-here", "whatever")).endsWith("/login?locked");
    }

    @Test
    void an_over_long_password_is_refused_without_a_check() throws Exception {
        WebClient browser = new WebClient(port);

        assertThat(browser.signIn("carol", "x".repeat(properties.maxPasswordLength() + 1)))
                .endsWith("/login?error");
        assertThat(browser.signIn("carol", "carol-demo-2026")).doesNotContain("login");
    }
}
