package com.storemetrics.integration;

/**
 * One integration as it is after a change, for the open views of its customer (and support).
 * {@code notice} is what to tell the customer, when the change deserves a notification.
 */
public record IntegrationChange(long customerId, IntegrationRow row, String notice) {}
