package com.storemetrics.base.live;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * One attached view's subscription: its queue, its pace and its way into the UI. A publisher's
 * thread only queues; a delivery thread hands the batch over inside {@code UI.access}, at most once
 * per {@code minGap}; a batch the view cannot apply makes it reload instead.
 */
final class ViewDelivery<M> {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private final UI ui;
    private final Consumer<List<M>> apply;
    private final Runnable reload;
    private final TaskScheduler deliveries;
    private final Duration minGap;
    /** Every open delivery of this node, for {@link LiveUpdates#reloadEverywhere()}. */
    private final Set<ViewDelivery<?>> open;

    private final Queue<Numbered<M>> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean reloadRequested = new AtomicBoolean();
    /** Held from draining the queue until the batch is in the UI's queue (see {@link #deliver()}). */
    private final Object handOver = new Object();

    private volatile long lastDelivery = System.nanoTime() - Duration.ofDays(1).toNanos();
    /** When the first update of the coming delivery was queued (for the DEBUG line on its delivery). */
    private volatile long queuedSince;

    private volatile boolean closed;
    private volatile Registration registration;

    ViewDelivery(
            UI ui,
            Consumer<List<M>> apply,
            Runnable reload,
            TaskScheduler deliveries,
            Duration minGap,
            Set<ViewDelivery<?>> open) {
        this.ui = ui;
        this.apply = apply;
        this.reload = reload;
        this.deliveries = deliveries;
        this.minGap = minGap;
        this.open = open;
    }

    void subscribed(Registration registration) {
        this.registration = registration;
        open.add(this);
        if (closed) {
            open.remove(this);
            registration.remove();
        }
    }

    /** Called on the publisher's thread: queue, and make sure a delivery is coming. */
    void offer(Numbered<M> update) {
        if (closed) {
            return;
        }
        queued.add(update);
        schedule();
    }

    /** The next delivery reloads everything instead of applying what is queued. */
    void reloadSoon() {
        if (closed) {
            return;
        }
        reloadRequested.set(true);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            queuedSince = System.nanoTime();
            long wait = Math.max(0, lastDelivery + minGap.toNanos() - System.nanoTime());
            try {
                deliveries.schedule(this::deliver, Instant.now().plusNanos(wait));
            } catch (RejectedExecutionException shuttingDown) {
                close();
            }
        }
    }

    private void deliver() {
        // Read before clearing: once cleared, an update that arrives schedules its own delivery and restamps it.
        long since = queuedSince;
        // Cleared before draining: an update that arrives meanwhile schedules its own delivery.
        scheduled.set(false);
        lastDelivery = System.nanoTime();
        // One hand-over at a time: a later delivery on another thread, which drains later updates, must not
        // reach the UI's queue first. UI.access only tries the session's lock: holding this waits on no other view.
        synchronized (handOver) {
            boolean reloading = reloadRequested.getAndSet(false);
            List<Numbered<M>> batch = new ArrayList<>();
            for (Numbered<M> update; (update = queued.poll()) != null; ) {
                batch.add(update);
            }
            if (closed || (batch.isEmpty() && !reloading)) {
                return;
            }
            handOver(batch, reloading, since);
        }
    }

    private void handOver(List<Numbered<M>> batch, boolean reloading, long since) {
        try {
            // A reload reads everything the queued updates said, and more.
            Future<Void> applied = ui.access(() -> {
                if (reloading) {
                    reloadOrWarn();
                } else {
                    applyOrReload(batch);
                }
            });
            if (log.isDebugEnabled()) {
                // Server-side latency of a fan-out, apart from the browsers' (docs/benchmarks.md, "Stop 37").
                log.debug(
                        applied.isDone()
                                ? "Applied {} update(s) and pushed {} ms after the first was queued"
                                : "Queued {} update(s) behind the session's lock {} ms after the first was queued",
                        batch.size(),
                        (System.nanoTime() - since) / 1_000_000);
            }
        } catch (UIDetachedException gone) {
            close();
        }
    }

    private void applyOrReload(List<Numbered<M>> batch) {
        // Before applying: what the view reads while applying, or in the push after, may be shared.
        SharedReads.applied(ui, batch.stream().mapToLong(Numbered::number).max().orElseThrow());
        try {
            apply.accept(batch.stream().map(Numbered::update).toList());
        } catch (RuntimeException failure) {
            log.warn("A view could not apply {} live update(s); reloading its data instead", batch.size(), failure);
            reloadOrWarn();
        }
    }

    private void reloadOrWarn() {
        // Everything the view shows is read now: nothing read before may serve it.
        SharedReads.applied(ui, Numbered.nextNumber());
        try {
            reload.run();
        } catch (RuntimeException reloadFailure) {
            // E.g. the customer lost access to what the view shows: say so instead of a stack trace.
            log.warn("A view could not reload its data after a live update", reloadFailure);
            Notification.show(
                            "This page could not be brought up to date. Reload the page to see where things stand now.",
                            8000,
                            Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    void close() {
        closed = true;
        open.remove(this);
        queued.clear();
        Registration current = registration;
        if (current != null) {
            current.remove();
        }
    }
}
