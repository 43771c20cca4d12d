package com.storemetrics.support;

import com.storemetrics.account.Membership;
import java.time.Instant;
import java.util.List;

/**
 * The shared side of an account: every customer's integration of it (removed ones included), and
 * our service user's membership as the verifier last saw it.
 *
 * @param accountNumber       null while only the vendor number is known (connected with an API key)
 * @param membershipSeenAt    when the verifier last saw our service user in the account
 * @param membershipCheckedAt when the verifier last looked, whatever it saw
 */
public record AccountPicture(
        long id,
        String name,
        String accountNumber,
        List<String> vendorNumbers,
        Membership membership,
        Instant membershipSeenAt,
        Instant membershipCheckedAt,
        List<LinkedCustomer> customers) {

    public AccountPicture {
        vendorNumbers = List.copyOf(vendorNumbers);
        customers = List.copyOf(customers);
    }
}
