package com.storemetrics.integration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Our service user's membership of each watched account, as the verifier records it: seen, missing
 * (counted), forgotten once a loss is believed, and accounts known by vendor number identified. The
 * verifier decides what the records mean; this keeps them. No user check: only the verifier calls it.
 */
@Component
@Transactional
public class AccountMemberships {

    private final StoreAccountRepository accounts;
    private final IntegrationRepository integrations;

    AccountMemberships(StoreAccountRepository accounts, IntegrationRepository integrations) {
        this.accounts = accounts;
        this.integrations = integrations;
    }

    /** When the youngest Pending integration was connected; null when none is Pending. Sets the verifier's pace. */
    @Transactional(readOnly = true)
    public Instant newestPendingConnectedAt() {
        return integrations.findNewestPendingConnectedAt();
    }

    /**
     * The accounts a cycle must look at: some customer has a Pending or Approved integration of them.
     * Two queries whatever the number of accounts: the accounts, and the vendor numbers of those
     * known by vendor number only. {@code readAt} is taken before reading, as the cycle's moment.
     */
    @Transactional(readOnly = true)
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

    /**
     * Loads these accounts with one query per thousand (the verifier is about to change them), so a
     * cycle in which many memberships change does not read them one by one.
     */
    public void load(List<Long> accountIds) {
        for (int from = 0; from < accountIds.size(); from += 1_000) {
            accounts.findAllById(accountIds.subList(from, Math.min(accountIds.size(), from + 1_000)));
        }
    }

    /** An account known only by vendor number turned out to be this account number. */
    public void identified(long accountId, String accountNumber, String name) {
        accounts.findById(accountId).ifPresent(account -> account.identify(accountNumber, name));
    }

    /**
     * Our service user is a member, under this (possibly new) account name. Writes the account only
     * when that changes what is recorded (a steady check writes nothing); returns whether it did.
     */
    public boolean seen(WatchedAccount watched, String name, Instant observedAt) {
        if (watched.membership() == Membership.MEMBER && watched.missingCount() == 0 && name.equals(watched.name())) {
            return false;
        }
        accounts.findById(watched.accountId()).ifPresent(account -> {
            account.membershipSeen(observedAt);
            account.rename(name);
        });
        return true;
    }

    /**
     * Our service user was not listed; returns the consecutive misses since last seen (0: never seen,
     * and then nothing is written: an account we were never in has nothing to lose).
     */
    public int missing(WatchedAccount watched, Instant observedAt) {
        if (watched.membership() == Membership.UNKNOWN) {
            return 0;
        }
        return accounts.findById(watched.accountId())
                .map(account -> account.membershipMissing(observedAt))
                .orElse(0);
    }

    /** The loss is believed and acted upon: the account starts again as never seen. */
    public void forgotten(long accountId) {
        accounts.findById(accountId).ifPresent(StoreAccount::membershipForgotten);
    }
}
