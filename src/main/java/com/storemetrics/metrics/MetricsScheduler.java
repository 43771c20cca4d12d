package com.storemetrics.metrics;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the importer runs, through db-scheduler: a bounded batch every {@code import-interval}
 * (its first run after a start-up is the reconciliation from the database), and a batch "soon"
 * after an integration turns Approved; the "data stalled" check every {@code stall.check-interval}. Executions live in the database: one node runs each, and a
 * restart resumes from the stored state.
 */
@Configuration(proxyBeanMethods = false)
class MetricsScheduler {

    static final String RECURRING_TASK = "metrics-import";
    static final String SOON_TASK = "metrics-import-soon";

    @Bean
    RecurringTask<Void> metricsImportTask(ReportImporter importer, MetricsProperties properties) {
        return Tasks.recurring(RECURRING_TASK, FixedDelay.of(properties.importInterval()))
                .execute((instance, context) -> importer.runBatch());
    }

    static final String STALL_CHECK_TASK = "metrics-stall-check";

    @Bean
    RecurringTask<Void> metricsStallCheckTask(DataStallCheck check, StallProperties properties) {
        return Tasks.recurring(STALL_CHECK_TASK, FixedDelay.of(properties.checkInterval()))
                .execute((instance, context) -> check.check());
    }

    @Bean
    OneTimeTask<Void> metricsImportSoonTask(ReportImporter importer) {
        return Tasks.oneTime(SOON_TASK).execute((instance, context) -> importer.runBatch());
    }
}
