package com.storemetrics.sandbox;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The fault armed through the control API for the next Apple-protocol requests (or until cleared).
 * One fault at a time: arming another replaces it. Applied by {@link FaultValve}.
 */
@Component
@ConditionalOnSandbox
class FaultInjector {

    enum Mode {
        /** Added delay, then the normal answer. */
        LATENCY,
        /** 500 without a usable answer. */
        HTTP_500,
        /** 429 as if the rate limit were reached. */
        HTTP_429,
        /** 200 with bytes that are neither XML nor JSON nor gzip. */
        GARBAGE,
        /** The connection closes without any answer. */
        DROP_CONNECTION,
        /**
         * 403 because the account's agreements are missing or expired (the Account Holder must accept
         * them in App Store Connect > Business): the Reporter's XML error saying so, the API's
         * {@code FORBIDDEN.REQUIRED_AGREEMENTS_MISSING_OR_EXPIRED}. Not a missing role.
         */
        AGREEMENTS,
        /**
         * The next Financial reports end with a {@code Total_Amount} one cent (one yen) off their rows,
         * as a damaged file would; every other request is answered normally and does not count.
         */
        INCONSISTENT_TRAILER
    }

    /** {@code remaining} null means until cleared. */
    record Armed(Mode mode, Integer remaining, int latencyMs) {}

    static final int MAX_LATENCY_MS = 120_000;

    private final AtomicReference<Armed> armed = new AtomicReference<>();

    /** Counts resets of the world; guarded by {@code this}, whose monitor also wakes delayed requests. */
    private long world;

    Armed arm(Mode mode, Integer count, Integer latencyMs) {
        if (mode == null) {
            throw new SandboxRefusal(
                    SandboxRefusal.Reason.INVALID,
                    "mode must be one of HTTP_500, HTTP_429, GARBAGE, DROP_CONNECTION, LATENCY, INCONSISTENT_TRAILER");
        }
        if (count != null && count < 1) {
            throw new SandboxRefusal(
                    SandboxRefusal.Reason.INVALID, "count must be at least 1 (omit it for until cleared)");
        }
        if (mode == Mode.LATENCY && (latencyMs == null || latencyMs < 1 || latencyMs > MAX_LATENCY_MS)) {
            throw new SandboxRefusal(
                    SandboxRefusal.Reason.INVALID, "LATENCY needs latencyMs between 1 and " + MAX_LATENCY_MS);
        }
        Armed fault = new Armed(mode, count, mode == Mode.LATENCY ? latencyMs : 0);
        armed.set(fault);
        return fault;
    }

    void clear() {
        armed.set(null);
    }

    /**
     * Clears the fault and ends every delay still running: those requests were sent to the world
     * being replaced. Let through, they would act on the fresh world and count against its budget
     * seconds later, long after the client that sent them gave up (a test's state leaking into the
     * next test's).
     */
    synchronized void reset() {
        clear();
        world++;
        notifyAll();
    }

    /** The world a request arrives in, to hand back to {@link #delay}. */
    synchronized long world() {
        return world;
    }

    /**
     * Waits out a {@code LATENCY} fault's delay.
     *
     * @return true if the request may go on; false if the world it arrived in was reset meanwhile
     */
    synchronized boolean delay(long arrivedIn, int latencyMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(latencyMs);
        while (world == arrivedIn) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return false;
    }

    Optional<Armed> current() {
        return Optional.ofNullable(armed.get());
    }

    /**
     * The fault for one Apple-protocol request, counting it down. Atomic, so N concurrent requests
     * see exactly N faults.
     */
    Optional<Armed> takeForRequest() {
        return take(false);
    }

    /** Whether this Financial report is to be inconsistent (counting it down when it is). */
    boolean takeInconsistentTrailer() {
        return take(true).isPresent();
    }

    private Optional<Armed> take(boolean inconsistentTrailer) {
        while (true) {
            Armed fault = armed.get();
            if (fault == null || (fault.mode() == Mode.INCONSISTENT_TRAILER) != inconsistentTrailer) {
                return Optional.empty();
            }
            if (fault.remaining() == null) {
                return Optional.of(fault);
            }
            Armed next =
                    fault.remaining() > 1 ? new Armed(fault.mode(), fault.remaining() - 1, fault.latencyMs()) : null;
            if (armed.compareAndSet(fault, next)) {
                return Optional.of(fault);
            }
        }
    }
}
