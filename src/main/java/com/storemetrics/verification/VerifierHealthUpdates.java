package com.storemetrics.verification;

import com.storemetrics.base.cluster.CrossNodeSignals;
import com.storemetrics.base.cluster.SignalReceived;
import com.storemetrics.base.live.Numbered;
import com.storemetrics.base.live.Subscribers;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells open views (support's health panel) each time the verifier's health row was written, so
 * they show it live instead of polling. Called on the verifier's thread after the write committed;
 * the verifier runs on one node at a time, so the other nodes hear it through {@link CrossNodeSignals}.
 */
@Component
public class VerifierHealthUpdates {

    static final String TOPIC = "verifier-health";

    private final Subscribers<Numbered<VerifierHealthRecorded>> subscribers = new Subscribers<>();
    private final CrossNodeSignals signals;

    VerifierHealthUpdates(CrossNodeSignals signals) {
        this.signals = signals;
    }

    public Registration subscribe(Consumer<? super Numbered<VerifierHealthRecorded>> subscriber) {
        return subscribers.subscribe(subscriber);
    }

    void recorded(VerifierHealthRecorded event) {
        deliver(event);
        if (signals.spansNodes()) {
            signals.sendAfterCommit(TOPIC, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, event.recordedAt())));
        }
    }

    @EventListener
    void onSignal(SignalReceived signal) {
        if (signal.is(TOPIC)) {
            deliver(new VerifierHealthRecorded(Instant.EPOCH.plus(Long.parseLong(signal.body()), ChronoUnit.MICROS)));
        }
    }

    private void deliver(VerifierHealthRecorded event) {
        subscribers.publish(Numbered.next(event));
    }
}
