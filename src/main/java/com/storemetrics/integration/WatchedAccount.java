package com.storemetrics.integration;

import java.time.Instant;
import java.util.List;

/**
 * An account the verifier must check (some customer has a Pending or Approved integration of it),
 * with our membership as last recorded: {@code membershipCheckedAt} is null before the first check.
 */
public record WatchedAccount(long accountId, String accountNumber, String name, List<String> vendorNumbers,
        boolean hasPending, Instant membershipCheckedAt) {

    public WatchedAccount {
        vendorNumbers = List.copyOf(vendorNumbers);
    }
}
