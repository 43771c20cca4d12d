package com.storemetrics.support;

import java.util.List;
import org.springframework.data.domain.Pageable;

/** The support grid's search: filters and sort applied in the database, one page at a time. */
interface SupportIntegrationSearch {

    List<SupportIntegrationRow> search(SupportFilter filter, Pageable page);

    long count(SupportFilter filter);
}
