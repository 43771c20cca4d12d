package com.storemetrics.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Builds the grid's JPQL from fixed fragments: only the conditions a filter uses appear, so the
 * database can use its indexes (an "is null or" per optional parameter would defeat them). User
 * input is only ever bound as a parameter. Customer and account filters are subqueries on the small
 * user and account tables, which then meet the integration table through its indexed foreign keys.
 */
class EveryIntegrationSearchImpl implements EveryIntegrationSearch {

    /** Grid sort keys and what they sort by; anything else is refused. */
    static final Map<String, String> SORTABLE = Map.of(
            "customer", "u.displayName",
            "account", "a.name",
            "status", "i.status",
            "since", "i.statusChangedAt",
            "lastChecked", "i.lastCheckedAt",
            "connected", "i.connectedAt");

    /**
     * The sort keys whose values are never null, with the row's value of each: keyset paging compares
     * against them. Last checked is null for rows never checked, so it pages by offset.
     */
    static final Map<String, Function<IntegrationOverview, Object>> SEEKABLE = Map.of(
            "customer", IntegrationOverview::customerName,
            "account", IntegrationOverview::accountName,
            "status", IntegrationOverview::status,
            "since", IntegrationOverview::statusChangedAt,
            "connected", IntegrationOverview::connectedAt);

    /** Newest status change first: what support usually asks about. */
    static final Sort DEFAULT_SORT = Sort.by(Sort.Order.desc("since"));

    private static final char ESCAPE = '!';

    private final EntityManager entityManager;

    EveryIntegrationSearchImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<IntegrationOverview> search(IntegrationSearchFilter filter, Pageable page) {
        Conditions conditions = Conditions.of(filter);
        String orderBy = orderBy(page.getSort(), filter.status() != null);
        if (page.isPaged() && page.getOffset() > 0 && byOwnColumns(page.getSort())) {
            return deferredJoin(conditions, orderBy, page);
        }
        String jpql = EveryIntegrationQueries.ROW + conditions.where() + orderBy;
        var query = entityManager.createQuery(jpql, IntegrationOverview.class);
        conditions.bind(query);
        if (page.isPaged()) {
            query.setFirstResult(Math.toIntExact(page.getOffset()));
            query.setMaxResults(page.getPageSize());
        }
        return query.getResultList();
    }

    /** Whether the sort reads only the integration's own columns (no customer or account name). */
    private static boolean byOwnColumns(Sort sort) {
        for (Sort.Order order : sort.isSorted() ? sort : DEFAULT_SORT) {
            if (!SORTABLE.getOrDefault(order.getProperty(), "").startsWith("i.")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A page deep in a sort by the integration's own columns: the offset is counted over the
     * integration table alone (its index, no joined customer and account for every skipped row),
     * then only the page's rows are joined, in the same order.
     */
    private List<IntegrationOverview> deferredJoin(Conditions conditions, String orderBy, Pageable page) {
        var ids =
                entityManager.createQuery("select i.id from Integration i" + conditions.where() + orderBy, Long.class);
        conditions.bind(ids);
        ids.setFirstResult(Math.toIntExact(page.getOffset()));
        ids.setMaxResults(page.getPageSize());
        List<Long> pageIds = ids.getResultList();
        if (pageIds.isEmpty()) {
            return List.of();
        }
        var rows = entityManager.createQuery(
                EveryIntegrationQueries.ROW + " where i.id in :ids" + orderBy, IntegrationOverview.class);
        rows.setParameter("ids", pageIds);
        return rows.getResultList();
    }

    @Override
    public List<IntegrationOverview> searchAfter(
            IntegrationSearchFilter filter, Sort sort, IntegrationOverview after, int skip, int limit) {
        Sort.Order first = (sort.isSorted() ? sort : DEFAULT_SORT).iterator().next();
        if (!SEEKABLE.containsKey(first.getProperty())) {
            throw new IllegalArgumentException("Cannot seek integrations by " + first.getProperty());
        }
        Conditions conditions = Conditions.of(filter);
        // The row order is (key, id), both in the first order's direction (see orderBy), so "after" is
        // key beyond the anchor's, or the same key and a later id. The plain range on the key comes
        // first so the database can start its index scan at the anchor (an OR alone makes it scan all).
        String path = SORTABLE.get(first.getProperty());
        String beyond = first.isAscending() ? " > " : " < ";
        String seek = path + (first.isAscending() ? " >= " : " <= ") + ":anchorKey and (" + path + beyond
                + ":anchorKey or i.id" + beyond + ":anchorId)";
        String where = conditions.where().isEmpty() ? " where " + seek : conditions.where() + " and " + seek;
        var query = entityManager.createQuery(
                EveryIntegrationQueries.ROW + where + orderBy(sort, filter.status() != null),
                IntegrationOverview.class);
        conditions.bind(query);
        query.setParameter("anchorKey", SEEKABLE.get(first.getProperty()).apply(after));
        query.setParameter("anchorId", after.id());
        query.setFirstResult(skip);
        query.setMaxResults(limit);
        return query.getResultList();
    }

    /** Whether {@link #searchAfter} can page by this sort: its key is never null. */
    static boolean seekable(Sort sort) {
        return SEEKABLE.containsKey(
                (sort.isSorted() ? sort : DEFAULT_SORT).iterator().next().getProperty());
    }

    @Override
    public long count(IntegrationSearchFilter filter) {
        Conditions conditions = Conditions.of(filter);
        var query = entityManager.createQuery("select count(*) from Integration i" + conditions.where(), Long.class);
        conditions.bind(query);
        return query.getSingleResult();
    }

    static String orderBy(Sort sort) {
        return orderBy(sort, false);
    }

    /**
     * With one status filtered, sorting by that (constant) status first lets the database walk an
     * index on (status, status_changed_at, id) in order instead of sorting every matching row.
     */
    static String orderBy(Sort sort, boolean oneStatus) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order order : sort.isSorted() ? sort : DEFAULT_SORT) {
            String path = SORTABLE.get(order.getProperty());
            if (path == null) {
                throw new IllegalArgumentException("Cannot sort integrations by " + order.getProperty());
            }
            parts.add(path + (order.isAscending() ? " asc" : " desc"));
        }
        // The id breaks ties, so pages neither repeat nor skip rows.
        boolean descending = !parts.isEmpty() && parts.get(0).endsWith(" desc");
        parts.add("i.id" + (descending ? " desc" : " asc"));
        if (oneStatus && parts.get(0).startsWith("i.statusChangedAt ")) {
            parts.add(0, "i.status" + (descending ? " desc" : " asc"));
        }
        return " order by " + String.join(", ", parts);
    }

    /** A LIKE pattern for "contains", with the user's own % and _ taken literally. */
    static String containsPattern(String text) {
        StringBuilder pattern = new StringBuilder("%");
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    private record Conditions(List<String> clauses, Map<String, Object> parameters) {

        static Conditions of(IntegrationSearchFilter filter) {
            List<String> clauses = new ArrayList<>();
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (filter.status() != null) {
                clauses.add("i.status = :status");
                parameters.put("status", filter.status());
            }
            if (filter.customer() != null) {
                clauses.add("i.customerId in (select cu.id from AppUser cu where lower(cu.username) like :customer"
                        + " escape '" + ESCAPE + "' or lower(cu.displayName) like :customer escape '" + ESCAPE + "')");
                parameters.put("customer", containsPattern(filter.customer()));
            }
            if (filter.account() != null) {
                // i.account.id is the integration's own (indexed) account_id column: the rows's query joins
                // the account as an entity, not through this path. So the database looks up the few
                // matching accounts' rows instead of testing every row against the list.
                clauses.add("i.account.id in (select ac.id from StoreAccount ac where lower(ac.name) like :accountName"
                        + " escape '" + ESCAPE + "' or ac.accountNumber = :accountNumber"
                        + " union select av.id from StoreAccount av join av.vendorNumbers v where v = :accountNumber)");
                parameters.put("accountName", containsPattern(filter.account()));
                parameters.put("accountNumber", filter.account());
            }
            return new Conditions(clauses, parameters);
        }

        String where() {
            return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        }

        void bind(Query query) {
            parameters.forEach(query::setParameter);
        }
    }
}
