package com.storemetrics.verification;

import java.time.Instant;

/** A read-only snapshot of the verifier's health, for support. */
public record VerifierStatus(
        long cycles,
        Instant lastRunAt,
        Instant lastSuccessAt,
        Instant lastFailureAt,
        String lastFailureKind,
        String lastFailureMessage,
        int consecutiveFailures,
        Instant backoffUntil,
        String lastOutcome,
        Instant nextRunAt) {}
