package com.storemetrics.metrics;

import org.springframework.security.access.AccessDeniedException;

/**
 * The customer has no Approved integration of the account (any more): its metrics are not theirs
 * to see. An open view meets it after the integration was removed, and says so.
 */
public class AccountNotApproved extends AccessDeniedException {

    public AccountNotApproved() {
        super("No Approved integration of this account");
    }
}
