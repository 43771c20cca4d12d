package com.storemetrics.security;

import com.storemetrics.security.ui.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach what: Vaadin's security configurer with the login view, the sandbox's machine API,
 * headers, the login guard. Vaadin's security context strategy makes the session's own user the
 * signed-in one wherever Vaadin runs work for that session: {@code UI.access} commands queued by
 * background threads and the push that follows them, grids fetching lazily included
 * (docs/live-updates.md).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * Paths served to machines, not to browsers: the embedded sandbox speaks Apple's protocols and
     * authenticates callers the way Apple does (tokens, JWTs), so Spring's session login and CSRF
     * do not apply there (its control API has its own guard, see docs/security.md).
     */
    static final String SANDBOX_API = "/sandbox/apple/**";

    /** The sandbox's copy of the European Central Bank's reference-rate files (plain GETs of XML). */
    static final String SANDBOX_ECB = "/sandbox/ecb/**";

    /**
     * One-click unsubscribe from e-mail notices (RFC 8058): mail clients POST there without a session
     * or CSRF token; the link's HMAC signature is the authorisation (notices.UnsubscribeController).
     */
    static final String MAIL_UNSUBSCRIBE = "/mail/unsubscribe";

    /**
     * What Vaadin 24 needs and no more: its bootstrap page has inline scripts and {@code executeJs}
     * compiles functions ('unsafe-inline', 'unsafe-eval'); Lumo injects styles and uses data: URLs for
     * icons; push uses a same-origin WebSocket ('self'). Nothing may frame the app, no plug-ins, forms
     * post only to us.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Powerful browser features the app never uses, switched off for it and anything it embeds. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            RequestUtil vaadinRequests,
            LoginGuard loginGuard,
            @Value("${storemetrics.sandbox.enabled:false}") boolean sandboxEnabled)
            throws Exception {
        http.authorizeHttpRequests(auth -> {
            // Without the sandbox nothing may answer there, not even Vaadin's catch-all page.
            if (sandboxEnabled) {
                auth.requestMatchers(SANDBOX_API, SANDBOX_ECB).permitAll();
            } else {
                auth.requestMatchers(SANDBOX_API, SANDBOX_ECB).denyAll();
            }
            auth.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
            auth.requestMatchers(MAIL_UNSUBSCRIBE).permitAll();
            // A refusal (403 for a missing CSRF token, 413 for an oversized body) stays that status
            // instead of turning into a redirect to the login page on its way to the error page.
            auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
        });
        // Our own CSRF set-up instead of Vaadin's, which leaves POST /login out: a foreign page could
        // then sign a victim into the attacker's account. Vaadin's internal requests carry Vaadin's
        // own CSRF token; the login form sends Spring's (see CsrfMetaTags); logout stays protected.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(
                vaadinRequests::isFrameworkInternalRequest,
                PathPatternRequestMatcher.withDefaults().matcher(SANDBOX_API),
                PathPatternRequestMatcher.withDefaults().matcher(MAIL_UNSUBSCRIBE)));
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                // Sent only over TLS (directly or behind a proxy that says X-Forwarded-Proto: https).
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        http.addFilterBefore(loginGuard.filter(), UsernamePasswordAuthenticationFilter.class);
        http.with(
                VaadinSecurityConfigurer.vaadin(),
                vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
