package com.storemetrics.support;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Support's audit trail: append and read; no update or delete exists. */
interface SupportAccessLog extends Repository<SupportAccess, Long> {

    SupportAccess save(SupportAccess access);

    @Query("select new com.storemetrics.support.SupportOpening(s.username, s.displayName, s.openedAt)"
            + " from SupportAccess s where s.integrationId = :integrationId order by s.openedAt desc, s.id desc")
    List<SupportOpening> findOpenings(long integrationId);
}
