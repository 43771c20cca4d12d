package com.storemetrics.verification;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the verifier runs, through db-scheduler: a recurring check every {@code interval}, and
 * one-time "soon" checks (a burst after a customer finishes the funnel, or support's re-check).
 * db-scheduler keeps executions in the database, so each runs on one node only and none is lost
 * to a restart.
 */
@Configuration(proxyBeanMethods = false)
class VerificationScheduler {

    static final String RECURRING_TASK = "membership-check";
    static final String SOON_TASK = "membership-check-soon";
    static final String RECHECK_INSTANCE = "recheck-now";

    @Bean
    RecurringTask<Void> membershipCheckTask(MembershipCheck check, VerifierProperties properties) {
        return Tasks.recurring(RECURRING_TASK, FixedDelay.of(properties.interval()))
                .execute((instance, context) -> check.run("schedule"));
    }

    @Bean
    OneTimeTask<Void> membershipCheckSoonTask(MembershipCheck check) {
        return Tasks.oneTime(SOON_TASK).execute((instance, context) -> check.run(instance.getId()));
    }
}
