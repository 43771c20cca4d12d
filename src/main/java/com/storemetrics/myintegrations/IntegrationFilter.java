package com.storemetrics.myintegrations;

import com.storemetrics.integration.IntegrationStatus;

/** Which of the customer's integrations the grid shows: all live ones, or one status. */
public record IntegrationFilter(IntegrationStatus status) {

    public static final IntegrationFilter ALL = new IntegrationFilter(null);

    /** The one status asked for (null: every live one); Removed is never listed for customers. */
    IntegrationStatus listedStatus() {
        if (status == IntegrationStatus.REMOVED) {
            throw new IllegalArgumentException("Removed integrations are not listed for customers");
        }
        return status;
    }
}
