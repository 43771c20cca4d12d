package com.storemetrics.integration;

/**
 * What the customer asked for when connecting (step 3 of the dialog): the roles our service Apple ID
 * needs follow from it. Only a customer who wanted payments is told that the Finance role is missing.
 */
public enum DataWanted {
    /** The daily Sales and Subscription reports: the Sales role. */
    SALES,
    /** Those and Apple's Financial reports (Payments): the Sales and Finance roles. */
    SALES_AND_PAYMENTS;

    public boolean payments() {
        return this == SALES_AND_PAYMENTS;
    }

    /** For history and support: what the customer chose, in words. */
    public String inWords() {
        return payments() ? "the Sales reports and payments" : "the Sales reports only (no payments)";
    }
}
