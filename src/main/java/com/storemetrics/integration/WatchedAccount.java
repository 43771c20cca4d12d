package com.storemetrics.integration;

import com.storemetrics.account.Membership;
import com.storemetrics.account.MembershipRecord;
import java.util.List;

/**
 * An account the verifier must check (some customer has a Pending or Approved integration of it),
 * with our membership as last recorded. {@code vendorNumbers} are filled in only for an account
 * known by vendor number alone ({@code accountNumber} null): nothing else needs them.
 */
public record WatchedAccount(
        long accountId,
        String accountNumber,
        String name,
        List<String> vendorNumbers,
        boolean hasPending,
        Membership membership,
        int missingCount) {

    public WatchedAccount {
        vendorNumbers = List.copyOf(vendorNumbers);
    }

    /** As the watched-set query reads it, before vendor numbers are added. */
    WatchedAccount(
            long accountId,
            String accountNumber,
            String name,
            boolean hasPending,
            Membership membership,
            int missingCount) {
        this(accountId, accountNumber, name, List.of(), hasPending, membership, missingCount);
    }

    /** Our membership as recorded when the cycle read the account, for the account's own records. */
    public MembershipRecord recorded() {
        return new MembershipRecord(accountId, name, membership, missingCount);
    }

    WatchedAccount withVendorNumbers(List<String> numbers) {
        return new WatchedAccount(accountId, accountNumber, name, numbers, hasPending, membership, missingCount);
    }
}
