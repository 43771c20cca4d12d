package com.storemetrics.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The control API hands out every demo secret and changes the world, so only its owner may use it:
 * a request must come from a loopback address, name {@code localhost} or {@code 127.0.0.1} (or
 * {@code [::1]}) as its Host (a DNS-rebinding page names its own host), carry no forwarding headers
 * (a proxy in front means someone else's request), and every changing request must say
 * {@code Content-Type: application/json}, which no cross-origin page can send without a CORS
 * preflight that this app never answers. Refusals are 403 (or 415) with a JSON error.
 */
final class ControlApiGuard extends OncePerRequestFilter {

    static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> FORWARDING_HEADERS =
            Set.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP");

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSandbox
    static class Registration {
        @Bean
        FilterRegistrationBean<ControlApiGuard> controlApiGuard() {
            FilterRegistrationBean<ControlApiGuard> registration = new FilterRegistrationBean<>(new ControlApiGuard());
            registration.addUrlPatterns(ControlController.PATH + "/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusal = refusal(request);
        if (refusal != null) {
            int status = refusal.startsWith("Content-Type") ? 415 : 403;
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(("{\"error\":\"" + refusal + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why a request is refused, or null when it may pass. */
    static String refusal(HttpServletRequest request) {
        if (!isLoopback(request.getRemoteAddr())) {
            return "The sandbox's control API answers only requests from this machine";
        }
        for (String header : FORWARDING_HEADERS) {
            if (request.getHeader(header) != null) {
                return "The sandbox's control API answers only direct requests, not forwarded ones";
            }
        }
        if (!LOCAL_HOSTS.contains(hostName(request.getHeader("Host")))) {
            return "The sandbox's control API answers only requests for localhost or 127.0.0.1";
        }
        boolean changes = !"GET".equals(request.getMethod())
                && !"HEAD".equals(request.getMethod())
                && !"OPTIONS".equals(request.getMethod());
        if (changes && !isJson(request.getContentType())) {
            return "Content-Type must be application/json (also for requests without a body)";
        }
        return null;
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // A literal address, never a name: nothing is looked up.
            return (address.matches("[0-9.]+") || address.contains(":"))
                    && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The Host header without its port, lower case; "" when absent. */
    static String hostName(String host) {
        if (host == null) {
            return "";
        }
        String value = host.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    /**
     * Exactly {@code application/json}, with parameters or not ({@code ; charset=UTF-8}), in any case:
     * not a wildcard ({@code *}{@code /*}, {@code application/*}, which "compatible with" would
     * admit), not a list, not another JSON-ish type. Only this type needs a CORS preflight.
     */
    static boolean isJson(String contentType) {
        if (contentType == null || contentType.contains(",")) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType()
                    && !type.isWildcardSubtype()
                    && "application".equalsIgnoreCase(type.getType())
                    && "json".equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
