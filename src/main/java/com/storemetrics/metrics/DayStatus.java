package com.storemetrics.metrics;

/**
 * What the importer knows of one (account, report, vendor, day): Apple's three answers, plus our own
 * "it failed, nothing stored". Only a published day ({@link #DATA}, {@link #NO_SALES}) is shown.
 */
public enum DayStatus {
    /** Apple published the report and it had rows: stored. */
    DATA,
    /** Apple's "There were no sales for the date specified": stored as an explicit zero. */
    NO_SALES,
    /** "Report is not available yet": nothing stored, asked again later, never a zero. */
    NOT_YET,
    /** Reading it failed: nothing stored (a day stored earlier keeps its figures), retried with back-off. */
    FAILED;

    public boolean isPublished() {
        return this == DATA || this == NO_SALES;
    }
}
