package com.storemetrics.metrics;

import com.storemetrics.base.live.CrossNodeSignals;
import com.storemetrics.base.live.Subscribers;
import com.vaadin.flow.shared.Registration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Hands "days were imported" to the open Store Metrics views of that account. Called by the
 * importer after its transaction committed, on the importer's thread: subscribers only queue
 * (views subscribe through {@link com.storemetrics.base.live.LiveUpdates}). The importer runs on one
 * node at a time: the other nodes hear the account id through {@link CrossNodeSignals}.
 */
@Component
public class MetricsBroadcaster {

    static final String TOPIC = "metrics";

    private final Map<Long, Subscribers<MetricsImported>> byAccount = new ConcurrentHashMap<>();
    private final CrossNodeSignals signals;

    MetricsBroadcaster(CrossNodeSignals signals) {
        this.signals = signals;
        signals.receive(TOPIC, body -> CrossNodeSignals.ids(body).forEach(this::publish));
    }

    public Registration registerForAccount(long accountId, Consumer<? super MetricsImported> subscriber) {
        Registration[] registration = new Registration[1];
        byAccount.compute(accountId, (id, subscribers) -> {
            Subscribers<MetricsImported> joined = subscribers == null ? new Subscribers<>() : subscribers;
            registration[0] = joined.subscribe(subscriber);
            return joined;
        });
        return () -> byAccount.computeIfPresent(accountId, (id, subscribers) -> {
            registration[0].remove();
            return subscribers.isEmpty() ? null : subscribers;
        });
    }

    void imported(long accountId) {
        publish(accountId);
        if (signals.spansNodes()) {
            signals.sendAfterCommit(TOPIC, Long.toString(accountId));
        }
    }

    private void publish(long accountId) {
        Subscribers<MetricsImported> subscribers = byAccount.get(accountId);
        if (subscribers != null) {
            subscribers.publish(new MetricsImported(accountId));
        }
    }

    /** How many views listen now; for tests and diagnostics. */
    public int listenerCount() {
        return byAccount.values().stream().mapToInt(Subscribers::size).sum();
    }
}
