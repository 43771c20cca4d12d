package com.storemetrics.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The verifier's health row, written after every cycle (successful, failed or with nothing to
 * check) and then announced to open views; failures set the back-off. Several nodes may write it:
 * optimistic locking, retried.
 */
@Component
class VerifierHealthRecorder {

    private static final Logger log = LoggerFactory.getLogger(VerifierHealthRecorder.class);

    private final VerifierHealthRepository healthRepository;
    private final VerifierHealthUpdates healthUpdates;
    private final VerifierProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    VerifierHealthRecorder(
            VerifierHealthRepository healthRepository,
            VerifierHealthUpdates healthUpdates,
            VerifierProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.healthRepository = healthRepository;
        this.healthUpdates = healthUpdates;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    VerifierHealth health() {
        return healthRepository.findById(VerifierHealth.SINGLE_ROW).orElseThrow();
    }

    void succeeded(Instant at, String outcome) {
        updateHealth(health -> health.succeeded(at, outcome));
    }

    void failed(Instant now, String kind, String message, Duration retryAfter) {
        updateHealth(health -> {
            Duration pause = properties.backoffAfter(health.getConsecutiveFailures() + 1);
            if (retryAfter.compareTo(pause) > 0) {
                pause = retryAfter;
            }
            health.failed(now, kind, message, now.plus(pause));
        });
    }

    private void updateHealth(Consumer<VerifierHealth> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> {
                    VerifierHealth health = health();
                    change.accept(health);
                    healthRepository.save(health);
                });
                healthUpdates.recorded(new VerifierHealthRecorded(clock.instant()));
                return;
            } catch (ObjectOptimisticLockingFailureException otherNode) {
                if (attempt == 3) {
                    log.warn("Could not record verifier health: another node kept updating it");
                    return;
                }
            }
        }
    }
}
