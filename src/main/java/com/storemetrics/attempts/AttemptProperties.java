package com.storemetrics.attempts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The attempt counters' table ({@code storemetrics.attempts.*}).
 *
 * @param maxCounters   most counters kept at once; beyond it the ones forgotten soonest go first
 * @param pruneInterval how often forgotten counters are deleted (by one node, through db-scheduler)
 */
@ConfigurationProperties("storemetrics.attempts")
public record AttemptProperties(
        @DefaultValue("100000") long maxCounters,
        @DefaultValue("1m") Duration pruneInterval) {

    public AttemptProperties {
        if (maxCounters < 1) {
            throw new IllegalArgumentException("storemetrics.attempts.max-counters must be at least 1");
        }
        if (pruneInterval == null || pruneInterval.isNegative() || pruneInterval.isZero()) {
            throw new IllegalArgumentException("storemetrics.attempts.prune-interval must be positive");
        }
    }
}
