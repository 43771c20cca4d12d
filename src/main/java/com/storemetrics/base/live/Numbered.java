package com.storemetrics.base.live;

import java.util.concurrent.atomic.AtomicLong;

/**
 * An update as a broadcaster published it, numbered in publishing order on this node. Broadcasters
 * number each update once, after the commit it reports, and hand the same number to every view:
 * a read made after applying update {@code n} therefore sees every commit numbered up to {@code n},
 * which is what lets views share reads ({@link LiveUpdates#sharedRead}).
 */
public record Numbered<M>(long number, M update) {

    private static final AtomicLong LAST = new AtomicLong();

    /** Numbers an update that is about to be published: after the commit it reports, never before. */
    public static <M> Numbered<M> next(M update) {
        return new Numbered<>(nextNumber(), update);
    }

    /** A number later than every one handed out so far (a reload is numbered like an update). */
    static long nextNumber() {
        return LAST.incrementAndGet();
    }
}
