package com.storemetrics.sandbox;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The sandbox serves every demo secret to whoever asks; it must never run in production. Exists
 * only when the sandbox is on, and then stops the application when production mode is asked for:
 * the {@code production} profile, {@code vaadin.productionMode=true}, or a Vaadin production
 * build (known once Vaadin starts).
 */
@Component
@ConditionalOnSandbox
class SandboxProductionGuard implements VaadinServiceInitListener {

    static final String REFUSAL = "storemetrics.sandbox.enabled=true in production mode: the embedded sandbox "
            + "hands out its demo tokens and keys to anyone, so the application refuses to start. Turn the "
            + "sandbox off (it is off unless the dev profile or the property turns it on).";

    SandboxProductionGuard(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("production"))
                || environment.getProperty("vaadin.productionMode", Boolean.class, false)) {
            throw new IllegalStateException(REFUSAL);
        }
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (event.getSource().getDeploymentConfiguration().isProductionMode()) {
            throw new IllegalStateException(REFUSAL);
        }
    }
}
