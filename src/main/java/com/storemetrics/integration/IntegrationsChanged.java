package com.storemetrics.integration;

import java.util.List;

/** Published in the transaction that changed integrations; delivered to views after commit. */
public record IntegrationsChanged(List<IntegrationChange> changes) implements IntegrationUpdate {

    public IntegrationsChanged {
        changes = List.copyOf(changes);
    }
}
