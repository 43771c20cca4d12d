package com.storemetrics.verification;

import com.storemetrics.base.live.CrossNodeSignals;
import com.storemetrics.base.live.Subscribers;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Tells open views (support's health panel) each time the verifier's health row was written, so
 * they show it live instead of polling. Called on the verifier's thread after the write committed;
 * the verifier runs on one node at a time, so the other nodes hear it through {@link CrossNodeSignals}.
 */
@Component
public class VerifierHealthUpdates {

    static final String TOPIC = "verifier-health";

    private final Subscribers<VerifierHealthRecorded> subscribers = new Subscribers<>();
    private final CrossNodeSignals signals;

    VerifierHealthUpdates(CrossNodeSignals signals) {
        this.signals = signals;
        signals.receive(
                TOPIC,
                body -> subscribers.publish(
                        new VerifierHealthRecorded(Instant.EPOCH.plus(Long.parseLong(body), ChronoUnit.MICROS))));
    }

    public Registration subscribe(Consumer<? super VerifierHealthRecorded> subscriber) {
        return subscribers.subscribe(subscriber);
    }

    void recorded(VerifierHealthRecorded event) {
        subscribers.publish(event);
        if (signals.spansNodes()) {
            signals.sendAfterCommit(TOPIC, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, event.recordedAt())));
        }
    }
}
