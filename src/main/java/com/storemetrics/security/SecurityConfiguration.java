package com.storemetrics.security;

import com.storemetrics.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    /**
     * Paths served to machines, not to browsers: the embedded sandbox speaks Apple's protocols and
     * authenticates callers the way Apple does (tokens, JWTs), so Spring's session login and CSRF
     * do not apply there.
     */
    static final String SANDBOX_API = "/sandbox/apple/**";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http,
            @Value("${storemetrics.sandbox.enabled:true}") boolean sandboxEnabled) throws Exception {
        http.authorizeHttpRequests(auth -> {
            // Without the sandbox nothing may answer there, not even Vaadin's catch-all page.
            if (sandboxEnabled) {
                auth.requestMatchers(SANDBOX_API).permitAll();
            } else {
                auth.requestMatchers(SANDBOX_API).denyAll();
            }
            auth.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
        });
        http.csrf(csrf -> csrf.ignoringRequestMatchers(SANDBOX_API));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
