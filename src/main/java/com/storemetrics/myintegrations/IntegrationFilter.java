package com.storemetrics.myintegrations;

import com.storemetrics.integration.IntegrationStatus;
import java.util.EnumSet;
import java.util.Set;

/** Which of the customer's integrations the grid shows: all live ones, or one status. */
public record IntegrationFilter(IntegrationStatus status) {

    public static final IntegrationFilter ALL = new IntegrationFilter(null);

    Set<IntegrationStatus> statuses() {
        if (status == null) {
            return EnumSet.of(IntegrationStatus.PENDING, IntegrationStatus.APPROVED, IntegrationStatus.EXPIRED);
        }
        if (status == IntegrationStatus.REMOVED) {
            throw new IllegalArgumentException("Removed integrations are not listed for customers");
        }
        return EnumSet.of(status);
    }
}
