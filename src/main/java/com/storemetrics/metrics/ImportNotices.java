package com.storemetrics.metrics;

import com.storemetrics.base.NodeLocalState;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Tells open views that an account's days were imported, at most about once a second per account:
 * during a back-fill a day is stored every few tens of milliseconds, and each notice makes every
 * open view of the account read its figures again. What is held back is told at the end of the
 * batch, so the last day of a batch always arrives. Called on the importer's thread after each
 * day's transaction committed.
 */
@Component
class ImportNotices implements NodeLocalState {

    static final Duration GAP = Duration.ofSeconds(1);

    private final LongConsumer tell;
    private final Clock clock;
    private final Map<Long, Long> lastToldMillis = new ConcurrentHashMap<>();
    private final Set<Long> heldBack = ConcurrentHashMap.newKeySet();

    @Autowired
    ImportNotices(MetricsBroadcaster broadcaster, Clock clock) {
        this(broadcaster::imported, clock);
    }

    ImportNotices(LongConsumer tell, Clock clock) {
        this.tell = tell;
        this.clock = clock;
    }

    /** A day of the account was stored (or its import started or stopped): tell now, or at the batch's end. */
    void imported(long accountId) {
        long now = clock.millis();
        Long last = lastToldMillis.get(accountId);
        if (last == null || now - last >= GAP.toMillis() || now < last) {
            tell(accountId, now);
        } else {
            heldBack.add(accountId);
        }
    }

    /** The batch ends: what was held back is told now. */
    void batchEnded() {
        long now = clock.millis();
        for (Long accountId : new LinkedHashSet<>(heldBack)) {
            tell(accountId, now);
        }
    }

    private void tell(long accountId, long now) {
        heldBack.remove(accountId);
        lastToldMillis.put(accountId, now);
        tell.accept(accountId);
    }

    @Override
    public void clear() {
        lastToldMillis.clear();
        heldBack.clear();
    }
}
