package com.storemetrics.account;

/**
 * Our service user's membership of one account as recorded when a cycle read it: what the verifier
 * compares a new observation with, so that a steady check writes nothing.
 */
public record MembershipRecord(long accountId, String name, Membership membership, int missingCount) {}
