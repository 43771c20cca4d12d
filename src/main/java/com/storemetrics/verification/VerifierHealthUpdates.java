package com.storemetrics.verification;

import com.storemetrics.base.live.Subscribers;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Tells open views (support's health panel) each time the verifier's health row was written, so
 * they show it live instead of polling. Called on the verifier's thread after the write committed.
 */
@Component
public class VerifierHealthUpdates {

    private final Subscribers<VerifierHealthRecorded> subscribers = new Subscribers<>();

    public Registration subscribe(Consumer<? super VerifierHealthRecorded> subscriber) {
        return subscribers.subscribe(subscriber);
    }

    void recorded(VerifierHealthRecorded event) {
        subscribers.publish(event);
    }
}
