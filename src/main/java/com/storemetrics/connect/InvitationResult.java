package com.storemetrics.connect;

import com.storemetrics.appstore.InvitationOutcome;

/** What "Send invitations for me" achieved for one account, in the customer's words. */
public enum InvitationResult {
    SENT("invitation sent"),
    ALREADY_INVITED("already invited"),
    ALREADY_MEMBER("already a member");

    private final String label;

    InvitationResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static InvitationResult of(InvitationOutcome.Result apple) {
        return switch (apple) {
            case SENT -> SENT;
            case ALREADY_INVITED -> ALREADY_INVITED;
            case ALREADY_MEMBER -> ALREADY_MEMBER;
        };
    }
}
