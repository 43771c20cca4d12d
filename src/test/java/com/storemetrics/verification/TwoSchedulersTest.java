package com.storemetrics.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.storemetrics.SpringTest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two app nodes share one database: every scheduled check runs on exactly one of them. */
class TwoSchedulersTest extends SpringTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void each_check_runs_once_although_two_schedulers_poll_the_same_table() throws Exception {
        long cyclesBefore = cycles();
        AtomicInteger secondNodeRuns = new AtomicInteger();
        OneTimeTask<Void> sameTaskOnSecondNode = Tasks.oneTime(VerificationScheduler.SOON_TASK)
                .execute((instance, context) -> secondNodeRuns.incrementAndGet());
        Scheduler secondNode = Scheduler.create(dataSource, sameTaskOnSecondNode)
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("second-node"))
                .pollingInterval(Duration.ofMillis(200))
                .threads(2)
                .build();
        secondNode.start();
        int checks = 6;
        try {
            Instant now = Instant.now();
            for (int i = 0; i < checks; i++) {
                secondNode.schedule(sameTaskOnSecondNode.instance("two-nodes-" + i), now.plusMillis(300L * i));
            }
            await("every scheduled check has run on one of the two schedulers")
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> pendingChecks() == 0);
        } finally {
            secondNode.stop();
        }

        long firstNodeRuns = cycles() - cyclesBefore;
        assertThat(firstNodeRuns + secondNodeRuns.get()).isEqualTo(checks);
    }

    private long cycles() {
        return jdbc.queryForObject("SELECT cycles FROM verifier_health", Long.class);
    }

    private int pendingChecks() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE 'two-nodes-%'", Integer.class);
    }
}
