package com.storemetrics.integration;

import java.time.Instant;

/**
 * The verifier looked at every live integration at {@code checkedAt}. Every open view hears it:
 * a view without live rows simply has nothing to update, which is cheaper than asking the
 * database which customers have live rows (112 ms at 100,000 integrations).
 */
public record IntegrationsChecked(Instant checkedAt) implements IntegrationUpdate {}
