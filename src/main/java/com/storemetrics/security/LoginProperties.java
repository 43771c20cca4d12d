package com.storemetrics.security;

import com.storemetrics.base.Backoff;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in limits ({@code storemetrics.login.*}); the policy is in {@link LoginThrottle}.
 *
 * @param pairFailures      failed sign-ins of one account name from one client address before that pair waits
 * @param addressFailures   failed sign-ins from one client address (any names) before the address waits
 * @param firstDelay        the first wait; each further failure doubles it
 * @param maxDelay          the longest wait
 * @param forgetAfter       failures are forgotten this long after the first of them (and never before the
 *                          wait they caused is over)
 * @param maxUsernameLength longer user names are refused without a password check
 * @param maxPasswordLength longer passwords are refused without a password check (BCrypt reads 72 bytes)
 */
@ConfigurationProperties("storemetrics.login")
public record LoginProperties(
        @DefaultValue("5") int pairFailures,
        @DefaultValue("20") int addressFailures,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay,
        @DefaultValue("1h") Duration forgetAfter,
        @DefaultValue("100") int maxUsernameLength,
        @DefaultValue("128") int maxPasswordLength) {

    public LoginProperties {
        if (pairFailures < 1 || addressFailures < 1) {
            throw new IllegalArgumentException("storemetrics.login.*-failures must be at least 1");
        }
        if (firstDelay == null
                || firstDelay.isNegative()
                || firstDelay.isZero()
                || maxDelay == null
                || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("storemetrics.login.first-delay must be positive and at most max-delay");
        }
        if (forgetAfter == null || forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new IllegalArgumentException("storemetrics.login.forget-after must be positive");
        }
    }

    /** How long after its {@code failures}-th failure a pair or address waits, given how many are free. */
    Duration delayAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        // The first failure past the free ones waits firstDelay, each further one twice as long.
        return new Backoff(firstDelay, maxDelay).after(failures - free + 1);
    }
}
