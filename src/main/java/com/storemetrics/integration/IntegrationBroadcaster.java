package com.storemetrics.integration;

import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands committed integration changes to the open views that asked for them: a customer's views
 * get their own customer's changes only; support views get everything. Listeners run on the thread
 * that committed, so they must only queue work for their UI ({@code UI.access}).
 */
@Component
public class IntegrationBroadcaster {

    private static final Logger log = LoggerFactory.getLogger(IntegrationBroadcaster.class);

    /** What a view receives: the changed rows, and when the verifier last looked at its rows. */
    public interface Listener {
        void changed(List<IntegrationChange> changes);

        void checked(java.time.Instant checkedAt);

        /** Stored notices for this customer; support views need not care. */
        default void noticed(List<Notice> notices) {
        }
    }

    private final Map<Long, Set<Listener>> byCustomer = new ConcurrentHashMap<>();
    private final Set<Listener> everything = new CopyOnWriteArraySet<>();

    public Registration registerForCustomer(long customerId, Listener listener) {
        byCustomer.computeIfAbsent(customerId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> byCustomer.computeIfPresent(customerId, (id, listeners) -> {
            listeners.remove(listener);
            return listeners.isEmpty() ? null : listeners;
        });
    }

    public Registration registerForAll(Listener listener) {
        everything.add(listener);
        return () -> everything.remove(listener);
    }

    /** How many views listen now; for tests and diagnostics. */
    public int listenerCount() {
        return everything.size() + byCustomer.values().stream().mapToInt(Set::size).sum();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onChanged(IntegrationsChanged event) {
        Map<Long, List<IntegrationChange>> perCustomer = new java.util.HashMap<>();
        event.changes().forEach(change -> perCustomer.computeIfAbsent(change.customerId(), id -> new java.util.ArrayList<>())
                .add(change));
        perCustomer.forEach((customerId, changes) ->
                byCustomer.getOrDefault(customerId, Set.of()).forEach(listener -> deliver(() -> listener.changed(changes))));
        everything.forEach(listener -> deliver(() -> listener.changed(event.changes())));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onChecked(IntegrationsChecked event) {
        byCustomer.values().forEach(listeners -> listeners
                .forEach(listener -> deliver(() -> listener.checked(event.checkedAt()))));
        everything.forEach(listener -> deliver(() -> listener.checked(event.checkedAt())));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onNoticed(NoticesPosted event) {
        byCustomer.getOrDefault(event.customerId(), Set.of())
                .forEach(listener -> deliver(() -> listener.noticed(event.notices())));
    }

    private static void deliver(Runnable delivery) {
        try {
            delivery.run();
        } catch (RuntimeException failure) {
            // One broken view must not stop the others from hearing about the change.
            log.warn("A view failed to take an integration update", failure);
        }
    }
}
