package com.storemetrics.integration;

import com.storemetrics.account.StoreAccount;
import com.storemetrics.account.StoreApp;
import com.storemetrics.appstore.AppleFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One row of the customer's integrations grid: a read-only snapshot, safe to hand to views. */
public record IntegrationRow(
        long id,
        long accountId,
        String accountName,
        String accountNumber,
        List<String> vendorNumbers,
        List<String> appNames,
        IntegrationStatus status,
        String statusReason,
        IntegrationProgress progress,
        CredentialKind credentialKind,
        Instant connectedAt,
        Instant lastCheckedAt) {

    /** When Apple lets an invitation lapse after it was sent. */
    public static final Duration INVITATION_LIFETIME = AppleFacts.INVITATION_LIFETIME;

    public IntegrationRow {
        vendorNumbers = List.copyOf(vendorNumbers);
        appNames = List.copyOf(appNames);
    }

    /** The row of an integration as it is now (its account read through it). */
    public static IntegrationRow of(Integration integration) {
        StoreAccount account = integration.getAccount();
        return new IntegrationRow(
                integration.getId(),
                account.getId(),
                account.getName(),
                account.getAccountNumber(),
                List.copyOf(account.getVendorNumbers()),
                account.getApps().stream().map(StoreApp::getName).toList(),
                integration.getStatus(),
                integration.getStatusReason(),
                integration.getProgress(),
                integration.getCredentialKind(),
                integration.getConnectedAt(),
                integration.getLastCheckedAt());
    }

    /** When the invitation of a Pending integration lapses at Apple (the customer reported it sent at connection). */
    public Instant invitationLapsesAt() {
        return connectedAt.plus(INVITATION_LIFETIME);
    }
}
