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

    @Query("select i from Integration i join fetch i.account where i.customerId = :customerId"
            + " and i.status <> com.storemetrics.integration.IntegrationStatus.REMOVED order by i.connectedAt desc, i.id desc")
    List<Integration> findLiveByCustomer(long customerId);
}
