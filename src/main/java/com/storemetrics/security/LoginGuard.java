package com.storemetrics.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of Spring Security's form login ({@code POST /login}, after the CSRF check):
 * refuses a sign-in while its account or address is locked, and refuses over-long user names and
 * passwords, both before any password is checked. Learns the outcome of every real check from
 * Spring Security's authentication events.
 */
@Component
class LoginGuard {

    static final String LOGIN_PATH = "/login";
    static final String LOCKED_URL = "/login?locked";
    static final String ERROR_URL = "/login?error";

    private final LoginThrottle throttle;
    private final LoginProperties properties;

    LoginGuard(LoginThrottle throttle, LoginProperties properties) {
        this.throttle = throttle;
        this.properties = properties;
    }

    /** The servlet filter; built by the security configuration, so it runs only in its chain. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod()) && LOGIN_PATH.equals(request.getServletPath()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String username = request.getParameter("username");
                String password = request.getParameter("password");
                String address = request.getRemoteAddr();
                Optional<Instant> locked = throttle.lockedUntil(username, address);
                if (locked.isPresent()) {
                    throttle.refusedWhileLocked(username, address, locked.get());
                    response.sendRedirect(request.getContextPath() + LOCKED_URL);
                    return;
                }
                if ((username != null && username.length() > properties.maxUsernameLength())
                        || (password != null && password.length() > properties.maxPasswordLength())) {
                    throttle.failed(username, address);
                    response.sendRedirect(request.getContextPath() + ERROR_URL);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        throttle.failed(
                String.valueOf(event.getAuthentication().getPrincipal()),
                address(event.getAuthentication().getDetails()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails) {
            throttle.succeeded(event.getAuthentication().getName());
        }
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
    }
}
