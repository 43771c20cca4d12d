package com.storemetrics.verification;

import java.time.Instant;

/** The verifier wrote its health row (after a cycle, successful or failed, or a skipped one); committed. */
public record VerifierHealthRecorded(Instant recordedAt) {}
