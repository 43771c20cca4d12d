package com.storemetrics.support;

import com.storemetrics.account.Membership;
import com.storemetrics.integration.DataWanted;
import com.storemetrics.integration.HistoryEntry;
import com.storemetrics.integration.IntegrationRecords;
import com.storemetrics.security.Roles;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every customer's integrations, read-only, for support staff: the filtered and paged overview,
 * one integration's history, and an account's shared picture. Nothing here changes anything.
 * The search joins the customers' names in the database (filtering and sorting by customer must
 * happen there at 100,000 integrations); it is the one place support reads security's table in JPQL.
 */
@Service
@PreAuthorize("hasRole('" + Roles.SUPPORT + "')")
@Transactional(readOnly = true)
public class EveryIntegration {

    private final EveryIntegrationQueries queries;
    private final IntegrationRecords records;

    EveryIntegration(EveryIntegrationQueries queries, IntegrationRecords records) {
        this.queries = queries;
        this.records = records;
    }

    /**
     * One page of integrations matching the filter, sorted by the page's sort (keys: customer,
     * account, status, since, lastChecked, connected) or newest status change first.
     */
    public List<IntegrationOverview> search(IntegrationSearchFilter filter, Pageable page) {
        return queries.search(filter == null ? IntegrationSearchFilter.none() : filter, page);
    }

    /**
     * The rows after {@code after} (a row this sort and filter returned earlier), passing over
     * {@code skip} first: keyset paging, as cheap deep in the list as at its start. Only for sorts
     * {@link #seekable}.
     */
    public List<IntegrationOverview> searchAfter(
            IntegrationSearchFilter filter, Sort sort, IntegrationOverview after, int skip, int limit) {
        return queries.searchAfter(filter == null ? IntegrationSearchFilter.none() : filter, sort, after, skip, limit);
    }

    /** Whether rows in this sort can be paged by {@link #searchAfter}: its key is never null. */
    public static boolean seekable(Sort sort) {
        return EveryIntegrationSearchImpl.seekable(sort);
    }

    public long count(IntegrationSearchFilter filter) {
        return queries.count(filter == null ? IntegrationSearchFilter.none() : filter);
    }

    public Optional<IntegrationOverview> overview(long integrationId) {
        return queries.findRow(integrationId);
    }

    /** What the customer asked for when connecting the integration. */
    public Optional<DataWanted> dataWanted(long integrationId) {
        return records.dataWanted(integrationId);
    }

    /** The integration's full history, oldest first. */
    public List<HistoryEntry> history(long integrationId) {
        return records.history(integrationId);
    }

    /**
     * The account's shared side: vendor numbers, our membership as last seen, every customer's
     * integration of it. The account row records the check that last changed the membership; while
     * the account is watched, every later check looked at it too and saw the same.
     */
    public Optional<AccountPicture> account(long accountId) {
        return queries.findAccount(accountId).map(side -> {
            List<LinkedCustomer> customers = queries.findLinkedCustomers(side.id());
            Instant lastCheck = records.lastCheck();
            boolean watchedAtLastCheck = lastCheck != null
                    && customers.stream()
                            .anyMatch(customer -> customer.status().isWatched()
                                    && !customer.since().isAfter(lastCheck));
            Instant checked = watchedAtLastCheck
                            && (side.membershipCheckedAt() == null || lastCheck.isAfter(side.membershipCheckedAt()))
                    ? lastCheck
                    : side.membershipCheckedAt();
            Instant seen =
                    side.membership() == Membership.MEMBER && watchedAtLastCheck ? checked : side.membershipSeenAt();
            return new AccountPicture(
                    side.id(),
                    side.name(),
                    side.accountNumber(),
                    queries.findVendorNumbers(side.id()),
                    side.membership(),
                    seen,
                    checked,
                    customers);
        });
    }
}
