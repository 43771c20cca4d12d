package com.storemetrics.integration;

import java.time.Instant;

/** A stored notice as the customer sees it. */
public record Notice(long id, Instant createdAt, String message) {}
