package com.storemetrics.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account name and per client address. After {@code account-failures}
 * (or {@code address-failures}) in a row the account (or address) is locked for {@code first-lock};
 * every further failure after a lock doubles the lock, up to {@code max-lock}. While locked, sign-in
 * is refused before any password check (no BCrypt work for an attacker). Unknown account names are
 * counted and locked exactly like real ones, so a lock tells nothing about who exists. A success
 * forgets the account's failures (not the address's).
 *
 * <p>The counters live in a Caffeine cache: bounded ({@code tracked-keys}) and expiring, so cycling
 * through made-up names cannot exhaust memory. Times come from the application's {@link Clock}.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private record Failures(int count, Instant last, Instant lockedUntil) {}

    private final LoginProperties properties;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.failures = Caffeine.newBuilder()
                .maximumSize(properties.trackedKeys())
                // Real time only bounds memory; whether an entry still counts is decided with the clock.
                .expireAfterWrite(properties.forgetAfter().plus(properties.maxLock()))
                .build();
    }

    /** When the account or the address may try again, if either is locked now. */
    public Optional<Instant> lockedUntil(String username, String address) {
        Instant now = clock.instant();
        Instant until = null;
        for (String key : new String[] {accountKey(username), addressKey(address)}) {
            Failures current = current(key, now);
            if (current != null && current.lockedUntil() != null && now.isBefore(current.lockedUntil())) {
                until = until == null || current.lockedUntil().isAfter(until) ? current.lockedUntil() : until;
            }
        }
        return Optional.ofNullable(until);
    }

    /** A wrong password (or unknown account): counts for both and may lock either. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        Failures account = count(accountKey(username), properties.accountFailures(), now);
        Failures byAddress = count(addressKey(address), properties.addressFailures(), now);
        log.warn(
                "Failed sign-in for account '{}' from {}: {} failure(s) in a row for the account{}, {} from the "
                        + "address{}",
                printable(username),
                address,
                account.count(),
                lockNote(account, now),
                byAddress.count(),
                lockNote(byAddress, now));
    }

    /** A successful sign-in forgets the account's failures. */
    public void succeeded(String username) {
        failures.invalidate(accountKey(username));
    }

    /** A sign-in refused because of a lock (logged for operators; counts nothing). */
    public void refusedWhileLocked(String username, String address, Instant until) {
        log.warn("Refused sign-in for account '{}' from {}: locked until {}", printable(username), address, until);
    }

    private Failures count(String key, int allowed, Instant now) {
        return failures.asMap().compute(key, (k, previous) -> {
            Failures live = previous == null || expired(previous, now) ? null : previous;
            int count = live == null ? 1 : live.count() + 1;
            Instant lockedUntil = live == null ? null : live.lockedUntil();
            if (count >= allowed) {
                long doublings = Math.min(count - allowed, 20);
                Duration lock = properties.firstLock().multipliedBy(1L << doublings);
                if (lock.compareTo(properties.maxLock()) > 0) {
                    lock = properties.maxLock();
                }
                lockedUntil = now.plus(lock);
            }
            return new Failures(count, now, lockedUntil);
        });
    }

    private Failures current(String key, Instant now) {
        Failures stored = failures.getIfPresent(key);
        return stored == null || expired(stored, now) ? null : stored;
    }

    private boolean expired(Failures stored, Instant now) {
        Instant lockEnd = stored.lockedUntil() == null ? stored.last() : stored.lockedUntil();
        Instant latest = lockEnd.isAfter(stored.last()) ? lockEnd : stored.last();
        return !now.isBefore(latest.plus(properties.forgetAfter()));
    }

    private static String lockNote(Failures failures, Instant now) {
        return failures.lockedUntil() != null && now.isBefore(failures.lockedUntil())
                ? " (locked until " + failures.lockedUntil() + ")"
                : "";
    }

    private static String accountKey(String username) {
        return "account:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }

    /** A user name as it may appear in a log line: one line, no control characters, clipped. */
    static String printable(String username) {
        if (username == null) {
            return "";
        }
        String oneLine = username.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "..." : oneLine;
    }
}
