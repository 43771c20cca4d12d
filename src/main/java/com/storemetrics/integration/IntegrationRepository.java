package com.storemetrics.integration;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface IntegrationRepository extends JpaRepository<Integration, Long> {

    /** The customer's live integrations (not removed) of the given accounts. */
    @Query(
            "select i from Integration i where i.customerId = :customerId and i.status <> com.storemetrics.integration.IntegrationStatus.REMOVED"
                    + " and i.account.id in :accountIds")
    List<Integration> findLiveByCustomerAndAccounts(long customerId, Collection<Long> accountIds);

    /** Pending integrations connected before {@code connectedBefore}, with their accounts: lapsed invitations. */
    @Query(
            "select i from Integration i join fetch i.account where i.status = com.storemetrics.integration.IntegrationStatus.PENDING"
                    + " and i.connectedAt < :connectedBefore")
    List<Integration> findPendingConnectedBefore(Instant connectedBefore);

    /** Pending integrations connected in the window whose customer was not yet reminded of the lapse. */
    @Query(
            "select i from Integration i join fetch i.account where i.status = com.storemetrics.integration.IntegrationStatus.PENDING"
                    + " and i.connectedAt < :connectedBefore and i.connectedAt >= :connectedAfter"
                    + " and i.lapseRemindedAt is null")
    List<Integration> findPendingToRemind(Instant connectedAfter, Instant connectedBefore);

    /** When the youngest Pending integration was connected; null when none is Pending. */
    @Query(
            "select max(i.connectedAt) from Integration i where i.status = com.storemetrics.integration.IntegrationStatus.PENDING")
    Instant findNewestPendingConnectedAt();

    @Query("select i from Integration i where i.account.id in :accountIds and i.status = :status")
    List<Integration> findByAccountsAndStatus(Collection<Long> accountIds, IntegrationStatus status);

    /**
     * The verifier looked at every live integration at {@code checkedAt}: one row for all of them,
     * moved forward only (returns 0 when a check as new or newer was recorded already, for example by
     * another node). The row stays locked until commit, so reconciliations apply one after another.
     */
    @Modifying
    @Query("update IntegrationCheck c set c.checkedAt = :checkedAt where c.id = " + IntegrationCheck.SINGLE_ROW
            + " and (c.checkedAt is null or c.checkedAt < :checkedAt)")
    int recordCheck(Instant checkedAt);

    /** When the verifier last looked at every live integration; null before its first check. */
    @Query("select c.checkedAt from IntegrationCheck c where c.id = " + IntegrationCheck.SINGLE_ROW)
    Instant findLastCheck();

    /** One page of a customer's integrations in the given statuses; sorted by the pageable. */
    @Query("select i from Integration i join fetch i.account a where i.customerId = :customerId"
            + " and i.status in :statuses")
    List<Integration> findPageOfCustomer(long customerId, Collection<IntegrationStatus> statuses, Pageable page);

    /** Of these accounts, those another customer's Pending or Approved integration keeps the verifier watching. */
    @Query(
            "select distinct i.account.id from Integration i where i.account.id in :accountIds and i.customerId <> :customerId"
                    + " and i.status in (com.storemetrics.integration.IntegrationStatus.PENDING,"
                    + " com.storemetrics.integration.IntegrationStatus.APPROVED)")
    List<Long> findAccountIdsWatchedForOthers(Collection<Long> accountIds, long customerId);

    Optional<Integration> findByIdAndCustomerId(long id, long customerId);
}
