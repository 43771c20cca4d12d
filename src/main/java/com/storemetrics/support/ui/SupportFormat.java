package com.storemetrics.support.ui;

import com.storemetrics.integration.Actor;
import com.storemetrics.integration.IntegrationStatus;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the support console writes times, statuses and actors. Support works in UTC, to the second. */
final class SupportFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private SupportFormat() {
    }

    static String time(Instant instant, String whenNull) {
        return instant == null ? whenNull : TIME.format(instant);
    }

    static Span badge(IntegrationStatus status) {
        return new com.storemetrics.integration.ui.StatusBadge(status);
    }

    static String actor(Actor.Kind kind, String name) {
        return switch (kind) {
            case CUSTOMER -> "Customer " + name;
            case SUPPORT -> "Support " + name;
            case VERIFIER -> "Verifier";
        };
    }

    static String transition(IntegrationStatus from, IntegrationStatus to) {
        return from == null ? "Created as " + to.label() : from.label() + " → " + to.label();
    }
}
