package com.storemetrics.integration;

import java.util.Collection;
import java.util.Map;

/**
 * What the store-data side knows of Approved accounts, for the customer's rows: "Data up to ..." or
 * how far the history import has come. The metrics feature builds on integration, so integration
 * asks through this interface and metrics implements it; without an implementation, rows say
 * nothing about data.
 */
public interface StoreDataLines {

    /** Nothing to say: the app without the metrics feature. */
    StoreDataLines NONE = new StoreDataLines() {
        @Override
        public Map<Long, String> lines(Collection<Long> accountIds) {
            return Map.of();
        }

        @Override
        public String importState(long accountId) {
            return null;
        }
    };

    /** A short line for each of these accounts that has one; read in one go for a page of rows. */
    Map<Long, String> lines(Collection<Long> accountIds);

    /**
     * For each of these accounts whose Sales reports Apple refuses our service user for lack of a
     * role, the line saying so and what to do ("Sales reports: needs the Sales role. ..."), read in one
     * go for a page of rows; none while Apple answers, or nobody knows.
     */
    default Map<Long, String> roleLines(Collection<Long> accountIds) {
        return Map.of();
    }

    /**
     * The account's import state for support: whether it imports, how far it got, and the last
     * failure with its time; never a credential (the import uses our own service identity).
     */
    String importState(long accountId);
}
