package com.storemetrics.notices;

import java.time.Instant;

/** A message of the outbox as the sender reads it; {@code recipient} may be null (no address). */
record OutboxMessage(
        long id,
        long userId,
        NoticeKind kind,
        String occurrence,
        String recipient,
        String accountName,
        Instant happenedAt,
        Instant createdAt,
        int attempts) {}
