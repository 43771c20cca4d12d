package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.Application;
import com.storemetrics.appstore.InvitationInbox;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production switch: with {@code storemetrics.sandbox.enabled=false} the app still starts, and
 * no sandbox bean, endpoint or view exists. Needs its own application, started here by hand (the
 * shared test context has the sandbox on) and closed after.
 */
class SandboxDisabledTest {

    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void startWithoutSandbox() {
        app = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                // Arguments, not builder properties: those are defaults that application.properties overrides.
                .run("--storemetrics.sandbox.enabled=false", "--server.port=0");
        port = Integer.parseInt(Objects.requireNonNull(app.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void no_sandbox_bean_exists() {
        List<String> sandboxBeans = Arrays.stream(app.getBeanDefinitionNames())
                .filter(name -> {
                    Class<?> type = app.getBeanFactory().getType(name);
                    return type != null && type.getPackageName().startsWith("com.storemetrics.sandbox");
                })
                .toList();

        assertThat(sandboxBeans).isEmpty();
        // The sandbox's inbox (the one that can accept) is off with it: the operator's is the inbox.
        assertThat(app.getBean(InvitationInbox.class).canAccept()).isFalse();
    }

    @Test
    void the_sandbox_endpoints_do_not_answer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String form = "jsonRequest="
                + URLEncoder.encode(
                        "{\"accesstoken\":\"a11ce000-0000-4000-8000-000000000002\","
                                + "\"queryInput\":\"[p=Reporter.properties, Sales.getAccounts]\"}",
                        StandardCharsets.UTF_8);
        HttpResponse<String> reporter = http.send(
                HttpRequest.newBuilder(url("/sandbox/apple/reportservice/sales/v1"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> world = http.send(
                HttpRequest.newBuilder(url("/sandbox/apple/control/world")).build(),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> rates = http.send(
                HttpRequest.newBuilder(url("/sandbox/ecb/stats/eurofxref/eurofxref-daily.xml"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Nothing maps these paths any more, and security refuses them before Vaadin's catch-all page.
        for (HttpResponse<String> response : List.of(reporter, world, rates)) {
            assertThat(response.statusCode()).isIn(302, 401, 403);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .doesNotContain("xml")
                    .doesNotContain("json")
                    .doesNotContain("gzip");
            assertThat(response.body())
                    .doesNotContain("<Accounts>")
                    .doesNotContain("gesmes")
                    .doesNotContain("privateKeyPem")
                    .doesNotContain("a11ce000");
        }
    }

    @Test
    void the_console_route_is_not_registered() throws Exception {
        HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.discarding());

        ApplicationRouteRegistry registry =
                ApplicationRouteRegistry.getInstance(new VaadinServletContext(app.getBean(ServletContext.class)));

        assertThat(registry.getNavigationTarget("sandbox")).isEmpty();
        assertThat(registry.getRegisteredRoutes()).isNotEmpty();
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
