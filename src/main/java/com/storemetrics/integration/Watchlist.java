package com.storemetrics.integration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verifier's watch list: the accounts some customer's Pending or Approved integration keeps it
 * checking, and how young the youngest Pending integration is (it sets the verifier's pace).
 * Read-only; no user check: only the verifier calls it.
 */
@Component
@Transactional(readOnly = true)
public class Watchlist {

    private final LinkedAccountRepository accounts;
    private final IntegrationRepository integrations;

    Watchlist(LinkedAccountRepository accounts, IntegrationRepository integrations) {
        this.accounts = accounts;
        this.integrations = integrations;
    }

    /** When the youngest Pending integration was connected; null when none is Pending. Sets the verifier's pace. */
    public Instant newestPendingConnectedAt() {
        return integrations.findNewestPendingConnectedAt();
    }

    /**
     * The accounts a cycle must look at: some customer has a Pending or Approved integration of them.
     * Two queries whatever the number of accounts: the accounts, and the vendor numbers of those
     * known by vendor number only. {@code readAt} is taken before reading, as the cycle's moment.
     */
    public WatchedAccounts watched(Instant readAt) {
        Map<Long, List<String>> vendorNumbers = new HashMap<>();
        List<WatchedAccount> found = accounts.findWatched(IntegrationStatus.watched());
        if (found.stream().anyMatch(account -> account.accountNumber() == null)) {
            for (Object[] row : accounts.findVendorNumbersOfUnidentified(IntegrationStatus.watched())) {
                vendorNumbers
                        .computeIfAbsent((Long) row[0], id -> new ArrayList<>())
                        .add((String) row[1]);
            }
        }
        return new WatchedAccounts(
                readAt,
                vendorNumbers.isEmpty()
                        ? found
                        : found.stream()
                                .map(account -> account.withVendorNumbers(
                                        vendorNumbers.getOrDefault(account.accountId(), List.of())))
                                .toList());
    }
}
