package com.storemetrics.sandbox.ui;

import com.storemetrics.base.ui.MainLayout;
import com.storemetrics.sandbox.ConditionalOnSandbox;
import com.storemetrics.sandbox.SandboxMailServer;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Registers the sandbox console's route when the sandbox is on. The view carries no {@code @Route}
 * on purpose: with {@code storemetrics.sandbox.enabled=false} this bean does not exist, so the
 * route, its menu entry and the view do not exist either.
 */
@Component
@ConditionalOnSandbox
class SandboxConsoleRoute implements VaadinServiceInitListener {

    private final boolean mailServer;

    SandboxConsoleRoute(ObjectProvider<SandboxMailServer> mail) {
        this.mailServer = mail.getIfAvailable() != null;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        RouteConfiguration routes = RouteConfiguration.forRegistry(
                ApplicationRouteRegistry.getInstance(event.getSource().getContext()));
        register(routes);
        // The development mailbox's page exists only while its mail server runs.
        if (mailServer && !routes.isRouteRegistered(SandboxMailView.class)) {
            routes.setRoute(SandboxMailView.ROUTE, SandboxMailView.class, MainLayout.class);
        }
    }

    static void register(RouteConfiguration routes) {
        if (!routes.isRouteRegistered(SandboxConsoleView.class)) {
            routes.setRoute(SandboxConsoleView.ROUTE, SandboxConsoleView.class, MainLayout.class);
        }
    }
}
