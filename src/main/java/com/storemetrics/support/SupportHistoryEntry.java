package com.storemetrics.support;

import com.storemetrics.integration.Actor;
import com.storemetrics.integration.IntegrationStatus;
import java.time.Instant;

/** One entry of an integration's history: when, from (null for the first), to, why, by whom. */
public record SupportHistoryEntry(Instant occurredAt, IntegrationStatus from, IntegrationStatus to, String reason,
        Actor.Kind actorKind, String actorName) {
}
