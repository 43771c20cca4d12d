package com.storemetrics.integration.funnel;

/** Whether the signed-in customer may select an account in step 2, and why not. */
public enum AccountAvailability {
    AVAILABLE(null),
    ALREADY_CONNECTED("Already connected"),
    EXPIRED_REMOVE_FIRST("Remove the expired integration first");

    private final String explanation;

    AccountAvailability(String explanation) {
        this.explanation = explanation;
    }

    /** Shown next to an account that cannot be selected; null when it can. */
    public String explanation() {
        return explanation;
    }

    public boolean selectable() {
        return this == AVAILABLE;
    }
}
