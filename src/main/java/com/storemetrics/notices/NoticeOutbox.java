package com.storemetrics.notices;

import com.storemetrics.security.UserEmails;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way into the outbox: writes a message in the caller's transaction (it refuses to run
 * without one), so the change that causes a notice and the notice commit or roll back together.
 * It only writes a row: no SMTP, nothing slow, nothing that can fail the caller's change but the
 * database itself. A kind the customer switched off writes nothing; a second message for the same
 * (customer, regarding, kind, occurrence) writes nothing.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class NoticeOutbox {

    private final OutboxStore store;
    private final UserEmails emails;
    private final Clock clock;

    NoticeOutbox(OutboxStore store, UserEmails emails, Clock clock) {
        this.store = store;
        this.emails = emails;
        this.clock = clock;
    }

    /** Writes the message unless switched off or written before; returns whether a row was written. */
    public boolean add(OutgoingNotice notice) {
        if (store.isOptedOut(notice.userId(), notice.kind())) {
            return false;
        }
        // The address as it is now: a later change of address does not redirect a written message.
        String recipient = emails.of(notice.userId()).orElse(null);
        return store.insertIfAbsent(notice, recipient, clock.instant());
    }
}
