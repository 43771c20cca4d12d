package com.storemetrics.integration;

import java.time.Instant;

/** One line of an integration's history, for views. {@code from} is null for the first entry. */
public record HistoryEntry(Instant at, IntegrationStatus from, IntegrationStatus to, String reason, Actor actor) {

    static HistoryEntry of(IntegrationEvent event) {
        return new HistoryEntry(
                event.getOccurredAt(), event.getFromStatus(), event.getToStatus(), event.getReason(), event.getActor());
    }

    /** The change in words: "Created as Pending", "Pending → Approved". */
    public String change() {
        return from == null ? "Created as " + to.label() : from.label() + " → " + to.label();
    }
}
