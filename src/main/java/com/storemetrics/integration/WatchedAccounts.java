package com.storemetrics.integration;

import java.time.Instant;
import java.util.List;

/**
 * The verifier's watched set as read at {@code readAt}: what one cycle checks. Integrations
 * connected later are not in it, so a cycle's "last checked" is this moment.
 */
public record WatchedAccounts(Instant readAt, List<WatchedAccount> accounts) {

    public WatchedAccounts {
        accounts = List.copyOf(accounts);
    }

    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    public int size() {
        return accounts.size();
    }
}
