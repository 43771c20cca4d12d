package com.storemetrics.verification;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When the verifier runs, through db-scheduler: one recurring check whose next run follows
 * {@link VerifierPace} (every few seconds while a young integration is Pending, the normal interval
 * otherwise), and one-time "soon" checks (support's or a customer's re-check, or a catch-up after a
 * Finish). db-scheduler keeps executions in the database, so each runs on one node only and none is
 * lost to a restart; there is one recurring execution however many customers wait.
 */
@Configuration(proxyBeanMethods = false)
class VerificationScheduler {

    static final String RECURRING_TASK = "membership-check";
    static final String SOON_TASK = "membership-check-soon";
    static final String RECHECK_INSTANCE = "recheck-now";
    /** A Finish while the recurring check was running: one check soon, shared by every such Finish. */
    static final String CATCH_UP_INSTANCE = "catch-up";

    private static final TaskInstanceId RECURRING = TaskInstanceId.of(RECURRING_TASK, RecurringTask.INSTANCE);

    @Bean
    RecurringTask<Void> membershipCheckTask(MembershipCheck check, VerifierPace pace) {
        return Tasks.recurring(RECURRING_TASK, pace).execute((instance, context) -> check.run("schedule"));
    }

    @Bean
    OneTimeTask<Void> membershipCheckSoonTask(MembershipCheck check, VerifierPace pace) {
        return Tasks.oneTime(SOON_TASK).execute((instance, context) -> {
            check.run(instance.getId());
            // The recurring check keeps the pace from here on (it may have planned a slower one before a Finish).
            bringForward(context.getSchedulerClient(), Instant.now().plus(pace.interval()));
        });
    }

    /**
     * Moves the recurring check's next run forward to {@code wanted}, unless it comes sooner anyway.
     * Returns false when it could not: the check is running right now (its next run is set when it
     * ends) or another node moved it meanwhile.
     */
    static boolean bringForward(SchedulerClient scheduler, Instant wanted) {
        Optional<ScheduledExecution<Object>> next = scheduler.getScheduledExecution(RECURRING);
        if (next.isEmpty() || next.get().isPicked()) {
            return false;
        }
        if (!next.get().getExecutionTime().isAfter(wanted)) {
            return true;
        }
        try {
            return scheduler.reschedule(RECURRING, wanted);
        } catch (RuntimeException pickedOrChangedMeanwhile) {
            return false;
        }
    }
}
