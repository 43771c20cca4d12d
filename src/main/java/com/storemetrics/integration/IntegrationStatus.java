package com.storemetrics.integration;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

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

    /**
     * Pending or Approved: the verifier watches the account for this integration in every check,
     * and its "last checked" is the verifier's last check.
     */
    public boolean isWatched() {
        return this == PENDING || this == APPROVED;
    }

    /** Every watched status (see {@link #isWatched}), for queries. */
    public static Set<IntegrationStatus> watched() {
        EnumSet<IntegrationStatus> watched = EnumSet.noneOf(IntegrationStatus.class);
        Arrays.stream(values()).filter(IntegrationStatus::isWatched).forEach(watched::add);
        return watched;
    }
}
