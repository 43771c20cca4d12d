package com.storemetrics.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No redirect names a host: Spring Security builds absolute URLs for the login page and for the
 * page saved before sign-in from the request's own scheme, host and port, which come from the
 * client's {@code Host} header (or a trusted proxy's {@code X-Forwarded-Host}); a forged host
 * would send the browser elsewhere. This filter sends every redirect to this request's own origin
 * as a path instead ({@code /login}), which the browser resolves against the address it is really
 * on; Tomcat keeps it relative ({@code server.tomcat.use-relative-redirects=true}). The app itself
 * never redirects to another site; a redirect to another origin would pass unchanged.
 */
final class RelativeRedirects extends OncePerRequestFilter {

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<RelativeRedirects> relativeRedirects() {
            FilterRegistrationBean<RelativeRedirects> registration =
                    new FilterRegistrationBean<>(new RelativeRedirects());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(relative(request, location));
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, isLocation(name) ? relative(request, value) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, isLocation(name) ? relative(request, value) : value);
            }
        });
    }

    private static boolean isLocation(String header) {
        return "Location".equalsIgnoreCase(header);
    }

    /** The location as a path when it points at this request's own origin; otherwise unchanged. */
    static String relative(HttpServletRequest request, String location) {
        if (location == null) {
            return null;
        }
        try {
            URI uri = new URI(location);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                return location;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
            boolean sameOrigin = scheme.equalsIgnoreCase(request.getScheme())
                    && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort();
            if (!sameOrigin) {
                return location;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        } catch (URISyntaxException e) {
            return location;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
    }
}
