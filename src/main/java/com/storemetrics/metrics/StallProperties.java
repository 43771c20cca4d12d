package com.storemetrics.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an account's store data counts as stalled ({@code storemetrics.metrics.stall.*}; docs/metrics.md).
 *
 * @param after         how long past Apple's usual publication of the day after the newest stored day
 *                      (5 am Pacific, the report's lag after it) no new day may arrive
 * @param failingFor    how long every request for the account's reports may fail, without one success
 * @param checkInterval how often the stall check runs (db-scheduler, one node at a time)
 */
@ConfigurationProperties("storemetrics.metrics.stall")
public record StallProperties(
        @DefaultValue("48h") Duration after,
        @DefaultValue("24h") Duration failingFor,
        @DefaultValue("15m") Duration checkInterval) {

    public StallProperties {
        if (after.isNegative() || failingFor.isNegative() || checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("storemetrics.metrics.stall.* must be positive durations");
        }
    }
}
