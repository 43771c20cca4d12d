package com.storemetrics.appstore;

import java.time.Instant;
import java.util.List;

/** A pending invitation, from {@code GET/POST /v1/userInvitations}. */
public record UserInvitation(
        String id,
        String email,
        String firstName,
        String lastName,
        List<String> roles,
        boolean allAppsVisible,
        Instant expirationDate) {}
