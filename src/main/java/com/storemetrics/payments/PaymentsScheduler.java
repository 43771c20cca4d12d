package com.storemetrics.payments;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the Financial report import runs: a bounded batch every {@code import-interval}, through
 * db-scheduler, so one node runs each execution and a restart resumes from the stored state.
 */
@Configuration(proxyBeanMethods = false)
class PaymentsScheduler {

    static final String RECURRING_TASK = "payments-import";

    @Bean
    RecurringTask<Void> paymentsImportTask(PaymentsImporter importer, PaymentsProperties properties) {
        return Tasks.recurring(RECURRING_TASK, FixedDelay.of(properties.importInterval()))
                .execute((instance, context) -> importer.runBatch());
    }
}
