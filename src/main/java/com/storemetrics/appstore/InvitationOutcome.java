package com.storemetrics.appstore;

/** The result of asking Apple to invite someone: sent, or it was already done (409). */
public record InvitationOutcome(Result result, UserInvitation invitation, String detail) {

    public enum Result {
        SENT,
        ALREADY_INVITED,
        ALREADY_MEMBER
    }
}
