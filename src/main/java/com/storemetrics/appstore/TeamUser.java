package com.storemetrics.appstore;

import java.util.List;

/** A member of a team, from {@code GET /v1/users}. Unknown role names are kept as they are. */
public record TeamUser(
        String id, String username, String firstName, String lastName, List<String> roles, boolean allAppsVisible) {}
