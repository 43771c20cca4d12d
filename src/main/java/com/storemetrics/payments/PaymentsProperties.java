package com.storemetrics.payments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Financial report import ({@code storemetrics.payments.*}).
 *
 * @param importInterval how often a bounded batch runs (db-scheduler, one node at a time)
 * @param months         how many published fiscal months back the import keeps (Apple's last 13)
 * @param accessRecheck  how often Finance.getVendorsAndRegions is asked again (roles and regions change)
 * @param notYetRetry    when to ask again for a month Apple has not published by its expected day
 */
@ConfigurationProperties("storemetrics.payments")
public record PaymentsProperties(
        @DefaultValue("15m") Duration importInterval,
        @DefaultValue("13") int months,
        @DefaultValue("24h") Duration accessRecheck,
        @DefaultValue("6h") Duration notYetRetry) {

    public PaymentsProperties {
        if (months < 1) {
            throw new IllegalArgumentException("storemetrics.payments.months must be at least 1");
        }
    }
}
