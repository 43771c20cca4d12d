package com.storemetrics.myintegrations;

import com.storemetrics.attempts.AttemptCounters;
import com.storemetrics.integration.Actor;
import com.storemetrics.integration.CheckRequested;
import com.storemetrics.integration.HistoryEntry;
import com.storemetrics.integration.Integration;
import com.storemetrics.integration.IntegrationLifecycle;
import com.storemetrics.integration.IntegrationNotFound;
import com.storemetrics.integration.IntegrationRecords;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.Notice;
import com.storemetrics.security.CurrentUser;
import com.storemetrics.security.Roles;
import com.storemetrics.security.SignedInUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in customer's integrations: list (paged and sorted in the database), details with
 * history, removal, and stored notices. Every query is scoped to the caller; an id that is not
 * the caller's behaves exactly like one that does not exist.
 */
@Service
@PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
public class IntegrationService {

    /** Grid column keys and the entity paths they sort by. */
    static final Map<String, String> SORTABLE = Map.of(
            "account", "account.name",
            "vendor", "account.primaryVendor",
            "apps", "account.appCount",
            "status", "status",
            "connected", "connectedAt",
            "checked", "lastCheckedAt");

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("connectedAt"), Sort.Order.desc("id"));

    private final MyIntegrationQueries integrations;
    private final AccountLabels labels;
    private final IntegrationRecords records;
    private final IntegrationLifecycle lifecycle;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    /** When each customer last asked for a check: in the database, so every node keeps one limit. */
    private final AttemptCounters checkRequests;

    IntegrationService(
            MyIntegrationQueries integrations,
            AccountLabels labels,
            IntegrationRecords records,
            IntegrationLifecycle lifecycle,
            CurrentUser currentUser,
            Clock clock,
            ApplicationEventPublisher publisher,
            AttemptCounters checkRequests) {
        this.integrations = integrations;
        this.labels = labels;
        this.records = records;
        this.lifecycle = lifecycle;
        this.currentUser = currentUser;
        this.clock = clock;
        this.publisher = publisher;
        this.checkRequests = checkRequests;
    }

    /** The caller's live integrations (not removed), newest first. */
    @Transactional(readOnly = true)
    public List<IntegrationRow> myIntegrations() {
        return findMine(IntegrationFilter.ALL, 0, Integer.MAX_VALUE, List.of());
    }

    /**
     * One page of the caller's integrations. {@code sortKeys} are grid column keys with an optional
     * leading "-" for descending; unknown keys are refused. Ties fall back to newest first.
     */
    @Transactional(readOnly = true)
    public List<IntegrationRow> findMine(IntegrationFilter filter, int offset, int limit, List<String> sortKeys) {
        if (limit <= 0) {
            return List.of();
        }
        List<Sort.Order> orders = new ArrayList<>();
        for (String key : sortKeys) {
            boolean descending = key.startsWith("-");
            String path = SORTABLE.get(descending ? key.substring(1) : key);
            if (path == null) {
                throw new IllegalArgumentException("Cannot sort by " + key);
            }
            // "Not yet checked" and other blanks go last in both directions, whatever the database does.
            orders.add((descending ? Sort.Order.desc(path) : Sort.Order.asc(path)).nullsLast());
        }
        Sort sort = Sort.by(orders).and(NEWEST_FIRST);
        // Grids ask for aligned pages (offset a multiple of limit); others read one page more and skip.
        int skip = offset % limit;
        var page = PageRequest.of(offset / limit, limit, sort);
        List<MyIntegrationQueries.RowValues> found = new ArrayList<>(rowValues(filter, page));
        if (skip > 0) {
            found.addAll(rowValues(filter, page.next()));
        }
        List<MyIntegrationQueries.RowValues> rows =
                found.stream().skip(skip).limit(limit).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> accountIds = rows.stream()
                .map(MyIntegrationQueries.RowValues::accountId)
                .distinct()
                .toList();
        Map<Long, List<String>> vendors = labels.vendorNumbers(accountIds);
        Map<Long, List<String>> apps = labels.appNames(accountIds);
        return rows.stream()
                .map(row -> new IntegrationRow(
                        row.id(),
                        row.accountId(),
                        row.accountName(),
                        row.accountNumber(),
                        vendors.getOrDefault(row.accountId(), List.of()),
                        apps.getOrDefault(row.accountId(), List.of()),
                        row.status(),
                        row.statusReason(),
                        row.progress(),
                        row.credentialKind(),
                        row.connectedAt(),
                        // As Integration.getLastCheckedAt(): a watched row shows the shared check, others what they
                        // kept.
                        row.status().isWatched() ? row.lastCheckedAt() : row.lastCheckedWhenChanged()))
                .toList();
    }

    private List<MyIntegrationQueries.RowValues> rowValues(IntegrationFilter filter, PageRequest page) {
        long customerId = me().userId();
        return filter.status() == null
                ? integrations.findRowValuesOfCustomer(customerId, page)
                : integrations.findRowValuesOfCustomerInStatus(customerId, filter.listedStatus(), page);
    }

    @Transactional(readOnly = true)
    public long countMine(IntegrationFilter filter) {
        long customerId = me().userId();
        return filter.status() == null
                ? integrations.countOfCustomer(customerId)
                : integrations.countOfCustomerInStatus(customerId, filter.listedStatus());
    }

    /** One of the caller's live integrations, with who connected it and its full history. */
    @Transactional(readOnly = true)
    public IntegrationDetails details(long integrationId) {
        Integration integration = mine(integrationId);
        List<HistoryEntry> history = records.history(integrationId);
        String connectedBy = history.isEmpty() ? "" : history.get(0).actor().name();
        return new IntegrationDetails(IntegrationRow.of(integration), connectedBy, history);
    }

    /** Of these accounts, those the caller has Approved having chosen the Sales reports only (no payments). */
    @Transactional(readOnly = true)
    public Set<Long> salesOnlyAmong(Collection<Long> accountIds) {
        return records.salesOnly(me().userId(), accountIds);
    }

    /**
     * Removes one of the caller's integrations: only this row; colleagues sharing the account keep
     * theirs. After an Expired row is removed the account can be connected again.
     */
    @Transactional
    public IntegrationRow remove(long integrationId) {
        SignedInUser customer = me();
        return lifecycle.removeByCustomer(
                customer.userId(), integrationId, Actor.customer(customer.getUsername()), clock.instant());
    }

    /**
     * "Check again" on one of the caller's Pending integrations: asks the verifier for its shared
     * check now, at most once per {@link CheckAgain#MIN_GAP} per customer, counted in the database
     * so that asking on two nodes does not double it. Another customer's id behaves like a missing
     * one.
     */
    // Outside a transaction: the verifier schedules its check as soon as the request is published.
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public CheckAgain checkAgain(long integrationId) {
        SignedInUser customer = me();
        Integration integration = mine(integrationId);
        if (integration.getStatus() != IntegrationStatus.PENDING) {
            throw new IntegrationNotFound();
        }
        Optional<Instant> busyUntil = checkRequests.tryTake(
                AttemptCounters.key(CheckAgain.SCOPE, Long.toString(customer.userId())), 1, CheckAgain.MIN_GAP);
        if (busyUntil.isPresent()) {
            Duration retryIn = Duration.between(clock.instant(), busyUntil.get());
            return CheckAgain.tooSoon(retryIn.isNegative() ? Duration.ZERO : retryIn);
        }
        publisher.publishEvent(new CheckRequested(customer.userId()));
        return CheckAgain.checkComing();
    }

    /** The caller's notices that are not dismissed yet, newest first. */
    @Transactional(readOnly = true)
    public List<Notice> openNotices() {
        return records.openNotices(me().userId());
    }

    /** Dismisses one of the caller's notices; someone else's id changes nothing. */
    @Transactional
    public void dismissNotice(long noticeId) {
        lifecycle.dismissNotice(me().userId(), noticeId, clock.instant());
    }

    private Integration mine(long integrationId) {
        return integrations
                .findByIdAndCustomerId(integrationId, me().userId())
                .filter(Integration::isLive)
                .orElseThrow(IntegrationNotFound::new);
    }

    private SignedInUser me() {
        return currentUser.require();
    }
}
