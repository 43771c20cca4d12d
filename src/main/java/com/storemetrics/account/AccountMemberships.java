package com.storemetrics.account;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Our service user's membership of each account, as the verifier records it: seen, missing
 * (counted), forgotten once a loss is believed, and accounts known by vendor number identified. The
 * verifier decides what the records mean; this keeps them. No user check: only the verifier calls it.
 */
@Component
@Transactional
public class AccountMemberships {

    private final StoreAccountRepository accounts;

    AccountMemberships(StoreAccountRepository accounts) {
        this.accounts = accounts;
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
    public boolean seen(MembershipRecord recorded, String name, Instant observedAt) {
        if (recorded.membership() == Membership.MEMBER
                && recorded.missingCount() == 0
                && name.equals(recorded.name())) {
            return false;
        }
        accounts.findById(recorded.accountId()).ifPresent(account -> {
            account.membershipSeen(observedAt);
            account.rename(name);
        });
        return true;
    }

    /**
     * Our service user was not listed; returns the consecutive misses since last seen (0: never seen,
     * and then nothing is written: an account we were never in has nothing to lose).
     */
    public int missing(MembershipRecord recorded, Instant observedAt) {
        if (recorded.membership() == Membership.UNKNOWN) {
            return 0;
        }
        return accounts.findById(recorded.accountId())
                .map(account -> account.membershipMissing(observedAt))
                .orElse(0);
    }

    /** The loss is believed and acted upon: the account starts again as never seen. */
    public void forgotten(long accountId) {
        accounts.findById(accountId).ifPresent(StoreAccount::membershipForgotten);
    }
}
