package com.storemetrics.base.live;

import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Who listens to updates about one key (a customer, an account): subscribe, unsubscribe, tell the
 * key's listeners, or every key's. Subscribers are called on the publishing thread and only queue
 * (views subscribe through {@link LiveUpdates}).
 */
public final class KeyedSubscribers<K, M> {

    private final Map<K, Subscribers<M>> byKey = new ConcurrentHashMap<>();

    public Registration subscribe(K key, Consumer<? super M> subscriber) {
        // Joining and leaving happen inside the map's atomic compute, so an emptied set is never
        // dropped while another view of the same key joins it.
        Registration[] registration = new Registration[1];
        byKey.compute(key, (ignored, subscribers) -> {
            Subscribers<M> joined = subscribers == null ? new Subscribers<>() : subscribers;
            registration[0] = joined.subscribe(subscriber);
            return joined;
        });
        return () -> byKey.computeIfPresent(key, (ignored, subscribers) -> {
            registration[0].remove();
            return subscribers.isEmpty() ? null : subscribers;
        });
    }

    public void publish(K key, M update) {
        Subscribers<M> subscribers = byKey.get(key);
        if (subscribers != null) {
            subscribers.publish(update);
        }
    }

    public void publishToEveryKey(M update) {
        byKey.values().forEach(subscribers -> subscribers.publish(update));
    }

    /** How many subscribers there are now, over every key; for tests and diagnostics. */
    public int size() {
        return byKey.values().stream().mapToInt(Subscribers::size).sum();
    }
}
