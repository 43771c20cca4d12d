package com.storemetrics.integration;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

    private static final Set<IntegrationStatus> WATCHED = Set.of(IntegrationStatus.PENDING, IntegrationStatus.APPROVED);

    private final StoreAccountRepository accounts;
    private final IntegrationRepository integrations;

    AccountMemberships(StoreAccountRepository accounts, IntegrationRepository integrations) {
        this.accounts = accounts;
        this.integrations = integrations;
    }

    /** The accounts a cycle must look at: some customer has a Pending or Approved integration of them. */
    @Transactional(readOnly = true)
    public List<WatchedAccount> watched() {
        Set<Long> withPending = integrations.findByStatusIn(Set.of(IntegrationStatus.PENDING)).stream()
                .map(integration -> integration.getAccount().getId())
                .collect(Collectors.toSet());
        return accounts.findWithIntegrationsIn(WATCHED).stream()
                .map(account -> new WatchedAccount(account.getId(), account.getAccountNumber(), account.getName(),
                        List.copyOf(account.getVendorNumbers()), withPending.contains(account.getId()),
                        account.getMembershipCheckedAt()))
                .toList();
    }

    /** An account known only by vendor number turned out to be this account number. */
    public void identified(long accountId, String accountNumber, String name) {
        accounts.findById(accountId).ifPresent(account -> account.identify(accountNumber, name));
    }

    /** Our service user is a member, under this (possibly new) account name. */
    public void seen(long accountId, String name, Instant observedAt) {
        accounts.findById(accountId).ifPresent(account -> {
            account.membershipSeen(observedAt);
            account.rename(name);
        });
    }

    /** Our service user was not listed; returns the consecutive misses since last seen (0: never seen). */
    public int missing(long accountId, Instant observedAt) {
        return accounts.findById(accountId).map(account -> account.membershipMissing(observedAt)).orElse(0);
    }

    /** The loss is believed and acted upon: the account starts again as never seen. */
    public void forgotten(long accountId) {
        accounts.findById(accountId).ifPresent(StoreAccount::membershipForgotten);
    }
}
