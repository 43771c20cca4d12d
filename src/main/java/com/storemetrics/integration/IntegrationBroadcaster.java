package com.storemetrics.integration;

import com.storemetrics.base.live.KeyedSubscribers;
import com.storemetrics.base.live.Numbered;
import com.storemetrics.base.live.Subscribers;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands committed integration updates to the open views that asked for them, numbered: a
 * customer's views hear their own customer's changes and notices only; support views hear every
 * change; every view hears that a check happened. What this node committed arrives after commit;
 * what another node committed, through {@link CrossNodeIntegrationUpdates}. Subscribers are called
 * on the delivering thread and only queue (views subscribe through
 * {@link com.storemetrics.base.live.LiveUpdates}).
 */
@Component
public class IntegrationBroadcaster {

    private final KeyedSubscribers<Long, Numbered<IntegrationUpdate>> byCustomer = new KeyedSubscribers<>();
    private final Subscribers<Numbered<IntegrationUpdate>> everything = new Subscribers<>();

    public Registration registerForCustomer(long customerId, Consumer<? super Numbered<IntegrationUpdate>> subscriber) {
        return byCustomer.subscribe(customerId, subscriber);
    }

    public Registration registerForAll(Consumer<? super Numbered<IntegrationUpdate>> subscriber) {
        return everything.subscribe(subscriber);
    }

    /** How many views listen now; for tests and diagnostics. */
    public int listenerCount() {
        return everything.size() + byCustomer.size();
    }

    /** Committed changes: each customer hears their own rows; support hears them all. */
    void deliver(IntegrationsChanged changed) {
        changed.changes().stream()
                .map(IntegrationChange::customerId)
                .distinct()
                .forEach(customerId -> changed.forCustomer(customerId)
                        .ifPresent(theirs -> byCustomer.publish(customerId, Numbered.next(theirs))));
        everything.publish(Numbered.next(changed));
    }

    /** A committed check: every view hears it (one without live rows has nothing to update). */
    void deliver(IntegrationsChecked checked) {
        Numbered<IntegrationUpdate> update = Numbered.next(checked);
        byCustomer.publishToEveryKey(update);
        everything.publish(update);
    }

    /** Committed notices: their customer's views only. */
    void deliver(NoticesPosted posted) {
        byCustomer.publish(posted.customerId(), Numbered.next(posted));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(IntegrationsChanged changed) {
        deliver(changed);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(IntegrationsChecked checked) {
        deliver(checked);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(NoticesPosted posted) {
        deliver(posted);
    }
}
