package com.storemetrics.integration;

import com.storemetrics.base.cluster.CrossNodeSignals;
import com.storemetrics.base.cluster.SignalReceived;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Integration updates across app nodes. Outgoing: inside the transaction that changed rows, posted
 * notices or recorded a check, the ids go out as a signal that leaves with the commit. Incoming:
 * the rows and notices are read again from the database, as they are now, and handed to this
 * node's {@link IntegrationBroadcaster} like local ones; a change's toast text is not sent, so a
 * view on another node shows the notice (stored, and signalled too) rather than a second toast.
 */
@Component
class CrossNodeIntegrationUpdates {

    static final String CHANGED = "integrations";
    static final String NOTICES = "notices";
    static final String CHECKED = "checked";

    private final CrossNodeSignals signals;
    private final IntegrationBroadcaster broadcaster;
    private final IntegrationRepository integrations;
    private final CustomerNoticeRepository notices;
    private final TransactionTemplate readOnly;
    /** This bean's key for the notice ids posted in the current transaction. */
    private final Object noticesPosted = new Object();

    CrossNodeIntegrationUpdates(
            CrossNodeSignals signals,
            IntegrationBroadcaster broadcaster,
            IntegrationRepository integrations,
            CustomerNoticeRepository notices,
            PlatformTransactionManager transactions) {
        this.signals = signals;
        this.broadcaster = broadcaster;
        this.integrations = integrations;
        this.notices = notices;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Another node committed something: read it here and deliver it like this node's own. */
    @EventListener
    void onSignal(SignalReceived signal) {
        switch (signal.topic()) {
            case CHANGED -> changedElsewhere(signal.body());
            case NOTICES -> noticedElsewhere(signal.body());
            case CHECKED -> checkedElsewhere(signal.body());
            default -> {
                // Another feature's signal.
            }
        }
    }

    @EventListener
    void onChanged(IntegrationsChanged event) {
        if (signals.spansNodes()) {
            send(
                    CHANGED,
                    event.changes().stream()
                            .map(change -> change.row().id())
                            .distinct()
                            .toList());
        }
    }

    /**
     * Notices go out as one signal per transaction, sent just before it commits: a removal for
     * everyone sharing an account posts a notice to each of hundreds of customers, and a signal each
     * would be hundreds of statements while the changed rows stay locked (docs/benchmarks.md).
     */
    @EventListener
    void onNoticed(NoticesPosted event) {
        if (!signals.spansNodes()) {
            return;
        }
        List<Long> ids = event.notices().stream().map(Notice::id).toList();
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            send(NOTICES, ids);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Long> posted = (List<Long>) TransactionSynchronizationManager.getResource(noticesPosted);
        if (posted == null) {
            List<Long> collected = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(noticesPosted, collected);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // Still inside the transaction: the signal leaves with the commit, or not at all.
                    send(NOTICES, collected);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(noticesPosted);
                }
            });
            posted = collected;
        }
        posted.addAll(ids);
    }

    @EventListener
    void onChecked(IntegrationsChecked event) {
        if (signals.spansNodes()) {
            signals.send(CHECKED, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, event.checkedAt())));
        }
    }

    private void send(String topic, Collection<Long> ids) {
        CrossNodeSignals.chunks(ids).forEach(body -> signals.send(topic, body));
    }

    private void changedElsewhere(String body) {
        List<Long> ids = CrossNodeSignals.ids(body);
        List<IntegrationChange> changes = readOnly.execute(status -> integrations.findAllById(ids).stream()
                .map(integration ->
                        new IntegrationChange(integration.getCustomerId(), IntegrationRow.of(integration), null))
                .toList());
        if (changes != null && !changes.isEmpty()) {
            broadcaster.deliver(new IntegrationsChanged(changes));
        }
    }

    private void noticedElsewhere(String body) {
        // The ids of one transaction's notices, of any customers; a node of the previous version
        // sends one customer's, after "customerId:". Each notice's customer is read with it.
        List<Long> ids = CrossNodeSignals.ids(body.substring(body.indexOf(':') + 1));
        Map<Long, List<Notice>> byCustomer = readOnly.execute(status -> notices.findAllById(ids).stream()
                .sorted(Comparator.comparing(CustomerNotice::getId))
                .collect(Collectors.groupingBy(
                        CustomerNotice::getCustomerId,
                        LinkedHashMap::new,
                        Collectors.mapping(CustomerNotice::view, Collectors.toList()))));
        if (byCustomer != null) {
            byCustomer.forEach((customerId, posted) -> broadcaster.deliver(new NoticesPosted(customerId, posted)));
        }
    }

    private void checkedElsewhere(String body) {
        broadcaster.deliver(new IntegrationsChecked(Instant.EPOCH.plus(Long.parseLong(body), ChronoUnit.MICROS)));
    }
}
