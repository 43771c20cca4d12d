package com.storemetrics.sandbox;

import java.util.Arrays;
import java.util.Optional;

/** The daily summary reports the sandbox serves, by the names the Reporter and the API give them. */
enum ReportType {
    SALES("Sales", "SALES", 1),
    SUBSCRIPTION("Subscription", "SUBSCRIPTION", 2),
    SUBSCRIPTION_EVENT("SubscriptionEvent", "SUBSCRIPTION_EVENT", 2);

    /** The name in {@code Sales.getReport, VENDOR,<name>,Summary,Daily,...}. */
    final String reporterName;
    /** The value of the API's {@code filter[reportType]}. */
    final String apiName;
    /** Days after the report day on which it appears, at 5 am Pacific: the next morning, or a day later. */
    final int daysToPublish;

    ReportType(String reporterName, String apiName, int daysToPublish) {
        this.reporterName = reporterName;
        this.apiName = apiName;
        this.daysToPublish = daysToPublish;
    }

    /** By either name, as the control API accepts them; empty when neither. */
    static Optional<ReportType> named(String name) {
        return Arrays.stream(values())
                .filter(type -> type.reporterName.equals(name) || type.apiName.equals(name))
                .findFirst();
    }

    boolean isSubscriptionReport() {
        return this != SALES;
    }
}
