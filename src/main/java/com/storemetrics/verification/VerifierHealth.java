package com.storemetrics.verification;

import com.storemetrics.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The verifier's health: one row in the database, shared by every app node, surviving restarts. */
@Entity
@Table(name = "verifier_health")
class VerifierHealth extends AbstractEntity<Integer> {

    static final int SINGLE_ROW = 1;

    @Id
    private Integer id;

    @Column(nullable = false)
    private long cycles;

    @Column(name = "last_run_at")
    private Instant lastRunAt;

    @Column(name = "last_success_at")
    private Instant lastSuccessAt;

    @Column(name = "last_failure_at")
    private Instant lastFailureAt;

    @Column(name = "last_failure_kind", length = 40)
    private String lastFailureKind;

    @Column(name = "last_failure_message", length = 500)
    private String lastFailureMessage;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "backoff_until")
    private Instant backoffUntil;

    @Column(name = "last_outcome", length = 500)
    private String lastOutcome;

    @Version
    private long version;

    @Override
    public Integer getId() {
        return id;
    }

    protected VerifierHealth() {}

    boolean backingOff(Instant now) {
        return backoffUntil != null && now.isBefore(backoffUntil);
    }

    void ran(Instant now, String outcome) {
        cycles++;
        lastRunAt = now;
        lastOutcome = truncate(outcome);
    }

    void succeeded(Instant now, String outcome) {
        ran(now, outcome);
        lastSuccessAt = now;
        consecutiveFailures = 0;
        backoffUntil = null;
    }

    void failed(Instant now, String kind, String message, Instant pauseUntil) {
        ran(now, "Failed: " + message);
        lastFailureAt = now;
        lastFailureKind = kind;
        lastFailureMessage = truncate(message);
        consecutiveFailures++;
        backoffUntil = pauseUntil;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    long getCycles() {
        return cycles;
    }

    Instant getLastRunAt() {
        return lastRunAt;
    }

    Instant getLastSuccessAt() {
        return lastSuccessAt;
    }

    Instant getLastFailureAt() {
        return lastFailureAt;
    }

    String getLastFailureKind() {
        return lastFailureKind;
    }

    String getLastFailureMessage() {
        return lastFailureMessage;
    }

    int getConsecutiveFailures() {
        return consecutiveFailures;
    }

    Instant getBackoffUntil() {
        return backoffUntil;
    }

    String getLastOutcome() {
        return lastOutcome;
    }
}
