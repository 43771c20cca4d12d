package com.storemetrics.integration;

import java.util.List;
import org.springframework.data.domain.Pageable;

/** The support grid's search: filters and sort applied in the database, one page at a time. */
interface EveryIntegrationSearch {

    List<IntegrationOverview> search(IntegrationSearchFilter filter, Pageable page);

    long count(IntegrationSearchFilter filter);
}
