package com.storemetrics.appstore;

/**
 * Apple's three answers for a daily report (docs/metrics.md): a file with rows, "There were no
 * sales for the date specified" (a real zero), or "Report is not available yet" (not published:
 * ask again later, never a zero).
 */
public enum ReportOutcome {
    DATA,
    NO_SALES,
    NOT_YET_AVAILABLE
}
