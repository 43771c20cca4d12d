package com.storemetrics.integration;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface IntegrationEventRepository extends JpaRepository<IntegrationEvent, Long> {

    List<IntegrationEvent> findByIntegrationIdOrderByOccurredAtAscIdAsc(long integrationId);
}
