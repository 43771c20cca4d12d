package com.storemetrics.metrics;

import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.base.Backoff;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The importer's pacing and timing ({@code storemetrics.metrics.*}).
 *
 * @param importInterval     how often a bounded batch of requests runs (db-scheduler, one node at a time)
 * @param batchSize          most Apple requests one run makes
 * @param startOnApproval    run a batch right after an integration turns Approved (not only on the interval)
 * @param hourlyBudget       the service Apple ID's hourly request budget at Apple; unset means Apple's
 *                           published figure ({@link AppleFacts#HOURLY_REQUEST_BUDGET})
 * @param hourlyRequestShare the importer's share of that budget; the verifier keeps the rest
 * @param historyDays        how far back the back-fill goes (Apple keeps daily reports about a year)
 * @param trailingDays       the recent days re-read once a day, because Apple corrects reports
 * @param refetchAfter       how old a stored recent day must be before it is read again
 * @param notYetRetry        when to ask again for a day Apple has not published
 * @param firstBackoff       the wait after a first failure of a day (doubles per failure)
 * @param maxBackoff         the longest wait
 */
@ConfigurationProperties("storemetrics.metrics")
public record MetricsProperties(
        @DefaultValue("3s") Duration importInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("true") boolean startOnApproval,
        Integer hourlyBudget,
        @DefaultValue("0.5") double hourlyRequestShare,
        @DefaultValue("365") int historyDays,
        @DefaultValue("7") int trailingDays,
        @DefaultValue("20h") Duration refetchAfter,
        @DefaultValue("30m") Duration notYetRetry,
        @DefaultValue("1m") Duration firstBackoff,
        @DefaultValue("6h") Duration maxBackoff) {

    public MetricsProperties {
        hourlyBudget = hourlyBudget == null ? AppleFacts.HOURLY_REQUEST_BUDGET : hourlyBudget;
        if (batchSize < 1) {
            throw new IllegalArgumentException("storemetrics.metrics.batch-size must be at least 1");
        }
        if (hourlyRequestShare <= 0 || hourlyRequestShare > 1) {
            throw new IllegalArgumentException("storemetrics.metrics.hourly-request-share must be in (0, 1]");
        }
        if (historyDays < 1 || trailingDays < 0) {
            throw new IllegalArgumentException("storemetrics.metrics.history-days must be positive");
        }
    }

    /** Requests the importer may send per hour. */
    int importerHourlyRequests() {
        return (int) Math.floor(hourlyBudget * hourlyRequestShare);
    }

    /** The wait after {@code failures} consecutive failures: doubling from the first, capped. */
    Duration backoffAfter(int failures) {
        return new Backoff(firstBackoff, maxBackoff).after(Math.max(failures, 1));
    }
}
