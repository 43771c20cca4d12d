package com.storemetrics.verification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.storemetrics.integration.CheckRequested;
import com.storemetrics.integration.IntegrationsConnected;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Asks for checks sooner than the recurring one. Execution times are wall-clock instants because
 * db-scheduler compares them with the database's notion of now.
 */
@Component
public class VerificationTriggers {

    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> soonTask;
    private final VerifierProperties properties;

    VerificationTriggers(
            @Lazy SchedulerClient scheduler, OneTimeTask<Void> membershipCheckSoonTask, VerifierProperties properties) {
        this.scheduler = scheduler;
        this.soonTask = membershipCheckSoonTask;
        this.properties = properties;
    }

    /**
     * A fresh Pending integration should be approved within seconds of its acceptance, whenever that
     * comes: the recurring check moves to the fast pace now ({@link VerifierPace} keeps it there while
     * the integration is young). Every Finish moves the same one execution, so concurrent customers
     * share each check; after the first, a Finish costs one read.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void onConnected(IntegrationsConnected connected) {
        Instant wanted = Instant.now().plus(properties.youngPendingInterval());
        if (!VerificationScheduler.bringForward(scheduler, wanted)) {
            // The recurring check is running: it may have set its next run before this row was committed.
            try {
                scheduler.scheduleIfNotExists(soonTask.instance(VerificationScheduler.CATCH_UP_INSTANCE), wanted);
            } catch (TaskInstanceException createdMeanwhile) {
                // Another Finish (or node) created the same catch-up check: one is coming either way.
            }
        }
    }

    /** A customer's "Check again": the same shared check as support's, one for everybody waiting. */
    @TransactionalEventListener(fallbackExecution = true)
    void onCheckRequested(CheckRequested requested) {
        recheckNow();
    }

    /** Schedules a check now; false when one is already waiting (pressing twice schedules one). */
    public boolean recheckNow() {
        try {
            return scheduler.scheduleIfNotExists(
                    soonTask.instance(VerificationScheduler.RECHECK_INSTANCE), Instant.now());
        } catch (TaskInstanceException createdMeanwhile) {
            // Another request (or node) created the same one-time check between db-scheduler's look and
            // its insert: a check is coming either way.
            return false;
        }
    }

    /**
     * When the recurring check runs next, if known. While it runs (its health is pushed from inside
     * the run) its stored time is the current run's; the next one follows an interval after it ends.
     */
    Optional<Instant> nextRun() {
        return scheduler.getScheduledExecutionsForTask(VerificationScheduler.RECURRING_TASK).stream()
                .map(execution ->
                        execution.isPicked() ? Instant.now().plus(properties.interval()) : execution.getExecutionTime())
                .min(Instant::compareTo);
    }
}
