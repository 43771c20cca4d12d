package com.storemetrics.base.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.storemetrics.base.NodeLocalState;
import com.storemetrics.base.cluster.SignalsResumed;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The one way a view follows live updates (the "Building Apps" pattern): it subscribes when
 * attached and unsubscribes when detached; a publisher's thread only queues; updates that arrive
 * close together are handed over as one batch, at most one push per {@link #MIN_GAP} per view; the
 * view applies each batch inside {@code UI.access}, where Vaadin's security context strategy makes
 * the session's own user the signed-in one; and if applying a batch fails, the view reloads its
 * data instead of leaving a screen that contradicts itself.
 */
@org.springframework.stereotype.Component
public class LiveUpdates implements NodeLocalState {

    /** At most four pushes a second per view, however fast updates arrive. */
    public static final Duration MIN_GAP = Duration.ofMillis(250);

    /** How long a shared read serves other views; well beyond one push's fan-out. */
    static final Duration SHARED_READ_LIFETIME = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    /** Where a view's updates come from: subscribing returns the registration that ends it. */
    @FunctionalInterface
    public interface Source<M> {
        Registration subscribe(Consumer<Numbered<M>> sink);
    }

    /** The latest update number a UI applied (kept on the UI, changed under its session's lock). */
    private record Applied(long number) {}

    /** A read one user made for one query after applying update {@code applied}. */
    private record SharedReadKey(String user, Object query, long applied) {}

    private final TaskScheduler deliveries;
    private final SecurityContextHolderStrategy security;
    private final Duration minGap;
    private final Set<Delivery<?>> open = ConcurrentHashMap.newKeySet();
    private final Cache<SharedReadKey, Object> sharedReads = Caffeine.newBuilder()
            .expireAfterWrite(SHARED_READ_LIFETIME)
            .maximumSize(10_000)
            .build();

    @Autowired
    LiveUpdates(
            @Qualifier(LiveUpdatesConfiguration.SCHEDULER) TaskScheduler deliveries,
            SecurityContextHolderStrategy security) {
        this(deliveries, security, MIN_GAP);
    }

    LiveUpdates(TaskScheduler deliveries, SecurityContextHolderStrategy security, Duration minGap) {
        this.deliveries = deliveries;
        this.security = security;
        this.minGap = minGap;
    }

    /**
     * Makes {@code view} follow {@code source} while it is attached: batches of updates go to
     * {@code apply} inside {@code UI.access}; when {@code apply} throws, {@code reload} runs instead
     * (it should re-read everything the view shows). Call it once, from the view's constructor.
     */
    public <M> void follow(Component view, Source<M> source, Consumer<List<M>> apply, Runnable reload) {
        AtomicReference<Delivery<M>> current = new AtomicReference<>();
        view.addAttachListener(attach -> {
            Delivery<M> delivery = new Delivery<>(attach.getUI(), apply, reload);
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

    @EventListener(SignalsResumed.class)
    void otherNodesHeardAgain() {
        reloadEverywhere();
    }

    /**
     * Reads {@code query} for the current view, or, in a push, uses the result of the same read that
     * another view of the same signed-in user made after applying the same latest update. Valid by
     * construction: that read began after update {@code n} was applied, so it sees every commit
     * numbered up to {@code n}, which is everything this view applied (see {@link Numbered}). What
     * a view reads for its user's own request (opening, scrolling, after their own change) it reads
     * itself, and it takes a new number, as a reload does: nothing read before it serves after it.
     * Call it from a live view's lazy fetch and count, with a {@code query} that says everything the
     * read depends on (filter, sort, offset, limit).
     */
    @SuppressWarnings("unchecked")
    public <T> T sharedRead(Object query, Supplier<T> read) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return read.get();
        }
        if (VaadinRequest.getCurrent() != null) {
            applied(ui, Numbered.nextNumber());
            return read.get();
        }
        Applied applied = ComponentUtil.getData(ui, Applied.class);
        Authentication user = security.getContext().getAuthentication();
        if (applied == null || user == null || user.getName() == null) {
            return read.get();
        }
        return (T) sharedReads.get(new SharedReadKey(user.getName(), query, applied.number()), key -> read.get());
    }

    /** How many views follow updates now; for tests and diagnostics. */
    public int openViews() {
        return open.size();
    }

    /** Forgets the shared reads (they are this node's memory only). */
    @Override
    public void clear() {
        sharedReads.invalidateAll();
    }

    /** Records that {@code ui} applied update {@code number} (the number only grows); under the session's lock. */
    private static void applied(UI ui, long number) {
        Applied before = ComponentUtil.getData(ui, Applied.class);
        if (before == null || before.number() < number) {
            ComponentUtil.setData(ui, Applied.class, new Applied(number));
        }
    }

    /** One attached view's subscription: its queue, its pace and its way into the UI. */
    private final class Delivery<M> {

        private final UI ui;
        private final Consumer<List<M>> apply;
        private final Runnable reload;
        private final Queue<Numbered<M>> queued = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private final AtomicBoolean reloadRequested = new AtomicBoolean();
        private volatile long lastDelivery =
                System.nanoTime() - Duration.ofDays(1).toNanos();
        private volatile boolean closed;
        private volatile Registration registration;

        Delivery(UI ui, Consumer<List<M>> apply, Runnable reload) {
            this.ui = ui;
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
                long wait = Math.max(0, lastDelivery + minGap.toNanos() - System.nanoTime());
                try {
                    deliveries.schedule(this::deliver, Instant.now().plusNanos(wait));
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
            List<Numbered<M>> batch = new ArrayList<>();
            for (Numbered<M> update; (update = queued.poll()) != null; ) {
                batch.add(update);
            }
            if (closed || (batch.isEmpty() && !reloading)) {
                return;
            }
            try {
                // A reload reads everything the queued updates said, and more.
                ui.access(() -> {
                    if (reloading) {
                        reloadOrWarn();
                    } else {
                        applyOrReload(batch);
                    }
                });
            } catch (UIDetachedException gone) {
                close();
            }
        }

        private void applyOrReload(List<Numbered<M>> batch) {
            // Before applying: what the view reads while applying, or in the push after, may be shared.
            applied(ui, batch.stream().mapToLong(Numbered::number).max().orElseThrow());
            try {
                apply.accept(batch.stream().map(Numbered::update).toList());
            } catch (RuntimeException failure) {
                log.warn("A view could not apply {} live update(s); reloading its data instead", batch.size(), failure);
                reloadOrWarn();
            }
        }

        private void reloadOrWarn() {
            // Everything the view shows is read now: nothing read before may serve it.
            applied(ui, Numbered.nextNumber());
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
}
