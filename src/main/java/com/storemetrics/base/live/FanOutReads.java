package com.storemetrics.base.live;

import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reads shared by the open views that apply the same pushed update. One change reaches every open
 * view of a customer (ten tabs, say), and each view then re-reads the same page and count: the
 * first view's read serves the others. Measured by {@code PushFanOutBenchmark}.
 *
 * <p><b>When a read is shared.</b> Only on a delivery thread of {@link LiveUpdates}, while a UI
 * applies a batch there or pushes afterwards; only among views of the same signed-in user whose
 * batches ended with the same update, by identity (the broadcaster hands one object to every view
 * it reaches, so a view's updates must be objects made per update, never constants), and for the
 * same key (filter, sort, page). Such a read began after that last update was committed: the view
 * that made it had been offered the update, and updates are offered after their commit. It must
 * also have begun after <em>every other update this view applied</em> was offered to it (now or in
 * earlier batches, from attaching on), so it saw those too; an older read is not used: this view
 * reads again, and its read serves the views after it. Reads on a request thread (the customer
 * scrolls, filters or acts), after a reload, or for a UI that applied batches ending with
 * different updates on this thread are never shared, and no user ever gets another user's read.
 */
final class FanOutReads {

    /** How long a shared read is kept: a fan-out to a thousand views takes about a second or two. */
    static final Duration KEPT = Duration.ofSeconds(10);

    /** The UIs this delivery thread applied a batch to, each with the batch's last update. */
    private static final ThreadLocal<Map<UI, Applied>> APPLIED_HERE = new ThreadLocal<>();
    /** A UI that applied batches ending with different updates here: its reads are its own. */
    private static final Applied MIXED = new Applied(new Object(), 0);

    private final Map<Key, Entry> reads = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private volatile long nextSweep;

    FanOutReads(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.nextSweep = nanoTime.getAsLong() + KEPT.toNanos();
    }

    /** Runs one delivery (the UI access and the push after it) with this thread marked as delivering. */
    static void delivering(Runnable delivery) {
        APPLIED_HERE.set(new IdentityHashMap<>());
        try {
            delivery.run();
        } finally {
            APPLIED_HERE.remove();
        }
    }

    /**
     * {@code ui} applied a batch ending with {@code lastUpdate}; the latest of the other updates its
     * view ever applied was offered to it at {@code othersOfferedAt} ({@link System#nanoTime}).
     * Called under the UI's session lock.
     */
    static void applied(UI ui, Object lastUpdate, long othersOfferedAt) {
        Map<UI, Applied> applied = APPLIED_HERE.get();
        if (applied != null) {
            applied.merge(
                    ui,
                    new Applied(lastUpdate, othersOfferedAt),
                    (before, now) -> before.lastUpdate() == now.lastUpdate()
                            ? new Applied(now.lastUpdate(), Math.max(before.othersOfferedAt(), now.othersOfferedAt()))
                            : MIXED);
        }
    }

    /** {@code ui} reloaded instead: what it reads now is its own. */
    static void reloaded(UI ui) {
        Map<UI, Applied> applied = APPLIED_HERE.get();
        if (applied != null) {
            applied.put(ui, MIXED);
        }
    }

    /** The read, shared with the other views that applied the same update (see the class comment). */
    <T> T read(Object what, Supplier<T> read) {
        Map<UI, Applied> appliedHere = APPLIED_HERE.get();
        UI ui = UI.getCurrent();
        Applied applied = appliedHere == null || ui == null ? null : appliedHere.get(ui);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (applied == null || applied == MIXED || user == null) {
            return read.get();
        }
        sweepNowAndThen();
        Key key = new Key(new Same(applied.lastUpdate()), user.getName(), what);
        // Taken before the read begins: a read serves a view if it began after the view's other updates were offered.
        Entry mine = new Entry(nanoTime.getAsLong());
        Entry chosen = reads.compute(
                key,
                (same, earlier) -> earlier != null && earlier.created - applied.othersOfferedAt() > 0 ? earlier : mine);
        if (chosen == mine) {
            try {
                T value = read.get();
                mine.value.complete(value);
                return value;
            } catch (RuntimeException | Error failure) {
                reads.remove(key, mine);
                mine.value.completeExceptionally(failure);
                throw failure;
            }
        }
        try {
            @SuppressWarnings("unchecked")
            T shared = (T) chosen.value.join();
            return shared;
        } catch (CompletionException firstFailed) {
            // The first reader failed; this view reads for itself (and fails on its own if it must).
            return read.get();
        }
    }

    /** How many shared reads are kept now; for tests. */
    int kept() {
        return reads.size();
    }

    private void sweepNowAndThen() {
        long now = nanoTime.getAsLong();
        if (now - nextSweep < 0) {
            return;
        }
        nextSweep = now + KEPT.toNanos();
        reads.values().removeIf(entry -> now - entry.created > KEPT.toNanos());
    }

    private record Key(Same lastUpdate, String user, Object what) {}

    private record Applied(Object lastUpdate, long othersOfferedAt) {}

    /** An object compared by identity, whatever its equals says. */
    private record Same(Object object) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }

    private static final class Entry {
        final long created;
        final CompletableFuture<Object> value = new CompletableFuture<>();

        Entry(long created) {
            this.created = created;
        }
    }
}
