package com.storemetrics.metrics;

/** Committed: days of this account were imported (or its import started or stopped). */
public record MetricsImported(long accountId) {}
