package com.storemetrics.metrics;

import static com.storemetrics.metrics.ImportLedger.at;
import static com.storemetrics.metrics.ImportLedger.clip;
import static com.storemetrics.metrics.ImportLedger.instant;

import com.storemetrics.appstore.AppleCallAccounting;
import com.storemetrics.appstore.AppleProtocol;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The importer's share of the service Apple ID's hourly budget, whatever report it asks for: Apple
 * requests are counted per clock hour in the database ({@code metrics_pacing}, shared by every node),
 * as the Apple client counted them (retries included, {@link AppleCallAccounting}); and a pause every
 * node honours after Apple answered 429 or refused our token. Public because every importer of Apple's
 * reports (the payments feature's too) draws on the same share of the budget.
 */
@Component
public class ImportPacing {

    /** How many requests the batch may send now; zero while paused. */
    public record Allowance(int requests, boolean paused) {}

    private final JdbcClient jdbc;
    private final MetricsProperties properties;
    private final AppleCallAccounting accounting;

    ImportPacing(JdbcClient jdbc, MetricsProperties properties, AppleCallAccounting accounting) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.accounting = accounting;
    }

    /**
     * At most a batch, within what is left of the importer's share this hour, and never pushing this
     * node's Reporter traffic (the verifier's included) past the whole budget: the verifier goes first.
     */
    public Allowance allowance(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        return jdbc.sql("SELECT window_start, requests, paused_until FROM metrics_pacing WHERE id = 1")
                .query((rs, i) -> {
                    Instant pausedUntil = instant(rs, 3);
                    if (pausedUntil != null && pausedUntil.isAfter(now)) {
                        return new Allowance(0, true);
                    }
                    int usedThisHour = hour.equals(instant(rs, 1)) ? rs.getInt(2) : 0;
                    int allowed = Math.min(properties.batchSize(), properties.importerHourlyRequests() - usedThisHour);
                    allowed = Math.min(
                            allowed, properties.hourlyBudget() - accounting.requestsInLastHour(AppleProtocol.REPORTER));
                    return new Allowance(Math.max(0, allowed), false);
                })
                .single();
    }

    /** Counts {@code requests} more against the current clock hour (a new hour starts from them). */
    public void count(Instant now, int requests) {
        if (requests <= 0) {
            return;
        }
        jdbc.sql("UPDATE metrics_pacing SET requests = CASE WHEN window_start = :hour THEN requests + :requests"
                        + " ELSE :requests END, window_start = :hour WHERE id = 1")
                .param("hour", at(now.truncatedTo(ChronoUnit.HOURS)))
                .param("requests", requests)
                .update();
    }

    /** Every node's importer waits until then. */
    public void pauseAll(Instant until, String reason) {
        jdbc.sql("UPDATE metrics_pacing SET paused_until = :until, pause_reason = :reason WHERE id = 1")
                .param("until", at(until))
                .param("reason", clip(reason, 500))
                .update();
    }
}
