package com.storemetrics.support;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** The support grid's search: filters and sort applied in the database, one page at a time. */
interface EveryIntegrationSearch {

    List<IntegrationOverview> search(IntegrationSearchFilter filter, Pageable page);

    /**
     * The rows after {@code after} in the sort's order (keyset paging): the database seeks to the
     * anchor through the sort's index instead of counting past every earlier row. {@code skip} rows
     * after the anchor are passed over first.
     */
    List<IntegrationOverview> searchAfter(
            IntegrationSearchFilter filter, Sort sort, IntegrationOverview after, int skip, int limit);

    long count(IntegrationSearchFilter filter);
}
