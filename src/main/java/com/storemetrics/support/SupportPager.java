package com.storemetrics.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The support grid's pages, by keyset where it can: an offset page makes the database count past
 * every earlier row (about 100 ms at row 50,000 of 100,000), so the pager remembers the last row of
 * each page it served and asks for the next rows after that row instead. A page with no remembered
 * row shortly before it (a jump of the scrollbar, a sort by a key that can be null) is fetched by
 * offset. One pager per open view; it forgets its rows whenever the filter, the sort or the data
 * changes, since positions then shift.
 */
public final class SupportPager {

    /** Rows passed over after an anchor before the offset query is the better one. */
    static final int MAX_SKIP = 1_000;
    /** Remembered rows at most (about 200 bytes each): the oldest positions are forgotten first. */
    static final int MAX_ANCHORS = 200;

    private final SupportService service;
    /** The row at each remembered position, for the filter and sort below. */
    private final TreeMap<Integer, IntegrationOverview> anchors = new TreeMap<>();

    private IntegrationSearchFilter filter;
    private Sort sort;
    private final int maxAnchors;
    private int seeks;
    private int offsets;

    public SupportPager(SupportService service) {
        this(service, MAX_ANCHORS);
    }

    SupportPager(SupportService service, int maxAnchors) {
        this.service = service;
        this.maxAnchors = maxAnchors;
    }

    /** Rows {@code offset} to {@code offset + limit - 1} matching the filter, in the sort's order. */
    public List<IntegrationOverview> page(IntegrationSearchFilter filter, Sort sort, int offset, int limit) {
        keepFor(filter, sort);
        Map.Entry<Integer, IntegrationOverview> anchor = anchors.floorEntry(offset - 1);
        List<IntegrationOverview> rows;
        if (anchor != null && offset - 1 - anchor.getKey() <= MAX_SKIP && EveryIntegration.seekable(sort)) {
            rows = service.integrationsAfter(filter, sort, anchor.getValue(), offset - 1 - anchor.getKey(), limit);
            seeks++;
        } else {
            // Vaadin's lazy grid asks in whole pages of its page size (paging on), so offset is a multiple of limit.
            if (offset % limit != 0) {
                throw new IllegalArgumentException("Offset " + offset + " is not a page start for pages of " + limit);
            }
            rows = service.integrations(filter, PageRequest.of(offset / limit, limit, sort));
            offsets++;
        }
        served(filter, sort, offset, rows);
        return rows;
    }

    /**
     * These rows were shown from {@code offset} on, for this filter and sort, however they were read
     * (another view's pager may have read them for a pushed change): remember the last as an anchor.
     */
    public void served(IntegrationSearchFilter filter, Sort sort, int offset, List<IntegrationOverview> rows) {
        keepFor(filter, sort);
        if (!rows.isEmpty()) {
            anchors.put(offset + rows.size() - 1, rows.get(rows.size() - 1));
            if (anchors.size() > maxAnchors) {
                anchors.pollFirstEntry();
            }
        }
    }

    private void keepFor(IntegrationSearchFilter filter, Sort sort) {
        if (!filter.equals(this.filter) || !sort.equals(this.sort)) {
            forget();
            this.filter = filter;
            this.sort = sort;
        }
    }

    /** The data changed: remembered positions may have moved. */
    public void forget() {
        anchors.clear();
    }

    /** How many rows the pager remembers now. */
    int remembered() {
        return anchors.size();
    }

    /** Pages served by keyset and by offset so far (for tests and harnesses). */
    public int[] servedBySeekAndOffset() {
        return new int[] {seeks, offsets};
    }
}
