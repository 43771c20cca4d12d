package com.storemetrics.account;

/** Whether our service user is a member of an account, as the verifier last saw it. */
public enum Membership {
    /** Never seen (invitation not yet accepted, or never checked). */
    UNKNOWN,
    MEMBER,
    /** Seen before, missing in the last successful check; one more and it is believed lost. */
    MISSING
}
