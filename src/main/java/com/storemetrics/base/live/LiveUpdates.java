package com.storemetrics.base.live;

import com.storemetrics.base.NodeLocalState;
import com.storemetrics.base.cluster.SignalsResumed;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * The one way a view follows live updates (the "Building Apps" pattern): it subscribes when
 * attached and unsubscribes when detached; a publisher's thread only queues; updates that arrive
 * close together are handed over as one batch, at most one push per {@link #MIN_GAP} per view
 * ({@link ViewDelivery}); the view applies each batch inside {@code UI.access}, where Vaadin's
 * security context strategy makes the session's own user the signed-in one; and if applying a batch
 * fails, the view reloads its data instead of leaving a screen that contradicts itself. A bean of
 * {@link LiveUpdatesConfiguration}.
 */
public class LiveUpdates implements NodeLocalState {

    /** At most four pushes a second per view, however fast updates arrive. */
    public static final Duration MIN_GAP = Duration.ofMillis(250);

    /** Where a view's updates come from: subscribing returns the registration that ends it. */
    @FunctionalInterface
    public interface Source<M> {
        Registration subscribe(Consumer<Numbered<M>> sink);
    }

    private final TaskScheduler deliveries;
    private final Duration minGap;
    private final SharedReads sharedReads;
    private final Set<ViewDelivery<?>> open = ConcurrentHashMap.newKeySet();

    LiveUpdates(TaskScheduler deliveries, SecurityContextHolderStrategy security, Duration minGap) {
        this.deliveries = deliveries;
        this.minGap = minGap;
        this.sharedReads = new SharedReads(security);
    }

    /**
     * Makes {@code view} follow {@code source} while it is attached: batches of updates go to
     * {@code apply} inside {@code UI.access}; when {@code apply} throws, {@code reload} runs instead
     * (it should re-read everything the view shows). Call it once, from the view's constructor.
     */
    public <M> void follow(Component view, Source<M> source, Consumer<List<M>> apply, Runnable reload) {
        AtomicReference<ViewDelivery<M>> current = new AtomicReference<>();
        view.addAttachListener(attach -> {
            ViewDelivery<M> delivery = new ViewDelivery<>(attach.getUI(), apply, reload, deliveries, minGap, open);
            replace(current, delivery);
            delivery.subscribed(source.subscribe(delivery::offer));
        });
        view.addDetachListener(detach -> replace(current, null));
    }

    private static <M> void replace(AtomicReference<ViewDelivery<M>> current, ViewDelivery<M> next) {
        ViewDelivery<M> previous = current.getAndSet(next);
        if (previous != null) {
            previous.close();
        }
    }

    /**
     * Every open view of this node reloads its data from the database (at its usual pace): for when
     * updates may have been lost, e.g. while the connection that hears other nodes was down.
     */
    public void reloadEverywhere() {
        open.forEach(ViewDelivery::reloadSoon);
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
    public <T> T sharedRead(Object query, Supplier<T> read) {
        return sharedReads.read(query, read);
    }

    /** How many views follow updates now; for tests and diagnostics. */
    public int openViews() {
        return open.size();
    }

    /** Forgets the shared reads (they are this node's memory only). */
    @Override
    public void clear() {
        sharedReads.clear();
    }
}
