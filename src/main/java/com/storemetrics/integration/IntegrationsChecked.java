package com.storemetrics.integration;

import java.time.Instant;
import java.util.Set;

/** The verifier looked at every live integration of these customers at {@code checkedAt}. */
public record IntegrationsChecked(Instant checkedAt, Set<Long> customerIds) {

    public IntegrationsChecked {
        customerIds = Set.copyOf(customerIds);
    }
}
