package com.storemetrics.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in limits ({@code storemetrics.login.*}).
 *
 * @param accountFailures     failed sign-ins of one account (known or not) before it is locked
 * @param addressFailures     failed sign-ins from one client address before it is locked
 * @param firstLock           the first lock; each further failure after a lock doubles it
 * @param maxLock             the longest lock
 * @param forgetAfter         failures older than this (counted from the last one) are forgotten
 * @param maxUsernameLength   longer user names are refused without a password check
 * @param maxPasswordLength   longer passwords are refused without a password check (BCrypt reads 72 bytes)
 * @param trackedKeys         most accounts plus addresses remembered at once (the oldest are dropped)
 */
@ConfigurationProperties("storemetrics.login")
public record LoginProperties(
        @DefaultValue("5") int accountFailures,
        @DefaultValue("20") int addressFailures,
        @DefaultValue("1m") Duration firstLock,
        @DefaultValue("15m") Duration maxLock,
        @DefaultValue("1h") Duration forgetAfter,
        @DefaultValue("100") int maxUsernameLength,
        @DefaultValue("128") int maxPasswordLength,
        @DefaultValue("100000") long trackedKeys) {

    public LoginProperties {
        if (accountFailures < 1 || addressFailures < 1) {
            throw new IllegalArgumentException("storemetrics.login.*-failures must be at least 1");
        }
        if (firstLock == null
                || firstLock.isNegative()
                || firstLock.isZero()
                || maxLock == null
                || maxLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("storemetrics.login.first-lock must be positive and at most max-lock");
        }
    }
}
