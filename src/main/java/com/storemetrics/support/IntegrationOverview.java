package com.storemetrics.support;

import com.storemetrics.integration.IntegrationProgress;
import com.storemetrics.integration.IntegrationStatus;
import java.time.Instant;

/**
 * One integration as support sees it in the grid: whose, which account, where it stands. A
 * read-only snapshot; it carries no credential (none is stored).
 *
 * @param statusChangedAt since when the integration has its status
 * @param lastCheckedAt   when the verifier last looked at it; null if never
 */
public record IntegrationOverview(
        long id,
        long customerId,
        String customerUsername,
        String customerName,
        long accountId,
        String accountName,
        String accountNumber,
        IntegrationStatus status,
        String statusReason,
        IntegrationProgress progress,
        Instant connectedAt,
        Instant statusChangedAt,
        Instant lastCheckedAt) {}
