package com.storemetrics.security;

import com.storemetrics.attempts.AttemptCounters;
import com.storemetrics.attempts.AttemptCounters.Count;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking the owner out (OWASP's authentication guidance):
 * failed sign-ins are counted per (account name, client address) pair and per client address,
 * never per account alone. After {@code pair-failures} failures of a pair (or
 * {@code address-failures} from an address) the next attempt of that pair (or from that address)
 * must wait {@code first-delay}, each further failure doubles the wait up to {@code max-delay}, and
 * an attempt during a wait is refused before any password check (no BCrypt work for an attacker).
 * The owner signing in from another address is not slowed at all; a success forgets its pair.
 * Unknown account names are counted exactly like real ones, so a wait tells nothing about who
 * exists. An IPv6 client counts by its /64 network, which one machine usually has to itself.
 *
 * <p>The counters are in the database ({@link AttemptCounters}), so every node sees the same
 * counts and two nodes do not double an attacker's attempts. A sign-in costs one read; a failure
 * one more statement, a success after failures one more.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    static final String PAIR = "login-pair";
    static final String ADDRESS = "login-address";

    /** The counts before a sign-in, and until when it must wait (null: it may try now). */
    public record Standing(
            String pairKey, String addressKey, int pairFailures, int addressFailures, Instant waitUntil) {

        boolean mustWait() {
            return waitUntil != null;
        }
    }

    private final AttemptCounters counters;
    private final LoginProperties properties;
    private final Clock clock;

    LoginThrottle(AttemptCounters counters, LoginProperties properties, Clock clock) {
        this.counters = counters;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where this account name from this address stands: one query. */
    public Standing standing(String username, String address) {
        String network = network(address);
        String pairKey = AttemptCounters.key(PAIR, accountName(username) + "\n" + network);
        String addressKey = AttemptCounters.key(ADDRESS, network);
        Map<String, Count> counts = counters.read(List.of(pairKey, addressKey));
        Count pair = counts.get(pairKey);
        Count fromAddress = counts.get(addressKey);
        Instant now = clock.instant();
        Instant waitUntil = later(
                waitUntil(pair, properties.pairFailures(), now),
                waitUntil(fromAddress, properties.addressFailures(), now));
        return new Standing(
                pairKey,
                addressKey,
                pair == null ? 0 : pair.attempts(),
                fromAddress == null ? 0 : fromAddress.attempts(),
                waitUntil);
    }

    /** A wrong password (or unknown account name, or an over-long field): counts for the pair and the address. */
    public void failed(String username, String address, Standing before) {
        counters.add(List.of(before.pairKey(), before.addressKey()), properties.forgetAfter(), properties.maxDelay());
        Instant now = clock.instant();
        // The counts as this node saw them before, plus this failure (another node may have added one meanwhile).
        int pair = before.pairFailures() + 1;
        int fromAddress = before.addressFailures() + 1;
        Instant waitUntil =
                later(wait(now, pair, properties.pairFailures()), wait(now, fromAddress, properties.addressFailures()));
        log.warn(
                "Failed sign-in for account '{}' from {}: {} failure(s) of the account from this address, {} from the "
                        + "address{}",
                printable(username),
                address,
                pair,
                fromAddress,
                waitUntil == null ? "" : " (next attempt waits until " + waitUntil + ")");
    }

    /** A successful sign-in forgets its pair's failures (not the address's: an attacker may own an account too). */
    public void succeeded(Standing before) {
        if (before.pairFailures() > 0) {
            counters.forget(before.pairKey());
        }
    }

    /** A sign-in refused because it came during a wait (logged for operators; counts nothing). */
    public void refused(String username, String address, Standing standing) {
        log.warn(
                "Refused sign-in for account '{}' from {}: too many failed sign-ins, waiting until {} ({} of the "
                        + "account from this address, {} from the address)",
                printable(username),
                address,
                standing.waitUntil(),
                standing.pairFailures(),
                standing.addressFailures());
    }

    private Instant waitUntil(Count count, int free, Instant now) {
        if (count == null) {
            return null;
        }
        Instant until = count.last().plus(properties.delayAfter(count.attempts(), free));
        return now.isBefore(until) ? until : null;
    }

    private Instant wait(Instant now, int failures, int free) {
        Duration delay = properties.delayAfter(failures, free);
        return delay.isZero() ? null : now.plus(delay);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String accountName(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The network an address counts as: itself for IPv4, its /64 for IPv6 (a single host usually
     * has a whole /64 and could otherwise pick a fresh address for every guess).
     */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (!address.contains(":")) {
            return address;
        }
        try {
            // A literal (it has a colon), so nothing is looked up.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            byte[] prefix = Arrays.copyOf(bytes, 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return address;
        }
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
