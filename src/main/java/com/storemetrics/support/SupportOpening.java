package com.storemetrics.support;

import java.time.Instant;

/** One entry of support's audit trail: a staff member opened an integration's details. */
public record SupportOpening(String username, String displayName, Instant openedAt) {}
