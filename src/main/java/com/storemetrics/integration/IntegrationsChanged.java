package com.storemetrics.integration;

import java.util.List;
import java.util.Optional;

/** Published in the transaction that changed integrations; delivered to views after commit. */
public record IntegrationsChanged(List<IntegrationChange> changes) implements IntegrationUpdate {

    public IntegrationsChanged {
        changes = List.copyOf(changes);
    }

    /** The changes of one customer's rows, for that customer's views; empty when none is theirs. */
    public Optional<IntegrationsChanged> forCustomer(long customerId) {
        List<IntegrationChange> theirs = changes.stream()
                .filter(change -> change.customerId() == customerId)
                .toList();
        return theirs.isEmpty() ? Optional.empty() : Optional.of(new IntegrationsChanged(theirs));
    }
}
