package com.storemetrics.integration;

import java.util.List;

/** Stored notices for one customer, delivered to their open views after commit. */
public record NoticesPosted(long customerId, List<Notice> notices) implements IntegrationUpdate {

    public NoticesPosted {
        notices = List.copyOf(notices);
    }
}
