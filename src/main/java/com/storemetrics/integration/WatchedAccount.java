package com.storemetrics.integration;

import java.util.List;

/** An account the verifier must check: some customer has a Pending or Approved integration of it. */
public record WatchedAccount(long accountId, String accountNumber, String name, List<String> vendorNumbers,
        boolean hasPending) {

    public WatchedAccount {
        vendorNumbers = List.copyOf(vendorNumbers);
    }
}
