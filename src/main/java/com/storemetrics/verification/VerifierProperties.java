package com.storemetrics.verification;

import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.base.Backoff;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The verifier's timing.
 *
 * @param interval              how often the scheduled membership check runs when nobody is waiting
 * @param youngPendingInterval  how often it runs while an integration connected less than
 *                              {@code youngPendingAge} ago is Pending (customers often invite our user
 *                              minutes after Finish, and should see Approved within seconds)
 * @param youngPendingAge       see {@code youngPendingInterval}
 * @param recentPendingInterval how often it runs while an integration connected less than
 *                              {@code recentPendingAge} ago is Pending
 * @param recentPendingAge      see {@code recentPendingInterval}
 * @param invitationGrace how long past Apple's 3-day invitation lifetime a Pending integration may wait
 * @param firstBackoff    the pause after a first failure; it doubles with each further failure
 * @param maxBackoff      the longest pause after repeated failures
 */
@ConfigurationProperties("storemetrics.verifier")
public record VerifierProperties(
        @DefaultValue("30s") Duration interval,
        @DefaultValue("3s") Duration youngPendingInterval,
        @DefaultValue("5m") Duration youngPendingAge,
        @DefaultValue("15s") Duration recentPendingInterval,
        @DefaultValue("1h") Duration recentPendingAge,
        @DefaultValue("1d") Duration invitationGrace,
        @DefaultValue("10s") Duration firstBackoff,
        @DefaultValue("10m") Duration maxBackoff) {

    /** When Apple lets an invitation lapse. */
    static final Duration INVITATION_LIFETIME = AppleFacts.INVITATION_LIFETIME;

    /**
     * How long to wait before the next check, when the youngest Pending integration was connected at
     * {@code newestPending} (null: none is Pending). Never longer than the normal interval.
     */
    Duration intervalWhile(Instant newestPending, Instant now) {
        Duration wanted = interval;
        if (newestPending != null) {
            Duration age = Duration.between(newestPending, now);
            if (age.compareTo(youngPendingAge) < 0) {
                wanted = youngPendingInterval;
            } else if (age.compareTo(recentPendingAge) < 0) {
                wanted = recentPendingInterval;
            }
        }
        return wanted.compareTo(interval) < 0 ? wanted : interval;
    }

    Duration pendingLifetime() {
        return INVITATION_LIFETIME.plus(invitationGrace);
    }

    /** Pause after {@code failures} consecutive failures: doubling from the first back-off, capped. */
    Duration backoffAfter(int failures) {
        return new Backoff(firstBackoff, maxBackoff).after(failures);
    }
}
