package com.storemetrics.appstore;

import java.time.Instant;
import java.util.List;

/** An invitation to our service Apple ID, as its inbox sees it. */
public record ReceivedInvitation(
        String id, String accountNumber, String accountName, List<String> roles, Instant expiresAt) {}
