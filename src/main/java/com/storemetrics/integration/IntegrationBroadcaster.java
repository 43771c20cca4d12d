package com.storemetrics.integration;

import com.storemetrics.base.live.Subscribers;
import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands committed integration updates to the open views that asked for them: a customer's views
 * hear their own customer's changes and notices only; support views hear every change; every view
 * hears that a check happened. Subscribers are called on the committing thread and only queue
 * (views subscribe through {@link com.storemetrics.base.live.LiveUpdates}).
 */
@Component
public class IntegrationBroadcaster {

    private final Map<Long, Subscribers<IntegrationUpdate>> byCustomer = new ConcurrentHashMap<>();
    private final Subscribers<IntegrationUpdate> everything = new Subscribers<>();

    public Registration registerForCustomer(long customerId, Consumer<? super IntegrationUpdate> subscriber) {
        // Subscribing and unsubscribing happen inside the map's atomic compute, so an emptied set is
        // never dropped while another view of the same customer joins it.
        Registration[] registration = new Registration[1];
        byCustomer.compute(customerId, (id, subscribers) -> {
            Subscribers<IntegrationUpdate> joined = subscribers == null ? new Subscribers<>() : subscribers;
            registration[0] = joined.subscribe(subscriber);
            return joined;
        });
        return () -> byCustomer.computeIfPresent(customerId, (id, subscribers) -> {
            registration[0].remove();
            return subscribers.isEmpty() ? null : subscribers;
        });
    }

    public Registration registerForAll(Consumer<? super IntegrationUpdate> subscriber) {
        return everything.subscribe(subscriber);
    }

    /** How many views listen now; for tests and diagnostics. */
    public int listenerCount() {
        return everything.size()
                + byCustomer.values().stream().mapToInt(Subscribers::size).sum();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onChanged(IntegrationsChanged event) {
        event.changes().stream()
                .map(IntegrationChange::customerId)
                .distinct()
                .forEach(customerId ->
                        event.forCustomer(customerId).ifPresent(theirs -> toCustomer(customerId, theirs)));
        everything.publish(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onChecked(IntegrationsChecked event) {
        byCustomer.values().forEach(subscribers -> subscribers.publish(event));
        everything.publish(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onNoticed(NoticesPosted event) {
        toCustomer(event.customerId(), event);
    }

    private void toCustomer(long customerId, IntegrationUpdate update) {
        Subscribers<IntegrationUpdate> subscribers = byCustomer.get(customerId);
        if (subscribers != null) {
            subscribers.publish(update);
        }
    }
}
