package com.storemetrics.metrics;

import com.storemetrics.appstore.AppleFailure;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a failed day means for the import, whatever the report (docs/metrics.md, "Failures"): the day
 * is recorded as failed and retried with doubling back-off (a day stored earlier keeps its figures);
 * Apple's 429 pauses every node's importer for its {@code Retry-After}; a refused service token
 * pauses it with back-off; 403 for the account's agreements (or from an account our user left) makes
 * that account wait with back-off. A 403 for lack of a role is no failure: {@link SalesRoleRefusals}
 * records it and the account waits for the next check. Nothing is stored for a failed day.
 */
@Component
class ImportFailures {

    /** What the batch does after a day failed. */
    enum Verdict {
        /** The day went fine. */
        NONE,
        /** Go on with the other days. */
        CONTINUE,
        /** Skip the account's other days in this batch. */
        SKIP_ACCOUNT,
        /**
         * Apple refuses the account's reports for lack of a role: recorded, not a failure; the
         * account's other days wait for the next check ({@link SalesRoleRefusals}).
         */
        ROLE_REFUSED,
        /** Stop the batch: Apple refuses every request now. */
        STOP_BATCH
    }

    private static final Logger log = LoggerFactory.getLogger(ImportFailures.class);

    private final ImportLedger ledger;
    private final DayLedger days;
    private final ImportPacing pacing;
    private final MetricsProperties properties;
    private final SalesRoleRefusals roleRefusals;

    ImportFailures(
            ImportLedger ledger,
            DayLedger days,
            ImportPacing pacing,
            MetricsProperties properties,
            SalesRoleRefusals roleRefusals) {
        this.ledger = ledger;
        this.days = days;
        this.pacing = pacing;
        this.properties = properties;
        this.roleRefusals = roleRefusals;
    }

    Verdict apple(AppleFailure failure, DueDays.Task task, Instant at) {
        long accountId = task.day().accountId();
        int accountFailures = 1 + task.accountFailures();
        switch (failure.kind()) {
            case RATE_LIMITED -> {
                Duration wait = failure.retryAfter().orElse(properties.firstBackoff());
                pacing.pauseAll(at.plus(wait), "Apple answered 429: " + failure.getMessage());
                dayFailed(task, at, failure.kind().name(), failure.getMessage());
                log.warn("Store metrics: Apple is limiting our requests; pausing the import for {}", wait);
                return Verdict.STOP_BATCH;
            }
            case UNAUTHORIZED, MALFORMED_CREDENTIAL -> {
                Duration wait = properties.backoffAfter(accountFailures);
                pacing.pauseAll(at.plus(wait), "Apple refused the service Apple ID's token: " + failure.getMessage());
                ledger.accountFailed(accountId, at, failure.kind().name(), failure.userMessage(), null);
                log.warn(
                        "Store metrics: Apple refused our service token ({}); pausing the import for {}",
                        failure.getMessage(),
                        wait);
                return Verdict.STOP_BATCH;
            }
            case FORBIDDEN -> {
                if (failure.lacksRole() && roleRefusals.stillAMember(task.day().accountNumber())) {
                    roleRefusals.refused(accountId, at);
                    log.info(
                            "Store metrics: Apple refuses account {}'s reports to our service user for lack of a"
                                    + " role ({}); asked again at the next check",
                            task.day().accountNumber(),
                            failure.getMessage());
                    return Verdict.ROLE_REFUSED;
                }
                Duration wait = properties.backoffAfter(accountFailures);
                ledger.accountFailed(accountId, at, failure.kind().name(), failure.userMessage(), at.plus(wait));
                log.warn(
                        "Store metrics: Apple refuses account {}'s reports to our service user ({}); account waits {}",
                        task.day().accountNumber(),
                        failure.getMessage(),
                        wait);
                return Verdict.SKIP_ACCOUNT;
            }
            default -> {
                dayFailed(task, at, failure.kind().name(), failure.getMessage());
                log.warn(
                        "Store metrics: {} {} of vendor {} not imported, retried later: {} ({})",
                        task.report().name(),
                        task.day().date(),
                        task.day().vendorNumber(),
                        failure.kind(),
                        failure.getMessage());
                return Verdict.CONTINUE;
            }
        }
    }

    /** Our own fault (a bug, the database): the day is retried like any failed day, and it is logged as an error. */
    Verdict unexpected(RuntimeException unexpected, DueDays.Task task, Instant at) {
        log.error(
                "Store metrics: importing {} {} of vendor {} failed unexpectedly; nothing stored",
                task.report().name(),
                task.day().date(),
                task.day().vendorNumber(),
                unexpected);
        dayFailed(task, at, "INTERNAL", unexpected.getClass().getSimpleName());
        return Verdict.CONTINUE;
    }

    private void dayFailed(DueDays.Task task, Instant at, String kind, String detail) {
        int attempts = task.state() == null ? 1 : task.state().attempts() + 1;
        days.notStored(
                task.day(),
                task.report().name(),
                DayStatus.FAILED,
                at,
                at.plus(properties.backoffAfter(attempts)),
                kind + ": " + detail);
        ledger.accountFailed(task.day().accountId(), at, kind, detail, null);
    }
}
