package com.storemetrics.attempts;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Forgotten counters are deleted every {@code prune-interval}, by one node at a time (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class AttemptPruning {

    static final String TASK = "attempt-counters-prune";

    @Bean
    RecurringTask<Void> attemptCountersPruneTask(AttemptCounters counters, AttemptProperties properties) {
        return Tasks.recurring(TASK, FixedDelay.of(properties.pruneInterval()))
                .execute((instance, context) -> counters.prune());
    }
}
