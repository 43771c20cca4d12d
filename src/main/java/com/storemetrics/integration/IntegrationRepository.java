package com.storemetrics.integration;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
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
    List<Integration> findPendingConnectedBefore(java.time.Instant connectedBefore);

    /** When the youngest Pending integration was connected; null when none is Pending. */
    @Query(
            "select max(i.connectedAt) from Integration i where i.status = com.storemetrics.integration.IntegrationStatus.PENDING")
    java.time.Instant findNewestPendingConnectedAt();

    @Query("select i from Integration i where i.account.id in :accountIds and i.status = :status")
    List<Integration> findByAccountsAndStatus(Collection<Long> accountIds, IntegrationStatus status);

    /**
     * The verifier looked at every live integration at {@code checkedAt}: one row for all of them,
     * moved forward only (returns 0 when a check as new or newer was recorded already, for example by
     * another node). The row stays locked until commit, so reconciliations apply one after another.
     */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update IntegrationCheck c set c.checkedAt = :checkedAt where c.id = " + IntegrationCheck.SINGLE_ROW
            + " and (c.checkedAt is null or c.checkedAt < :checkedAt)")
    int recordCheck(java.time.Instant checkedAt);

    /** When the verifier last looked at every live integration; null before its first check. */
    @Query("select c.checkedAt from IntegrationCheck c where c.id = " + IntegrationCheck.SINGLE_ROW)
    java.time.Instant findLastCheck();

    /** One page of a customer's integrations in the given statuses; sorted by the pageable. */
    @Query("select i from Integration i join fetch i.account a where i.customerId = :customerId"
            + " and i.status in :statuses")
    List<Integration> findPageOfCustomer(
            long customerId, Collection<IntegrationStatus> statuses, org.springframework.data.domain.Pageable page);

    /**
     * The same page as {@link #findPageOfCustomer}, read as plain values: no entities to build and
     * track, which is most of a grid page's server time. Vendors and app names come by
     * {@link #findVendorNumbers} and {@link #findAppNames} for the page's accounts.
     */
    @Query("select new com.storemetrics.integration.IntegrationRepository$RowValues(i.id, a.id, a.name,"
            + " a.accountNumber, i.status, i.statusReason, i.progress, i.credentialKind, i.connectedAt, i.lastCheckedAt,"
            + " i.lastCheckedWhenChanged) from Integration i join i.account a where i.customerId = :customerId"
            + " and i.status in :statuses")
    List<RowValues> findRowValuesOfCustomer(
            long customerId, Collection<IntegrationStatus> statuses, org.springframework.data.domain.Pageable page);

    /** An integration row's own values; {@code lastCheckedAt} is the shared check's time for a watched row. */
    record RowValues(
            long id,
            long accountId,
            String accountName,
            String accountNumber,
            IntegrationStatus status,
            String statusReason,
            IntegrationProgress progress,
            CredentialKind credentialKind,
            java.time.Instant connectedAt,
            java.time.Instant lastCheckedAt,
            java.time.Instant lastCheckedWhenChanged) {}

    /** (account id, vendor number) of these accounts, vendor numbers in order. */
    @Query("select a.id, v from StoreAccount a join a.vendorNumbers v where a.id in :accountIds order by v")
    List<Object[]> findVendorNumbers(Collection<Long> accountIds);

    /** (account id, app name) of these accounts, by name as the account lists its apps. */
    @Query("select p.account.id, p.name from StoreApp p where p.account.id in :accountIds order by p.name")
    List<Object[]> findAppNames(Collection<Long> accountIds);

    /** Of these accounts, those another customer's Pending or Approved integration keeps the verifier watching. */
    @Query(
            "select distinct i.account.id from Integration i where i.account.id in :accountIds and i.customerId <> :customerId"
                    + " and i.status in (com.storemetrics.integration.IntegrationStatus.PENDING,"
                    + " com.storemetrics.integration.IntegrationStatus.APPROVED)")
    List<Long> findAccountIdsWatchedForOthers(Collection<Long> accountIds, long customerId);

    @Query("select count(i) from Integration i where i.customerId = :customerId and i.status in :statuses")
    long countOfCustomer(long customerId, Collection<IntegrationStatus> statuses);

    java.util.Optional<Integration> findByIdAndCustomerId(long id, long customerId);
}
