package com.storemetrics.verification;

import com.storemetrics.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The verifier as support staff see it: its health, and a way to ask for a check now. */
@Service
@PreAuthorize("hasRole('" + Roles.SUPPORT + "')")
public class VerifierHealthService {

    private final VerifierHealthRepository health;
    private final VerificationTriggers triggers;

    VerifierHealthService(VerifierHealthRepository health, VerificationTriggers triggers) {
        this.health = health;
        this.triggers = triggers;
    }

    @Transactional(readOnly = true)
    public VerifierStatus status() {
        VerifierHealth row = health.findById(VerifierHealth.SINGLE_ROW).orElseThrow();
        return new VerifierStatus(
                row.getCycles(),
                row.getLastRunAt(),
                row.getLastSuccessAt(),
                row.getLastFailureAt(),
                row.getLastFailureKind(),
                row.getLastFailureMessage(),
                row.getConsecutiveFailures(),
                row.getBackoffUntil(),
                row.getLastOutcome(),
                triggers.nextRun().orElse(null));
    }

    /**
     * Schedules a membership check now. Returns false when one is already waiting, so pressing
     * twice schedules one.
     */
    public boolean recheckNow() {
        return triggers.recheckNow();
    }
}
