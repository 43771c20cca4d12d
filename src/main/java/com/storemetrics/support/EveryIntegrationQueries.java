package com.storemetrics.support;

import com.storemetrics.account.Membership;
import com.storemetrics.integration.Integration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Read queries over every customer's integrations, for support. A plain {@link Repository}, not a
 * CRUD one: nothing here can save, change or delete an integration. The grid's filtered, paged
 * search is the {@link EveryIntegrationSearch} fragment.
 */
interface EveryIntegrationQueries extends Repository<Integration, Long>, EveryIntegrationSearch {

    String ROW = "select new com.storemetrics.support.IntegrationOverview(i.id, i.customerId, u.username,"
            + " u.displayName, a.id, a.name, a.accountNumber, i.status, i.statusReason, i.progress, i.connectedAt,"
            + " i.statusChangedAt, i.lastCheckedAt) from Integration i join StoreAccount a on a.id = i.account.id"
            + " join AppUser u on u.id = i.customerId";

    @Query(ROW + " where i.id = :id")
    Optional<IntegrationOverview> findRow(long id);

    @Query("select new com.storemetrics.support.EveryIntegrationQueries$AccountSide(a.id, a.name, a.accountNumber,"
            + " a.membership, a.membershipSeenAt, a.membershipCheckedAt) from StoreAccount a where a.id = :accountId")
    Optional<AccountSide> findAccount(long accountId);

    @Query("select v from StoreAccount a join a.vendorNumbers v where a.id = :accountId order by v")
    List<String> findVendorNumbers(long accountId);

    /** Every customer's integration of the account, removed ones included, oldest first. */
    @Query("select new com.storemetrics.support.LinkedCustomer(i.id, u.username, u.displayName, i.status,"
            + " i.statusChangedAt) from Integration i join AppUser u on u.id = i.customerId"
            + " where i.account.id = :accountId order by i.connectedAt, i.id")
    List<LinkedCustomer> findLinkedCustomers(long accountId);

    /** The account's own columns, before its vendor numbers and customers are added. */
    record AccountSide(
            long id,
            String name,
            String accountNumber,
            Membership membership,
            Instant membershipSeenAt,
            Instant membershipCheckedAt) {}
}
