package com.storemetrics.integration;

/** Where one customer's integration of one account stands (see product.md, "Statuses"). */
public enum IntegrationStatus {
    PENDING("Pending"),
    APPROVED("Approved"),
    EXPIRED("Expired"),
    REMOVED("Removed");

    private final String label;

    IntegrationStatus(String label) {
        this.label = label;
    }

    /** The word customers see. */
    public String label() {
        return label;
    }
}
