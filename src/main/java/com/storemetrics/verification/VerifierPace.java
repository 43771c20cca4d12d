package com.storemetrics.verification;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.storemetrics.appstore.AppleCallAccounting;
import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.appstore.AppleProtocol;
import com.storemetrics.integration.Watchlist;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * When the recurring check runs next: often while a young integration is Pending (its customer may
 * accept our invitation any minute), the normal interval otherwise (see {@link VerifierProperties}).
 * One check serves every customer, so the pace depends on the youngest Pending integration only,
 * never on how many are waiting: 1,000 customers finishing together cost what one does.
 *
 * <p>Everything it reads lives in the database (when each Pending integration was connected), so a
 * restarted or another node keeps the same pace. As a guard for Apple's hourly budget, shared with
 * the store-metrics importer, the fast pace stops while the service Apple ID's Reporter requests in
 * the last hour are above {@link #FAST_PACE_BUDGET_SHARE} of the budget.
 */
@Component
class VerifierPace implements Schedule {

    private static final Logger log = LoggerFactory.getLogger(VerifierPace.class);

    /**
     * The fast pace only while the last hour used less than this share of Apple's hourly budget. The
     * fast pace itself costs at most 3,600 s / 3 s = 1,200 requests an hour and the importer takes at
     * most half of the budget (1,800), so this trips only when something else adds requests.
     */
    static final double FAST_PACE_BUDGET_SHARE = 0.9;

    private final Watchlist watchlist;
    private final AppleCallAccounting accounting;
    private final VerifierProperties properties;
    private final Clock clock;

    VerifierPace(Watchlist watchlist, AppleCallAccounting accounting, VerifierProperties properties, Clock clock) {
        this.watchlist = watchlist;
        this.accounting = accounting;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long after the current check the next one should run. */
    Duration interval() {
        Instant now = clock.instant();
        try {
            Duration wanted = properties.intervalWhile(watchlist.newestPendingConnectedAt(), now);
            if (wanted.compareTo(properties.interval()) < 0 && overBudget()) {
                log.warn(
                        "Verifier keeps its normal interval: {} Reporter requests in the last hour",
                        accounting.requestsInLastHour(AppleProtocol.REPORTER));
                return properties.interval();
            }
            return wanted;
        } catch (RuntimeException databaseUnavailable) {
            log.warn("Verifier pace unknown, keeping the normal interval: {}", databaseUnavailable.toString());
            return properties.interval();
        }
    }

    private boolean overBudget() {
        return accounting.requestsInLastHour(AppleProtocol.REPORTER)
                >= AppleFacts.HOURLY_REQUEST_BUDGET * FAST_PACE_BUDGET_SHARE;
    }

    @Override
    public Instant getNextExecutionTime(ExecutionComplete executionComplete) {
        return executionComplete.getTimeDone().plus(interval());
    }

    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return now;
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }

    @Override
    public String toString() {
        return "VerifierPace(" + properties.youngPendingInterval() + " for " + properties.youngPendingAge() + ", "
                + properties.recentPendingInterval() + " for " + properties.recentPendingAge() + ", then "
                + properties.interval() + ")";
    }
}
