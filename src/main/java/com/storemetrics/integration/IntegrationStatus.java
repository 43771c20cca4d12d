package com.storemetrics.integration;

/** Where one customer's integration of one account stands (docs/design.md, "Statuses"). */
public enum IntegrationStatus {
    PENDING("Pending", ""),
    APPROVED("Approved", "success"),
    EXPIRED("Expired", "error"),
    REMOVED("Removed", "error");

    private final String label;
    private final String tone;

    IntegrationStatus(String label, String tone) {
        this.label = label;
        this.tone = tone;
    }

    /** The word customers and support see. */
    public String label() {
        return label;
    }

    /** How it is coloured wherever it is shown: "" (neutral), "success" or "error". */
    public String tone() {
        return tone;
    }
}
