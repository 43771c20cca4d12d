package com.storemetrics.integration;

/**
 * A customer asked for a membership check now ("Check again" on a Pending row). The verifier runs
 * one shared check for every such request that arrives before it starts: never one per customer.
 */
public record CheckRequested(long customerId) {}
