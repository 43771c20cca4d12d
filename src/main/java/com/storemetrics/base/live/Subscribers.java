package com.storemetrics.base.live;

import com.vaadin.flow.shared.Registration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who listens to one kind of update: subscribe, unsubscribe, tell them all. Subscribers are called
 * on the publishing thread and must only queue work ({@link LiveUpdates} does); one that fails does
 * not keep the others from hearing.
 */
public final class Subscribers<M> {

    private static final Logger log = LoggerFactory.getLogger(Subscribers.class);

    private final Set<Consumer<? super M>> subscribers = new CopyOnWriteArraySet<>();

    public Registration subscribe(Consumer<? super M> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(M update) {
        for (Consumer<? super M> subscriber : subscribers) {
            try {
                subscriber.accept(update);
            } catch (RuntimeException failure) {
                log.warn("A subscriber failed to take an update", failure);
            }
        }
    }

    public boolean isEmpty() {
        return subscribers.isEmpty();
    }

    public int size() {
        return subscribers.size();
    }
}
