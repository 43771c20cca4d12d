package com.storemetrics.metrics;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.integration.IntegrationsChanged;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Listens to integration's public events after commit: when a row turns Approved (or leaves
 * Approved), a batch runs soon instead of at the next interval. Missing an event loses nothing:
 * every batch reconciles with the database first.
 */
@Component
class ImportTriggers {

    private static final Logger log = LoggerFactory.getLogger(ImportTriggers.class);

    private final ObjectProvider<SchedulerClient> scheduler;
    private final OneTimeTask<Void> soon;
    private final MetricsProperties properties;
    private final Clock clock;

    ImportTriggers(
            ObjectProvider<SchedulerClient> scheduler,
            OneTimeTask<Void> metricsImportSoonTask,
            MetricsProperties properties,
            Clock clock) {
        this.scheduler = scheduler;
        this.soon = metricsImportSoonTask;
        this.properties = properties;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onChanged(IntegrationsChanged event) {
        // Approved starts an account's import; a removal may end it (each batch reads who is approved).
        boolean approvalChanged = event.changes().stream()
                .anyMatch(change -> change.row().status() == IntegrationStatus.APPROVED
                        || change.row().status() == IntegrationStatus.REMOVED);
        if (!approvalChanged || !properties.startOnApproval()) {
            return;
        }
        try {
            scheduler.getObject().scheduleIfNotExists(soon.instance("approval"), clock.instant());
        } catch (RuntimeException failure) {
            log.warn(
                    "Could not schedule an early store-metrics import; the next interval runs it: {}",
                    failure.getMessage());
        }
    }
}
