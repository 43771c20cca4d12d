package com.storemetrics.rates;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the reference rates are checked: at start (db-scheduler runs a new recurring task at once) and
 * every {@code check-interval} after, by one node at a time; a check fetches only when a newer
 * working day is due, so after 16:00 Frankfurt time the day's rates come within one interval.
 */
@Configuration(proxyBeanMethods = false)
class RatesScheduler {

    static final String RECURRING_TASK = "reference-rates-check";

    @Bean
    RecurringTask<Void> referenceRatesCheckTask(RateImport rateImport, RatesProperties properties) {
        return Tasks.recurring(RECURRING_TASK, FixedDelay.of(properties.checkInterval()))
                .execute((instance, context) -> rateImport.check());
    }
}
