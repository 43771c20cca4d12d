package com.storemetrics.connect;

/** Whether the signed-in customer may select an account in step 2, why not, and whether it needs an invitation. */
public enum AccountAvailability {
    AVAILABLE(null, true),
    /** Our service user is already a member (a colleague connected it): selectable, and nothing to invite. */
    MEMBER_ALREADY("Connected by a colleague: our service user is already a member, so no invitation is needed", true),
    PENDING_YOURS("You connected it already: waiting for the invitation to be accepted", false),
    ALREADY_CONNECTED("You connected it already: approved", false),
    EXPIRED_REMOVE_FIRST("Remove the expired integration first", false);

    private final String explanation;
    private final boolean selectable;

    AccountAvailability(String explanation, boolean selectable) {
        this.explanation = explanation;
        this.selectable = selectable;
    }

    /** Shown next to the account in step 2; null when there is nothing to say. */
    public String explanation() {
        return explanation;
    }

    public boolean selectable() {
        return selectable;
    }

    /** Whether step 3 must ask the customer to invite our service Apple ID to this account. */
    public boolean needsInvitation() {
        return this != MEMBER_ALREADY;
    }
}
