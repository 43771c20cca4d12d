package com.storemetrics.integration;

import com.storemetrics.base.cluster.CrossNodeSignals;
import com.storemetrics.base.cluster.SignalReceived;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
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
                    "",
                    event.changes().stream()
                            .map(change -> change.row().id())
                            .distinct()
                            .toList());
        }
    }

    @EventListener
    void onNoticed(NoticesPosted event) {
        if (signals.spansNodes()) {
            send(
                    NOTICES,
                    event.customerId() + ":",
                    event.notices().stream().map(Notice::id).toList());
        }
    }

    @EventListener
    void onChecked(IntegrationsChecked event) {
        if (signals.spansNodes()) {
            signals.send(CHECKED, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, event.checkedAt())));
        }
    }

    private void send(String topic, String prefix, Collection<Long> ids) {
        CrossNodeSignals.chunks(ids).forEach(body -> signals.send(topic, prefix + body));
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
        int colon = body.indexOf(':');
        long customerId = Long.parseLong(body.substring(0, colon));
        List<Long> ids = CrossNodeSignals.ids(body.substring(colon + 1));
        List<Notice> posted = readOnly.execute(status -> notices.findAllById(ids).stream()
                .filter(notice -> notice.getCustomerId() == customerId)
                .map(CustomerNotice::view)
                .toList());
        if (posted != null && !posted.isEmpty()) {
            broadcaster.deliver(new NoticesPosted(customerId, posted));
        }
    }

    private void checkedElsewhere(String body) {
        broadcaster.deliver(new IntegrationsChecked(Instant.EPOCH.plus(Long.parseLong(body), ChronoUnit.MICROS)));
    }
}
