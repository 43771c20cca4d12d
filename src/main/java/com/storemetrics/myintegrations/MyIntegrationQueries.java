package com.storemetrics.myintegrations;

import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.Integration;
import com.storemetrics.integration.IntegrationProgress;
import com.storemetrics.integration.IntegrationStatus;
import java.time.Instant;
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
     * One page of the customer's live integrations (every status but Removed), read as plain values:
     * no entities to build and track, which is most of a grid page's server time. Vendors and app
     * names come by {@link AccountLabels} for the page's accounts. Single-valued parameters only, here
     * and below: Hibernate translates a query with a list parameter to SQL again on every execution,
     * and every open page reads these again when a live update changes its paging.
     */
    @Query(ROW_VALUES + " and i.status <> com.storemetrics.integration.IntegrationStatus.REMOVED")
    List<RowValues> findRowValuesOfCustomer(long customerId, Pageable page);

    /** As {@link #findRowValuesOfCustomer}, of one status. */
    @Query(ROW_VALUES + " and i.status = :status")
    List<RowValues> findRowValuesOfCustomerInStatus(long customerId, IntegrationStatus status, Pageable page);

    String ROW_VALUES = "select new com.storemetrics.myintegrations.MyIntegrationQueries$RowValues(i.id, a.id, a.name,"
            + " a.accountNumber, i.status, i.statusReason, i.progress, i.credentialKind, i.connectedAt, i.lastCheckedAt,"
            + " i.lastCheckedWhenChanged) from Integration i join i.account a where i.customerId = :customerId";

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

    @Query("select count(i) from Integration i where i.customerId = :customerId"
            + " and i.status <> com.storemetrics.integration.IntegrationStatus.REMOVED")
    long countOfCustomer(long customerId);

    @Query("select count(i) from Integration i where i.customerId = :customerId and i.status = :status")
    long countOfCustomerInStatus(long customerId, IntegrationStatus status);

    Optional<Integration> findByIdAndCustomerId(long id, long customerId);
}
