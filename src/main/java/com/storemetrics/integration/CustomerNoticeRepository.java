package com.storemetrics.integration;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerNoticeRepository extends JpaRepository<CustomerNotice, Long> {

    /**
     * Written out: a derived query goes through the Criteria API, whose SQL Hibernate does not cache,
     * and every open page reads its notices again when one is posted.
     */
    @Query("select n from CustomerNotice n where n.customerId = :customerId and n.dismissedAt is null"
            + " order by n.createdAt desc, n.id desc")
    List<CustomerNotice> findOpenOfCustomer(long customerId);

    Optional<CustomerNotice> findByIdAndCustomerId(long id, long customerId);
}
