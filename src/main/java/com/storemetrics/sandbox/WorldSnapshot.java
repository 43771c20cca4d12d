package com.storemetrics.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A consistent copy of the sandbox's state at one moment, for the console and {@code GET /control/world}.
 * It includes secrets (Reporter tokens, .p8 keys) on purpose: handing them out is what the sandbox
 * is for, and it does not exist in production.
 */
public record WorldSnapshot(
        Instant now,
        String serviceAppleId,
        List<AppleId> appleIds,
        List<Account> accounts,
        List<ApiKey> apiKeys,
        Fault fault,
        int hourlyRequestBudget) {

    /** An Apple ID with its Sales and Trends (Reporter) access token and the accounts it is a member of. */
    public record AppleId(
            String email,
            String name,
            String token,
            Instant expiresAt,
            boolean revoked,
            boolean expired,
            List<String> accounts) {

        public boolean usable() {
            return !revoked && !expired;
        }
    }

    /** A provider account (team) with its vendor numbers, number of apps, members and pending invitations. */
    public record Account(
            String number,
            String name,
            List<String> vendors,
            int appCount,
            List<Member> members,
            List<Invitation> pendingInvitations) {}

    public record Member(String email, String firstName, String lastName, List<String> roles) {}

    /** An invitation that can still be accepted: not accepted, deleted or expired. */
    public record Invitation(
            String id,
            String accountNumber,
            String email,
            String firstName,
            String lastName,
            List<String> roles,
            Instant createdAt,
            Instant expiresAt) {}

    /** A team API key: Issuer ID, Key ID, role, and the .p8 text. */
    public record ApiKey(String account, String issuerId, String keyId, String role, String privateKeyPem) {
        @Override
        public String toString() {
            return "ApiKey[account=" + account + ", issuerId=" + issuerId + ", keyId=" + keyId + ", role=" + role
                    + ", privateKeyPem=<hidden>]";
        }
    }

    /** The fault armed for the next Apple-protocol requests; {@code remaining} null means until cleared. */
    public record Fault(String mode, Integer remaining, Integer latencyMs) {}
}
