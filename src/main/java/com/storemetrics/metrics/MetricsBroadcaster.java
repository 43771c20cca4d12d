package com.storemetrics.metrics;

import com.storemetrics.base.cluster.CrossNodeSignals;
import com.storemetrics.base.cluster.SignalReceived;
import com.storemetrics.base.live.KeyedSubscribers;
import com.storemetrics.base.live.Numbered;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands "days were imported" to the open Store Metrics views of that account, numbered. The
 * importer calls {@link #imported} after its transaction committed, on its own thread; it runs on
 * one node at a time, so the other nodes hear the account id through {@link CrossNodeSignals}.
 * Subscribers only queue (views subscribe through {@link com.storemetrics.base.live.LiveUpdates}).
 */
@Component
public class MetricsBroadcaster {

    static final String TOPIC = "metrics";

    private final KeyedSubscribers<Long, Numbered<MetricsImported>> byAccount = new KeyedSubscribers<>();
    private final CrossNodeSignals signals;

    MetricsBroadcaster(CrossNodeSignals signals) {
        this.signals = signals;
    }

    public Registration registerForAccount(long accountId, Consumer<? super Numbered<MetricsImported>> subscriber) {
        return byAccount.subscribe(accountId, subscriber);
    }

    /** How many views listen now; for tests and diagnostics. */
    public int listenerCount() {
        return byAccount.size();
    }

    /** The importer committed days of this account: this node's views hear it, and the other nodes'. */
    void imported(long accountId) {
        deliver(accountId);
        if (signals.spansNodes()) {
            signals.sendAfterCommit(TOPIC, Long.toString(accountId));
        }
    }

    @EventListener
    void onSignal(SignalReceived signal) {
        if (signal.is(TOPIC)) {
            CrossNodeSignals.ids(signal.body()).forEach(this::deliver);
        }
    }

    private void deliver(long accountId) {
        byAccount.publish(accountId, Numbered.next(new MetricsImported(accountId)));
    }
}
