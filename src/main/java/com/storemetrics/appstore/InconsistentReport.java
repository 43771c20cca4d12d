package com.storemetrics.appstore;

/**
 * A report whose own totals disagree with its rows (a Financial report's trailer lines): readable,
 * but not data. The client answers it as "Apple's file is inconsistent", never as numbers.
 */
final class InconsistentReport extends RuntimeException {

    InconsistentReport(String detail) {
        super(detail);
    }
}
