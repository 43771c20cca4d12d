package com.storemetrics;

import com.storemetrics.verification.MembershipCheck;
import java.time.Duration;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties the feature tables between tests. Background work commits from other threads, so there
 * is no rollback to rely on: pending early checks are cancelled and a running cycle is waited for
 * before the rows go.
 */
public final class TestData {

    private TestData() {}

    public static void deleteIntegrations(ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        // Picked executions finish and remove themselves; deleting them under db-scheduler's feet logs errors.
        jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = 'membership-check-soon' AND picked = FALSE");
        try {
            context.getBean(MembershipCheck.class).awaitIdle(Duration.ofSeconds(30));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        jdbc.update("DELETE FROM customer_notice");
        jdbc.update("DELETE FROM integration_event");
        jdbc.update("DELETE FROM integration");
        jdbc.update("DELETE FROM store_app");
        jdbc.update("DELETE FROM store_account_vendor");
        jdbc.update("DELETE FROM store_account");
        jdbc.update("UPDATE integration_check SET checked_at = NULL");
        // Nobody waits any more: the recurring check goes back to its (test profile) interval.
        jdbc.update(
                "UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = 'membership-check' AND picked = FALSE",
                java.sql.Timestamp.from(java.time.Instant.now().plus(Duration.ofHours(1))));
        jdbc.update("UPDATE verifier_health SET cycles = 0, last_run_at = NULL, last_success_at = NULL,"
                + " last_failure_at = NULL, last_failure_kind = NULL, last_failure_message = NULL,"
                + " consecutive_failures = 0, backoff_until = NULL, last_outcome = NULL");
    }
}
