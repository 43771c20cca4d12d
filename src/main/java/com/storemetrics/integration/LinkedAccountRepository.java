package com.storemetrics.integration;

import com.storemetrics.account.StoreAccount;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Store accounts as customers' integrations link them: the ones the verifier watches, the ones with
 * an Approved integration, and references for new integrations. These ask about integrations of
 * accounts, so they live with integrations (the account feature knows nothing of integrations).
 * A plain {@link Repository}: nothing here saves or deletes an account.
 */
interface LinkedAccountRepository extends Repository<StoreAccount, Long> {

    /** The account as a reference for a new integration's foreign key, without reading it. */
    StoreAccount getReferenceById(Long id);

    /** Accounts with at least one integration in the given statuses (the IN subquery cannot repeat one). */
    @Query(
            "select a from StoreAccount a where a.id in (select i.account.id from Integration i where i.status in :statuses)")
    List<StoreAccount> findWithIntegrationsIn(Collection<IntegrationStatus> statuses);

    /**
     * The accounts the verifier watches (some integration of them is Pending or Approved), with our
     * membership as recorded: one query, its columns only, no DISTINCT. Each account is looked up
     * in the (account, status) index: an IN over every live integration's account id cost twice as
     * much at 100,000 integrations.
     */
    @Query("select new com.storemetrics.integration.WatchedAccount(a.id, a.accountNumber, a.name,"
            + " case when exists (select 1 from Integration p where p.account.id = a.id"
            + " and p.status = com.storemetrics.integration.IntegrationStatus.PENDING) then true else false end,"
            + " a.membership, a.membershipMissingCount) from StoreAccount a where exists"
            + " (select 1 from Integration i where i.account.id = a.id and i.status in :statuses)")
    List<WatchedAccount> findWatched(Collection<IntegrationStatus> statuses);

    /**
     * (account id, vendor number) of the watched accounts known by vendor number only: the verifier
     * needs vendor numbers only to identify those. One query.
     */
    @Query("select a.id, v from StoreAccount a join a.vendorNumbers v where a.accountNumber is null and a.id in"
            + " (select i.account.id from Integration i where i.status in :statuses)")
    List<Object[]> findVendorNumbersOfUnidentified(Collection<IntegrationStatus> statuses);
}
