package com.storemetrics.integration;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerNoticeRepository extends JpaRepository<CustomerNotice, Long> {

    List<CustomerNotice> findByCustomerIdAndDismissedAtIsNullOrderByCreatedAtDescIdDesc(long customerId);

    Optional<CustomerNotice> findByIdAndCustomerId(long id, long customerId);
}
