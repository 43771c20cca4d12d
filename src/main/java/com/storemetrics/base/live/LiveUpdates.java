package com.storemetrics.base.live;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The one way a view follows live updates (the "Building Apps" pattern): it subscribes when
 * attached and unsubscribes when detached; a publisher's thread only queues; updates that arrive
 * close together are handed over as one batch, at most one push per {@link #MIN_GAP} per view;
 * the view applies each batch inside {@code UI.access}, as the session's signed-in user (see
 * {@link SessionUser} for the rule); and if applying a batch fails, the view reloads its data
 * instead of leaving a screen that contradicts itself.
 */
@org.springframework.stereotype.Component
public class LiveUpdates implements DisposableBean {

    /** At most four pushes a second per view, however fast updates arrive. */
    public static final Duration MIN_GAP = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    /** Where a view's updates come from: subscribing returns the registration that ends it. */
    @FunctionalInterface
    public interface Source<M> {
        Registration subscribe(Consumer<M> sink);
    }

    private final ScheduledExecutorService deliveries;
    private final Duration minGap;
    private final FanOutReads fanOutReads = new FanOutReads(System::nanoTime);
    private final java.util.Set<Delivery<?>> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public LiveUpdates() {
        this(MIN_GAP);
    }

    LiveUpdates(Duration minGap) {
        this.minGap = minGap;
        AtomicInteger threads = new AtomicInteger();
        // One delivery thread per core, at least two: applying a change to many open views is CPU
        // work (docs/benchmarks.md section 6), and a bigger machine should spread it further.
        int deliveryThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(deliveryThreads, runnable -> {
            Thread thread = new Thread(runnable, "live-updates-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.deliveries = executor;
    }

    /**
     * Makes {@code view} follow {@code source} while it is attached: batches of updates go to
     * {@code apply} inside {@code UI.access}, run as {@code user}; when {@code apply} throws,
     * {@code reload} runs instead (it should re-read everything the view shows). Call it once, from
     * the view's constructor.
     */
    public <M> void follow(
            Component view, SessionUser user, Source<M> source, Consumer<List<M>> apply, Runnable reload) {
        AtomicReference<Delivery<M>> current = new AtomicReference<>();
        view.addAttachListener(attach -> {
            Delivery<M> delivery = new Delivery<>(attach.getUI(), user, apply, reload);
            replace(current, delivery);
            delivery.subscribed(source.subscribe(delivery::offer));
        });
        view.addDetachListener(detach -> replace(current, null));
    }

    private static <M> void replace(AtomicReference<Delivery<M>> current, Delivery<M> next) {
        Delivery<M> previous = current.getAndSet(next);
        if (previous != null) {
            previous.close();
        }
    }

    /**
     * Every open view of this node reloads its data from the database (at its usual pace): for when
     * updates may have been lost, e.g. while the connection that hears other nodes was down.
     */
    public void reloadEverywhere() {
        open.forEach(Delivery::reloadSoon);
    }

    /**
     * Reads {@code what} for the current view, sharing the result with the other open views of the
     * same user that apply the same pushed update: call it from a live view's lazy fetch and
     * count, with a key that says everything the read depends on (filter, sort, offset, limit).
     * Outside a push after an applied update it simply reads. See {@link FanOutReads}.
     */
    public <T> T sharedRead(Object what, java.util.function.Supplier<T> read) {
        return fanOutReads.read(what, read);
    }

    /** How many views follow updates now; for tests and diagnostics. */
    public int openViews() {
        return open.size();
    }

    @Override
    public void destroy() {
        deliveries.shutdownNow();
    }

    /** An update in a view's queue, with when it was offered (after its commit). */
    private record Offered<M>(M update, long at) {}

    /** One attached view's subscription: its queue, its pace and its way into the UI. */
    private final class Delivery<M> {

        private final UI ui;
        private final SessionUser user;
        private final Consumer<List<M>> apply;
        private final Runnable reload;
        private final Queue<Offered<M>> queued = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean reloadRequested = new AtomicBoolean();
        private volatile long lastDelivery =
                System.nanoTime() - Duration.ofDays(1).toNanos();
        /** When the latest update this view applied was offered; from attaching on (guarded by the session's lock). */
        private long appliedUpTo = System.nanoTime();

        private volatile boolean closed;
        private volatile Registration registration;

        Delivery(UI ui, SessionUser user, Consumer<List<M>> apply, Runnable reload) {
            this.ui = ui;
            this.user = user;
            this.apply = apply;
            this.reload = reload;
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
        void offer(M update) {
            if (closed) {
                return;
            }
            queued.add(new Offered<>(update, System.nanoTime()));
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
                long wait = Math.max(0, lastDelivery + minGap.toNanos() - System.nanoTime());
                try {
                    deliveries.schedule(this::deliver, wait, TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException shuttingDown) {
                    close();
                }
            }
        }

        private void deliver() {
            // Cleared before draining: an update that arrives meanwhile schedules its own delivery.
            scheduled.set(false);
            lastDelivery = System.nanoTime();
            boolean reloading = reloadRequested.getAndSet(false);
            List<Offered<M>> batch = new ArrayList<>();
            for (Offered<M> offered; (offered = queued.poll()) != null; ) {
                batch.add(offered);
            }
            if (closed || (batch.isEmpty() && !reloading)) {
                return;
            }
            try {
                // The user is set around access() too: when the lock is free, this thread also
                // flushes the UI afterwards, and grids fetch their pages during that flush. A reload
                // reads everything the queued updates said, and more.
                // On this thread the push's reads may be shared with other views (FanOutReads).
                FanOutReads.delivering(() -> user.run(() -> ui.access(() -> user.run(() -> {
                    if (reloading) {
                        reloadOrWarn();
                    } else {
                        applyOrReload(batch);
                    }
                }))));
            } catch (UIDetachedException gone) {
                close();
            }
        }

        private void applyOrReload(List<Offered<M>> batch) {
            try {
                // Before applying: what the view reads while applying (or in the push after) may be shared.
                sharedReadsFor(batch);
                apply.accept(batch.stream().map(Offered::update).toList());
            } catch (RuntimeException failure) {
                log.warn("A view could not apply {} live update(s); reloading its data instead", batch.size(), failure);
                reloadOrWarn();
            }
        }

        /**
         * Tells {@link FanOutReads} what this view applies (under the session's lock, so batches that
         * two threads delivered are counted in the order they were applied): the batch's last update,
         * and when the latest of the other updates this view ever applied was offered to it.
         */
        private void sharedReadsFor(List<Offered<M>> batch) {
            Offered<M> last = batch.get(batch.size() - 1);
            long othersOffered = batch.size() > 1
                    ? Math.max(appliedUpTo, batch.get(batch.size() - 2).at())
                    : appliedUpTo;
            appliedUpTo = Math.max(appliedUpTo, last.at());
            FanOutReads.applied(ui, last.update(), othersOffered);
        }

        private void reloadOrWarn() {
            FanOutReads.reloaded(ui);
            // Everything the view shows is read now: a shared read must be newer than this.
            appliedUpTo = System.nanoTime();
            try {
                reload.run();
            } catch (RuntimeException reloadFailure) {
                // E.g. the customer lost access to what the view shows: say so instead of a stack trace.
                log.warn("A view could not reload its data after a live update", reloadFailure);
                com.vaadin.flow.component.notification.Notification.show(
                                "This page could not be brought up "
                                        + "to date. Reload the page to see where things stand now.",
                                8000,
                                com.vaadin.flow.component.notification.Notification.Position.MIDDLE)
                        .addThemeVariants(com.vaadin.flow.component.notification.NotificationVariant.LUMO_WARNING);
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
}
