package com.storemetrics.myintegrations.ui;

import com.storemetrics.base.live.LiveUpdates;
import com.storemetrics.base.ui.NarrowScreens;
import com.storemetrics.integration.IntegrationChange;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.StoreDataLines;
import com.storemetrics.myintegrations.IntegrationFilter;
import com.storemetrics.myintegrations.IntegrationService;
import com.storemetrics.payments.FinanceRoles;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The customer's integrations with a status filter: paged in the database as the signed-in
 * customer, and kept current by pushed
 * changes, which replace rows on screen in place and re-page only when rows come or go. A row that
 * goes re-pages from memory when one read brought every row (see {@link #whole}).
 */
class LiveIntegrationsGrid extends VerticalLayout {

    final IntegrationsGrid grid;
    final Select<IntegrationStatus> statusFilter = new Select<>();
    private final CallbackDataProvider<IntegrationRow, Void> rows;
    /** The rows as this view last learned them, by fetching or by push; never read from the database in push. */
    private final Map<Long, IntegrationRow> known = new LinkedHashMap<>();
    /** The store-data line of each Approved account shown, by account id (see {@link StoreDataLines}). */
    private final Map<Long, String> dataLines = new HashMap<>();
    /**
     * What a missing role blocks and what to do, by account id, for the Approved accounts shown whose
     * reports Apple refused us: "Sales reports: needs the Sales role" and "Payments: needs the Finance
     * role"; read with the page, like the store-data line.
     */
    private final Map<Long, String> roleLines = new HashMap<>();
    /** The verifier's latest check heard by push; rows read earlier may show an older one. */
    private Instant pushedCheck;
    /** Whether the empty state already says "no integrations now" (each setting sends a new element). */
    private boolean emptyAfterRemoval;
    /**
     * Every row of the current filter and sort, in order, when one read brought them all (as many as
     * counted, or fewer than the grid asked for), kept current by pushes; null when there are more,
     * or when a push brought a row it does not hold. A removal for a shared account re-pages every
     * open view of every customer sharing it: from here it costs no statement (docs/live-updates.md,
     * "A row that goes costs no read").
     */
    private WholeList whole;
    /** The count the grid read last, which it reads before a fetch from the start. */
    private Counted counted;

    private record Counted(IntegrationFilter filter, int rows) {}

    private record WholeList(IntegrationFilter filter, List<String> sort, List<IntegrationRow> rows) {

        boolean serves(IntegrationFilter filter, List<String> sort) {
            return this.filter.equals(filter) && this.sort.equals(sort);
        }

        Stream<IntegrationRow> page(int offset, int limit) {
            int from = Math.min(offset, rows.size());
            int to = (int) Math.min((long) offset + limit, rows.size());
            return List.copyOf(rows.subList(from, to)).stream();
        }
    }

    LiveIntegrationsGrid(
            IntegrationService integrations,
            StoreDataLines storeData,
            FinanceRoles financeRoles,
            LiveUpdates live,
            Clock clock,
            IntegrationsGrid.Actions actions) {
        grid = new IntegrationsGrid(
                clock,
                actions,
                this::lastChecked,
                row -> dataLines.get(row.accountId()),
                row -> roleLines.get(row.accountId()));
        String financeRoleNeeded = FinanceRoles.neededLine(actions.serviceAppleId());
        String paymentsNotAsked = FinanceRoles.notAskedLine(actions.serviceAppleId());
        // After a pushed change, the customer's other open views read the same page: one read serves them all.
        rows = new CallbackDataProvider<>(
                query -> {
                    IntegrationFilter filter = filter();
                    List<String> sort = sortKeys(query.getSortOrders());
                    if (whole != null && whole.serves(filter, sort)) {
                        return whole.page(query.getOffset(), query.getLimit());
                    }
                    Page page = live.sharedRead(
                            List.of("page", filter, query.getOffset(), query.getLimit(), sort),
                            () -> readPage(
                                    integrations,
                                    storeData,
                                    financeRoles,
                                    filter,
                                    query.getOffset(),
                                    query.getLimit(),
                                    sort));
                    page.rows().forEach(row -> known.put(row.id(), row));
                    dataLines.putAll(page.dataLines());
                    // What the page read is now: a role given since drops the line, a role taken adds it.
                    page.rows().forEach(row -> roleLines.remove(row.accountId()));
                    page.salesRoleLines().forEach(roleLines::put);
                    page.financeRoleMissing()
                            .forEach(account -> roleLines.merge(
                                    account,
                                    page.salesOnly().contains(account) ? paymentsNotAsked : financeRoleNeeded,
                                    (sales, finance) -> sales + " " + finance));
                    if (query.getOffset() == 0) {
                        // The grid asks for no more rows than the count it just read: as many as counted is all.
                        boolean all = page.rows().size() < query.getLimit()
                                || (counted != null
                                        && counted.filter().equals(filter)
                                        && counted.rows() == page.rows().size());
                        whole = all ? new WholeList(filter, sort, new ArrayList<>(page.rows())) : null;
                        counted = null;
                    }
                    return page.rows().stream();
                },
                query -> {
                    IntegrationFilter filter = filter();
                    List<String> sort = sortKeys(query.getSortOrders());
                    if (whole != null && whole.serves(filter, sort)) {
                        return whole.rows().size();
                    }
                    int count = live.sharedRead(List.of("count", filter), () -> (int) integrations.countMine(filter));
                    counted = new Counted(filter, count);
                    return count;
                },
                IntegrationRow::id);
        grid.setItems(rows);

        statusFilter.setLabel("Status");
        statusFilter.setItems(IntegrationStatus.PENDING, IntegrationStatus.APPROVED, IntegrationStatus.EXPIRED);
        statusFilter.setItemLabelGenerator(status -> status == null ? "All" : status.label());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("All");
        statusFilter.addValueChangeListener(change -> refresh());

        H3 title = new H3("Your integrations");
        HorizontalLayout header = new HorizontalLayout(title, statusFilter);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.setFlexGrow(1, title);
        setPadding(false);
        add(header, grid);
        setFlexGrow(1, grid);
        // On a phone the page scrolls and the grid keeps a readable height.
        grid.setMinHeight("22rem");
        NarrowScreens.hideOnPhones(
                grid,
                Stream.of("vendor", "apps", "connected", "checked")
                        .map(grid::getColumnByKey)
                        .toList());
    }

    /**
     * A page of rows, the store-data lines of its Approved accounts, the role lines of those whose Sales
     * reports Apple refuses us, those whose Financial reports Apple refused us for lack of the
     * Finance role and, of those, the ones the customer chose the Sales reports only for, as read once
     * for every view that shares it.
     */
    private record Page(
            List<IntegrationRow> rows,
            Map<Long, String> dataLines,
            Map<Long, String> salesRoleLines,
            Set<Long> financeRoleMissing,
            Set<Long> salesOnly) {}

    private static Page readPage(
            IntegrationService integrations,
            StoreDataLines storeData,
            FinanceRoles financeRoles,
            IntegrationFilter filter,
            int offset,
            int limit,
            List<String> sort) {
        List<IntegrationRow> rows = integrations.findMine(filter, offset, limit, sort);
        // One query each for the page's Approved accounts, read with the rows they belong to.
        List<Long> approved = rows.stream()
                .filter(row -> row.status() == IntegrationStatus.APPROVED)
                .map(IntegrationRow::accountId)
                .distinct()
                .toList();
        Map<Long, String> lines = storeData.lines(approved);
        Map<Long, String> salesRoleLines = storeData.roleLines(approved);
        Set<Long> financeRoleMissing = financeRoles.missingAmong(approved).keySet();
        // Whom a missing Finance role concerns: a customer who chose the Sales reports only reads an option, not a
        // problem.
        Set<Long> salesOnly = financeRoleMissing.isEmpty() ? Set.of() : integrations.salesOnlyAmong(financeRoleMissing);
        return new Page(
                List.copyOf(rows),
                Map.copyOf(lines),
                Map.copyOf(salesRoleLines),
                Set.copyOf(financeRoleMissing),
                Set.copyOf(salesOnly));
    }

    /** Everything again from the database. */
    void refresh() {
        whole = null;
        known.clear();
        dataLines.clear();
        roleLines.clear();
        rows.refreshAll();
    }

    /** The customer removed this row here; the grid pages again without it. */
    void removed(long integrationId) {
        known.remove(integrationId);
        forget(integrationId);
        afterRemoval();
        rows.refreshAll();
    }

    /** Once something was removed, an empty grid is not "no integrations yet". */
    private void afterRemoval() {
        if (emptyAfterRemoval) {
            return;
        }
        emptyAfterRemoval = true;
        grid.sayWhenEmpty(
                "No integrations now. Press Connect on App Store Connect above to connect an account " + "again.");
    }

    /**
     * Applies pushed changes and, if one came in the same batch, the verifier's check time
     * ({@code checkedAt}, or null). A changed row already on screen is replaced in place; a new or
     * removed row changes the paging, so the grid pages again through its normal data path, which
     * also brings every row's check time: then no row is re-sent on its own as well.
     */
    void apply(List<IntegrationChange> changes, Instant checkedAt) {
        boolean pagingChanged = false;
        Map<Long, IntegrationRow> changedInPlace = new LinkedHashMap<>();
        for (IntegrationChange change : changes) {
            IntegrationRow row = change.row();
            boolean shown = known.containsKey(row.id());
            boolean filteredOut = statusFilter.getValue() != null && statusFilter.getValue() != row.status();
            if (row.status() == IntegrationStatus.REMOVED) {
                afterRemoval();
            }
            if (row.status() == IntegrationStatus.REMOVED || filteredOut) {
                pagingChanged |= known.remove(row.id()) != null;
                changedInPlace.remove(row.id());
                forget(row.id());
            } else if (shown) {
                if (row.status() == IntegrationStatus.APPROVED) {
                    // Approved just now, read without the database (a push): its import starts with the approval.
                    dataLines.putIfAbsent(row.accountId(), "Sales import starting");
                }
                known.put(row.id(), row);
                changedInPlace.put(row.id(), row);
                replaceInWhole(row);
            } else {
                known.put(row.id(), row);
                pagingChanged = true;
                // Where a new row belongs is the database's to say.
                whole = null;
            }
        }
        if (checkedAt != null && (pushedCheck == null || checkedAt.isAfter(pushedCheck))) {
            pushedCheck = checkedAt;
            // Each row's cell shows it (lastChecked): only the rows the check looked at need drawing again.
            known.values().stream()
                    .filter(row -> lookedAt(row, checkedAt))
                    .forEach(row -> changedInPlace.putIfAbsent(row.id(), row));
        }
        if (pagingChanged) {
            rows.refreshAll();
        } else {
            changedInPlace.values().forEach(row -> rows.refreshItem(known.getOrDefault(row.id(), row)));
        }
    }

    private void forget(long integrationId) {
        if (whole != null) {
            whole.rows().removeIf(row -> row.id() == integrationId);
        }
    }

    /**
     * A row changed in place keeps its place in the default order (newest connected first, which no
     * change alters); under a chosen sort its new values may move it, which the database decides.
     */
    private void replaceInWhole(IntegrationRow changed) {
        if (whole == null) {
            return;
        }
        if (!whole.sort().isEmpty()) {
            whole = null;
            return;
        }
        whole.rows().replaceAll(row -> row.id() == changed.id() ? changed : row);
    }

    /**
     * Whether the verifier looked at this row in the check at {@code checkedAt}: every Pending and
     * Approved row connected by then; Expired rows it leaves alone, and a row connected after that
     * moment is "Not yet" checked.
     */
    private static boolean lookedAt(IntegrationRow row, Instant checkedAt) {
        return row.status().isWatched() && !row.connectedAt().isAfter(checkedAt);
    }

    /** When the verifier last looked at this row: the latest check heard by push, or what the row was read with. */
    Instant lastChecked(IntegrationRow row) {
        Instant read = row.lastCheckedAt();
        if (pushedCheck != null && lookedAt(row, pushedCheck) && (read == null || pushedCheck.isAfter(read))) {
            return pushedCheck;
        }
        return read;
    }

    /** Every row the grid would show now, fetched as the grid fetches. */
    List<IntegrationRow> rows() {
        return grid.getGenericDataView().getItems().toList();
    }

    /** The rows as this view knows them, from its fetches and pushes, without asking the database. */
    List<IntegrationRow> knownRows() {
        return List.copyOf(known.values());
    }

    private IntegrationFilter filter() {
        return new IntegrationFilter(statusFilter.getValue());
    }

    private static List<String> sortKeys(List<QuerySortOrder> orders) {
        List<String> keys = new ArrayList<>();
        orders.forEach(
                order -> keys.add((order.getDirection() == SortDirection.DESCENDING ? "-" : "") + order.getSorted()));
        return keys;
    }
}
