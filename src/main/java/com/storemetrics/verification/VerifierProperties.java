package com.storemetrics.verification;

import com.storemetrics.appstore.AppleFacts;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The verifier's timing.
 *
 * @param interval        how often the scheduled membership check runs
 * @param burst           after a customer finishes the funnel, extra checks this long afterwards
 * @param invitationGrace how long past Apple's 3-day invitation lifetime a Pending integration may wait
 * @param firstBackoff    the pause after a first failure; it doubles with each further failure
 * @param maxBackoff      the longest pause after repeated failures
 */
@ConfigurationProperties("storemetrics.verifier")
public record VerifierProperties(
        @DefaultValue("30s") Duration interval,
        @DefaultValue({"2s", "5s", "10s", "20s", "40s"}) List<Duration> burst,
        @DefaultValue("1d") Duration invitationGrace,
        @DefaultValue("10s") Duration firstBackoff,
        @DefaultValue("10m") Duration maxBackoff) {

    /** When Apple lets an invitation lapse. */
    static final Duration INVITATION_LIFETIME = AppleFacts.INVITATION_LIFETIME;

    Duration pendingLifetime() {
        return INVITATION_LIFETIME.plus(invitationGrace);
    }

    /** Pause after {@code failures} consecutive failures: doubling from the first back-off, capped. */
    Duration backoffAfter(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        Duration pause = firstBackoff.multipliedBy(1L << Math.min(failures - 1, 20));
        return pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
    }
}
