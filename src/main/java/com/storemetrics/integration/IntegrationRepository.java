package com.storemetrics.integration;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface IntegrationRepository extends JpaRepository<Integration, Long> {

    /** The customer's live integrations (not removed) of the given accounts. */
    @Query("select i from Integration i where i.customerId = :customerId and i.status <> com.storemetrics.integration.IntegrationStatus.REMOVED"
            + " and i.account.id in :accountIds")
    List<Integration> findLiveByCustomerAndAccounts(long customerId, Collection<Long> accountIds);

    /** Integrations in the given statuses, with their accounts, for the verifier. */
    @Query("select i from Integration i join fetch i.account where i.status in :statuses")
    List<Integration> findByStatusIn(Collection<IntegrationStatus> statuses);

    @Query("select i from Integration i where i.account.id in :accountIds and i.status = :status")
    List<Integration> findByAccountsAndStatus(Collection<Long> accountIds, IntegrationStatus status);


    /**
     * One statement for "the verifier looked at these", skipping rows stamped since {@code staleBefore}:
     * rewriting every live row every cycle made the database's redo log grow by megabytes a cycle.
     */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Integration i set i.lastCheckedAt = :checkedAt where i.status in :statuses"
            + " and (i.lastCheckedAt is null or i.lastCheckedAt < :staleBefore)")
    int markChecked(Collection<IntegrationStatus> statuses, java.time.Instant checkedAt, java.time.Instant staleBefore);

    /** One page of a customer's integrations in the given statuses; sorted by the pageable. */
    @Query("select i from Integration i join fetch i.account a where i.customerId = :customerId"
            + " and i.status in :statuses")
    List<Integration> findPageOfCustomer(long customerId, Collection<IntegrationStatus> statuses,
            org.springframework.data.domain.Pageable page);

    @Query("select count(i) from Integration i where i.customerId = :customerId and i.status in :statuses")
    long countOfCustomer(long customerId, Collection<IntegrationStatus> statuses);

    java.util.Optional<Integration> findByIdAndCustomerId(long id, long customerId);
}
