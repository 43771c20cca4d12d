package com.storemetrics.integration;

import java.util.List;

/** Published after a customer finished the funnel and the Pending integrations are committed. */
public record IntegrationsConnected(long customerId, List<Long> integrationIds) {}
