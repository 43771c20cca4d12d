package com.storemetrics.appstore;

import java.util.List;

/** What {@code POST /v1/userInvitations} sends. Empty {@code visibleAppIds} with allAppsVisible false is refused by Apple. */
public record InvitationRequest(
        String email,
        String firstName,
        String lastName,
        List<String> roles,
        boolean allAppsVisible,
        List<String> visibleAppIds) {}
