package com.storemetrics.base.cluster;

/**
 * The connection that hears other nodes came back after a break: signals sent meanwhile are lost
 * (NOTIFY keeps nothing for a listener that was away), so whatever shows what other nodes change
 * should read it again from the database.
 */
public record SignalsResumed() {}
