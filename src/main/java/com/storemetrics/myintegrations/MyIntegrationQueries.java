package com.storemetrics.myintegrations;

import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.Integration;
import com.storemetrics.integration.IntegrationProgress;
import com.storemetrics.integration.IntegrationStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Read queries over one customer's integrations, for their Data Integration page. A plain
 * {@link Repository}, not a CRUD one: nothing here can save, change or delete an integration (that
 * is {@code IntegrationLifecycle}'s). Every query takes the customer.
 */
interface MyIntegrationQueries extends Repository<Integration, Long> {

    /**
     * One page of the customer's integrations, read as plain values: no entities to build and track,
     * which is most of a grid page's server time. Vendors and app names come by
     * {@link #findVendorNumbers} and {@link #findAppNames} for the page's accounts.
     */
    @Query("select new com.storemetrics.myintegrations.MyIntegrationQueries$RowValues(i.id, a.id, a.name,"
            + " a.accountNumber, i.status, i.statusReason, i.progress, i.credentialKind, i.connectedAt, i.lastCheckedAt,"
            + " i.lastCheckedWhenChanged) from Integration i join i.account a where i.customerId = :customerId"
            + " and i.status in :statuses")
    List<RowValues> findRowValuesOfCustomer(long customerId, Collection<IntegrationStatus> statuses, Pageable page);

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
            Instant connectedAt,
            Instant lastCheckedAt,
            Instant lastCheckedWhenChanged) {}

    /** (account id, vendor number) of these accounts, vendor numbers in order. */
    @Query("select a.id, v from StoreAccount a join a.vendorNumbers v where a.id in :accountIds order by v")
    List<Object[]> findVendorNumbers(Collection<Long> accountIds);

    /** (account id, app name) of these accounts, by name as the account lists its apps. */
    @Query("select p.account.id, p.name from StoreApp p where p.account.id in :accountIds order by p.name")
    List<Object[]> findAppNames(Collection<Long> accountIds);

    @Query("select count(i) from Integration i where i.customerId = :customerId and i.status in :statuses")
    long countOfCustomer(long customerId, Collection<IntegrationStatus> statuses);

    Optional<Integration> findByIdAndCustomerId(long id, long customerId);
}
