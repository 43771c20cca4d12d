package com.storemetrics.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of Spring Security's form login ({@code POST /login}, after the CSRF check):
 * refuses a sign-in that must wait ({@link LoginThrottle}), and refuses over-long user names and
 * passwords, both before any password is checked. Learns the outcome of every real check from
 * Spring Security's authentication events, which come on the request's own thread while the
 * filter holds what it read about the attempt.
 */
@Component
class LoginGuard {

    static final String LOGIN_PATH = "/login";
    static final String LOCKED_URL = "/login?locked";
    static final String ERROR_URL = "/login?error";

    /** The attempt under way on this thread: what was typed, from where, and how it stood. */
    private record Attempt(String username, String address, LoginThrottle.Standing standing) {}

    private final ThreadLocal<Attempt> current = new ThreadLocal<>();
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
                LoginThrottle.Standing standing = throttle.standing(username, address);
                if (standing.mustWait()) {
                    throttle.refused(username, address, standing);
                    response.sendRedirect(request.getContextPath() + LOCKED_URL);
                    return;
                }
                if ((username != null && username.length() > properties.maxUsernameLength())
                        || (password != null && password.length() > properties.maxPasswordLength())) {
                    throttle.failed(username, address, standing);
                    response.sendRedirect(request.getContextPath() + ERROR_URL);
                    return;
                }
                current.set(new Attempt(username, address, standing));
                try {
                    chain.doFilter(request, response);
                } finally {
                    current.remove();
                }
            }
        };
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        Attempt attempt = attempt(
                String.valueOf(event.getAuthentication().getPrincipal()),
                event.getAuthentication().getDetails());
        throttle.failed(attempt.username(), attempt.address(), attempt.standing());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails) {
            throttle.succeeded(attempt(
                            event.getAuthentication().getName(),
                            event.getAuthentication().getDetails())
                    .standing());
        }
    }

    /** The attempt this filter let through, or (should the event come from elsewhere) one read now. */
    private Attempt attempt(String username, Object details) {
        Attempt attempt = current.get();
        if (attempt != null) {
            return attempt;
        }
        String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        return new Attempt(username, address, throttle.standing(username, address));
    }
}
