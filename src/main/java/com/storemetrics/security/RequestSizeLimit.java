package com.storemetrics.security;

import com.vaadin.flow.server.HandlerHelper;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.shared.ApplicationConstants;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body larger than {@code storemetrics.http.max-request-size} (1 MB) is read: a declared
 * larger one is answered 413 before anything reads it, and an undeclared (chunked) one fails as
 * soon as it passes the limit. Vaadin's messages from the browser are a few KB; the largest thing a
 * customer sends on purpose is a .p8 of about 250 bytes.
 *
 * <p>A Vaadin UI message (UIDL) over the limit gets an answer Vaadin's client understands instead
 * of a 413, which it would take for a lost connection and retry with the same message for ever (the
 * tab sat "reconnecting"): a 200 with Vaadin's own critical notification, which the client shows
 * ("That was too much to send ... click to reload") and then stops; a click or key reloads the page
 * with the session intact. The body is read and thrown away first, up to {@link #DRAINED_AT_MOST},
 * so that the browser, still sending, gets the answer rather than a reset connection. The fields
 * carry {@code maxlength}, so a paste in a browser never gets here; a script or an old browser may.
 */
final class RequestSizeLimit extends OncePerRequestFilter {

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
                @Value("${storemetrics.http.max-request-size:1MB}") DataSize maxRequestSize) {
            FilterRegistrationBean<RequestSizeLimit> registration =
                    new FilterRegistrationBean<>(new RequestSizeLimit(maxRequestSize.toBytes()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    private final long maxBytes;

    RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The most of an oversized UI message read (and thrown away) before it is answered; beyond it, the connection closes. */
    static final long DRAINED_AT_MOST = 16L * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            if (isVaadinUiMessage(request) && request.getContentLengthLong() <= DRAINED_AT_MOST) {
                request.getInputStream().transferTo(OutputStream.nullOutputStream());
                response.setContentType("application/json; charset=UTF-8");
                response.getWriter()
                        .write(VaadinService.createCriticalNotificationJSON(
                                "That was too much to send",
                                "This page tried to send more than " + readable(maxBytes) + " at once (a very long"
                                        + " paste, perhaps), and the server did not take it. Click here or press any key"
                                        + " to reload the page; what was typed into it is not kept.",
                                null,
                                null));
                return;
            }
            response.setHeader("Connection", "close");
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Capped(request, maxBytes) : request, response);
    }

    /** Vaadin's UI messages are POSTs to the servlet with {@code v-r=uidl} in the query string (never read from the body). */
    private static boolean isVaadinUiMessage(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        String wanted =
                ApplicationConstants.REQUEST_TYPE_PARAMETER + "=" + HandlerHelper.RequestType.UIDL.getIdentifier();
        for (String parameter : query.split("&")) {
            if (parameter.equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String readable(long bytes) {
        return bytes % (1024 * 1024) == 0
                ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** A body without a declared length, read through a counter that stops at the limit. */
    private static final class Capped extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream inner = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = inner.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = inner.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > maxBytes) {
                            throw new IOException("request body larger than " + maxBytes + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return inner.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        inner.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
