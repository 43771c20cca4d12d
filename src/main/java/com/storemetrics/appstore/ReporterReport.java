package com.storemetrics.appstore;

/**
 * The daily summary reports our Reporter client fetches, by the name {@code Sales.getReport} gives
 * them, and the report version asked for until Apple names another.
 */
enum ReporterReport {
    /** The daily Sales summary: no version named (Apple's default, 1_0). */
    SALES("Sales", null),
    /** Apple's table says 1_3; the latest seen in the wild is 1_4, whose header adds win-back offers. */
    SUBSCRIPTION("Subscription", "1_4"),
    SUBSCRIPTION_EVENT("SubscriptionEvent", "1_4");

    private final String reporterName;
    private final String defaultVersion;

    ReporterReport(String reporterName, String defaultVersion) {
        this.reporterName = reporterName;
        this.defaultVersion = defaultVersion;
    }

    String reporterName() {
        return reporterName;
    }

    String defaultVersion() {
        return defaultVersion;
    }
}
