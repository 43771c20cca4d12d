package com.storemetrics.sandbox.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SpringTest;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class SandboxConsoleRouteTest extends SpringTest {

    @Autowired
    ServletContext servletContext;

    @LocalServerPort
    int port;

    @Test
    void the_running_app_registers_the_console_route_under_sandbox() throws Exception {
        // Vaadin's servlet starts with its first request; that is when the route is registered.
        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());

        ApplicationRouteRegistry registry =
                ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));

        assertThat(registry.getNavigationTarget(SandboxConsoleView.ROUTE)).contains(SandboxConsoleView.class);
    }
}
