package com.storemetrics.support;

import com.storemetrics.integration.IntegrationStatus;
import java.time.Instant;

/** A customer's integration of a shared account, as part of the account's picture. */
public record LinkedCustomer(
        long integrationId, String username, String displayName, IntegrationStatus status, Instant since) {}
