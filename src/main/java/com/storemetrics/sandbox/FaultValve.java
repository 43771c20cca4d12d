package com.storemetrics.sandbox;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Applies the armed fault to Apple-protocol requests ({@code /sandbox/apple/reportservice/**} and
 * {@code /sandbox/apple/v1/**}; never {@code /control}) and to the ECB's reference-rate files
 * ({@code /sandbox/ecb/**}). It sits in Tomcat's pipeline, before any
 * filter or servlet, because only there can a request be answered with nothing at all: a dropped
 * connection is Tomcat's CLOSE_NOW, which discards the response and closes the socket, so the
 * client reads end-of-stream instead of a status line.
 */
final class FaultValve extends ValveBase {

    private static final byte[] GARBAGE =
            "\u0000\u00ff\u00fe<<?!not a report, not JSON, not XML;\u0007\u0000".getBytes(StandardCharsets.ISO_8859_1);

    private final FaultInjector faults;
    private final HourlyRateLimiter rateLimiter;

    FaultValve(FaultInjector faults, HourlyRateLimiter rateLimiter) {
        super(true);
        this.faults = faults;
        this.rateLimiter = rateLimiter;
    }

    /**
     * Registers the valve on the embedded Tomcat's context when the sandbox is on, and lets the
     * connector accept raw {@code [ ]} in query strings: Apple takes {@code filter[username]=...}
     * unencoded (as {@code curl -g} sends it), Tomcat would otherwise refuse it with 400.
     */
    @Component
    @ConditionalOnSandbox
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class Registration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        private final FaultInjector faults;
        private final HourlyRateLimiter rateLimiter;

        Registration(FaultInjector faults, HourlyRateLimiter rateLimiter) {
            this.faults = faults;
            this.rateLimiter = rateLimiter;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextValves(new FaultValve(faults, rateLimiter));
            factory.addConnectorCustomizers(connector -> connector.setProperty("relaxedQueryChars", "[]"));
        }
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String path = request.getDecodedRequestURI()
                .substring(request.getContextPath().length());
        boolean api = path.startsWith(JsonApi.PATH + "/");
        boolean reporter = path.startsWith(ReporterController.PATH + "/");
        boolean ecb = path.startsWith(EcbController.PATH + "/");
        long world = faults.world();
        Optional<FaultInjector.Armed> fault = api || reporter || ecb ? faults.takeForRequest() : Optional.empty();
        if (fault.isEmpty()) {
            getNext().invoke(request, response);
            return;
        }
        switch (fault.get().mode()) {
            case LATENCY -> {
                boolean sameWorld = false;
                try {
                    sameWorld = faults.delay(world, fault.get().latencyMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (sameWorld) {
                    getNext().invoke(request, response);
                } else {
                    response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
                }
            }
            case HTTP_500 -> answer(response, 500, api ? ApiError.unexpected() : null, api);
            case HTTP_429 -> {
                response.setHeader("Retry-After", "60");
                answer(response, 429, api ? ApiError.rateLimited() : null, api);
            }
            case GARBAGE -> {
                response.setStatus(200);
                response.setContentType(api ? "application/json" : "application/xml");
                response.getOutputStream().write(GARBAGE);
            }
            case DROP_CONNECTION -> response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
            case AGREEMENTS -> {
                if (api) {
                    answer(response, 403, ApiError.agreementsMissing(), true);
                } else {
                    ReporterError refusal = ReporterError.AGREEMENTS_MISSING;
                    response.setStatus(403);
                    response.setContentType(ReporterController.XML.toString());
                    response.getOutputStream()
                            .write((ReporterController.XML_DECLARATION + "<Error><Code>" + refusal.code
                                            + "</Code><Message>" + ReporterController.xml(refusal.getMessage())
                                            + "</Message></Error>")
                                    .getBytes(StandardCharsets.UTF_8));
                }
            }
            case INCONSISTENT_TRAILER ->
                getNext().invoke(request, response); // never taken here: the report's own fault
        }
    }

    private void answer(Response response, int status, ApiError error, boolean api) throws IOException {
        response.setStatus(status);
        if (api) {
            int budget = rateLimiter.budget();
            response.setHeader(
                    ApiGate.RATE_LIMIT_HEADER,
                    "user-hour-lim:" + budget + ";user-hour-rem:" + (status == 429 ? 0 : budget) + ";");
        }
        if (error != null) {
            response.setContentType("application/json");
            response.getOutputStream()
                    .write(("{\"errors\":[{\"id\":\"" + UUID.randomUUID()
                                    + "\",\"status\":\"" + status + "\",\"code\":\"" + error.code + "\",\"title\":\""
                                    + error.title
                                    + "\",\"detail\":\"" + error.detail + "\"}]}")
                            .getBytes(StandardCharsets.UTF_8));
        }
    }
}
