package com.storemetrics.notices;

import com.storemetrics.security.UserEmails;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way into the outbox: writes a message in the caller's transaction (it refuses to run
 * without one), so the change that causes a notice and the notice commit or roll back together.
 * It only writes a row: no SMTP, nothing slow, nothing that can fail the caller's change but the
 * database itself. A kind the customer switched off writes nothing; a second message for the same
 * (customer, regarding, kind, occurrence) writes nothing. A message whose cause is gone before it
 * was handed to SMTP (the invitation accepted, data flowing again, the role given back) is withdrawn
 * by the write path that ends the cause, in its transaction: a reminder stops once its cause is gone.
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
        if (!store.optedOut(List.of(notice.userId()), notice.kind()).isEmpty()) {
            return false;
        }
        // The address as it is now: a later change of address does not redirect a written message.
        String recipient = emails.of(notice.userId()).orElse(null);
        return store.insertIfAbsent(notice, recipient, clock.instant());
    }

    /**
     * As {@link #add} for each message, in a few statements for all of them instead of three per
     * message: who switched the kind off, the addresses, and one batch of inserts. For the hundreds a
     * removal for everyone sharing an account writes in its own transaction.
     */
    public void addAll(List<OutgoingNotice> notices) {
        if (notices.isEmpty()) {
            return;
        }
        Set<Long> users = notices.stream().map(OutgoingNotice::userId).collect(Collectors.toSet());
        Map<NoticeKind, Set<Long>> optedOut = new EnumMap<>(NoticeKind.class);
        notices.forEach(notice -> optedOut.computeIfAbsent(notice.kind(), kind -> store.optedOut(users, kind)));
        Map<Long, String> addresses = emails.of(users);
        store.insertAllIfAbsent(
                notices.stream()
                        .filter(notice -> !optedOut.get(notice.kind()).contains(notice.userId()))
                        .map(notice -> new OutboxStore.Insert(notice, addresses.get(notice.userId())))
                        .toList(),
                clock.instant());
    }

    /**
     * These integrations left Pending (approved, expired or removed): their "invitation lapses in
     * 24 h" reminders, if not sent yet, are withdrawn, in one statement however many they are.
     * Returns the messages withdrawn.
     */
    public int withdrawLapseReminders(Collection<Long> integrationIds, String why) {
        return store.withdraw(
                NoticeKind.INVITATION_LAPSING,
                integrationIds.stream().map(id -> "integration:" + id).toList(),
                "once",
                why,
                clock.instant());
    }

    /** Data of the account flows again (or a "role missing" e-mail tells why not): an unsent "data stalled" is withdrawn. */
    public int withdrawDataStalled(long accountId, String why) {
        return store.withdraw(
                NoticeKind.DATA_STALLED, "account:" + accountId, OutgoingNotice.STALLED_AFTER, why, clock.instant());
    }

    /** Our service Apple ID may read the account's Financial reports again: an unsent "role missing" about it is withdrawn. */
    public int withdrawFinanceRoleMissing(long accountId, String why) {
        return store.withdraw(
                NoticeKind.ROLE_MISSING, "account:" + accountId, OutgoingNotice.REFUSED_SINCE, why, clock.instant());
    }

    /** Apple answers the account's Sales reports again: an unsent "role missing" about them is withdrawn. */
    public int withdrawSalesRoleMissing(long accountId, String why) {
        return store.withdraw(
                NoticeKind.ROLE_MISSING,
                "account:" + accountId,
                OutgoingNotice.SALES_REFUSED_SINCE,
                why,
                clock.instant());
    }
}
