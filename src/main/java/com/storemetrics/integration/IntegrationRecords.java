package com.storemetrics.integration;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only records of integrations for the read sides (the customer's and support's): one
 * integration's history, a customer's open notices, and when the verifier last looked at every live
 * integration. No user check: callers scope by the customer themselves.
 */
@Component
@Transactional(readOnly = true)
public class IntegrationRecords {

    private final IntegrationRepository integrations;
    private final IntegrationEventRepository events;
    private final CustomerNoticeRepository notices;

    IntegrationRecords(
            IntegrationRepository integrations, IntegrationEventRepository events, CustomerNoticeRepository notices) {
        this.integrations = integrations;
        this.events = events;
        this.notices = notices;
    }

    /** The integration's full history, oldest first. */
    public List<HistoryEntry> history(long integrationId) {
        return events.findByIntegrationIdOrderByOccurredAtAscIdAsc(integrationId).stream()
                .map(HistoryEntry::of)
                .toList();
    }

    /** The customer's notices that are not dismissed yet, newest first. */
    public List<Notice> openNotices(long customerId) {
        return notices.findOpenOfCustomer(customerId).stream()
                .map(CustomerNotice::view)
                .toList();
    }

    /** What the customer asked for when connecting the integration (empty: no such integration). */
    public Optional<DataWanted> dataWanted(long integrationId) {
        return integrations.findById(integrationId).map(Integration::getDataWanted);
    }

    /** Of these accounts, those the customer has Approved having chosen the Sales reports only (no payments). */
    public Set<Long> salesOnly(long customerId, Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Set.of();
        }
        return integrations.findByAccountsAndStatus(accountIds, IntegrationStatus.APPROVED).stream()
                .filter(integration -> integration.getCustomerId() == customerId
                        && !integration.getDataWanted().payments())
                .map(integration -> integration.getAccount().getId())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** When the verifier last looked at every live integration; null before its first check. */
    public Instant lastCheck() {
        return integrations.findLastCheck();
    }
}
