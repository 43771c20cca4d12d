package com.storemetrics.notices;

import com.storemetrics.base.Backoff;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail notices ({@code storemetrics.mail.*}); the SMTP server itself is Spring's
 * {@code spring.mail.*} (docs/notices.md).
 *
 * @param from          the sender address
 * @param appUrl        the application's public base URL, for links in messages
 * @param linkSecret    the key that signs unsubscribe links (HMAC-SHA256); blank: a random key per
 *                      start (development only: links stop working after a restart)
 * @param interval      how often the delivery task looks for due messages (db-scheduler, one node)
 * @param batchSize     most messages one run sends: bounds the rate after an outage, oldest first
 * @param maxAttempts   attempts before a message that keeps failing temporarily is given up (failed)
 * @param firstBackoff  the wait after a first temporary failure (doubles per failure)
 * @param maxBackoff    the longest wait
 * @param groupWindow   how long a customer's oldest pending message waits for others: every message of
 *                      theirs written within it goes out in the same e-mail (docs/notices.md, "Grouping")
 * @param unknownAfter  how long a message may stay "sending" before it is taken for one whose sender
 *                      died after handing it to SMTP: it becomes unknown, never sent again; far
 *                      longer than one SMTP session may last with spring.mail's time-outs
 */
@ConfigurationProperties("storemetrics.mail")
public record NoticeProperties(
        @DefaultValue("Storemetrics <notices@storemetrics.example>")
        String from,

        @DefaultValue("http://localhost:8080") String appUrl,
        @DefaultValue("") String linkSecret,
        @DefaultValue("5s") Duration interval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration firstBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("5m") Duration unknownAfter,
        @DefaultValue("60s") Duration groupWindow) {

    public NoticeProperties {
        if (batchSize < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("storemetrics.mail.batch-size and max-attempts must be at least 1");
        }
        if (groupWindow.isNegative()) {
            throw new IllegalArgumentException("storemetrics.mail.group-window must not be negative");
        }
        appUrl = appUrl.endsWith("/") ? appUrl.substring(0, appUrl.length() - 1) : appUrl;
    }

    Backoff backoff() {
        return new Backoff(firstBackoff, maxBackoff);
    }
}
