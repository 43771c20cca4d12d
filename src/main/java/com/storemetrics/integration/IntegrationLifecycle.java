package com.storemetrics.integration;

import com.storemetrics.notices.NoticeKind;
import com.storemetrics.notices.NoticeOutbox;
import com.storemetrics.notices.OutgoingNotice;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of integrations: connect, approve, expire, remove for everyone sharing an
 * account, remove by the customer, "the verifier looked", and a notice dismissed. It alone changes a
 * status, appends the history, posts notices, writes the e-mail notices to the outbox (approved, expired,
 * removed for everyone; a lapse reminder not sent yet is withdrawn once the row leaves Pending) and publishes the events that open views follow. It checks no user: its
 * callers (the funnel, the customer's service, the verifier) decide who may do what; ArchitectureTest
 * keeps every status change here.
 */
@Component
@Transactional
public class IntegrationLifecycle {

    private final IntegrationRepository integrations;
    private final LinkedAccountRepository accounts;
    private final IntegrationEventRepository events;
    private final CustomerNoticeRepository notices;
    private final ApplicationEventPublisher publisher;
    private final NoticeOutbox outbox;
    private final BatchAppends appends;

    IntegrationLifecycle(
            IntegrationRepository integrations,
            LinkedAccountRepository accounts,
            IntegrationEventRepository events,
            CustomerNoticeRepository notices,
            ApplicationEventPublisher publisher,
            NoticeOutbox outbox,
            BatchAppends appends) {
        this.integrations = integrations;
        this.accounts = accounts;
        this.events = events;
        this.notices = notices;
        this.publisher = publisher;
        this.outbox = outbox;
        this.appends = appends;
    }

    /**
     * One Pending integration per account for the customer, all or none. Fails with
     * {@link org.springframework.dao.DataIntegrityViolationException} when one of them is live
     * already (the unique key holds against double clicks, other tabs and other nodes).
     */
    public List<Long> connect(
            long customerId,
            Actor customer,
            Collection<Long> accountIds,
            CredentialKind kind,
            DataWanted wanted,
            String reason,
            Instant now) {
        List<Long> ids = new ArrayList<>();
        List<IntegrationChange> changes = new ArrayList<>();
        for (Long accountId : accountIds) {
            Integration integration = integrations.saveAndFlush(
                    Integration.pending(customerId, accounts.getReferenceById(accountId), kind, wanted, now));
            events.save(integration.connectedEvent(reason, customer));
            ids.add(integration.getId());
            changes.add(new IntegrationChange(customerId, IntegrationRow.of(integration), null));
        }
        publisher.publishEvent(new IntegrationsChanged(changes));
        publisher.publishEvent(new IntegrationsConnected(customerId, ids));
        return ids;
    }

    /** The customer removes one of their own rows; colleagues sharing the account keep theirs. */
    public IntegrationRow removeByCustomer(long customerId, long integrationId, Actor customer, Instant now) {
        Integration integration = integrations
                .findByIdAndCustomerId(integrationId, customerId)
                .filter(Integration::isLive)
                .orElseThrow(IntegrationNotFound::new);
        IntegrationChange change =
                change(integration, IntegrationStatus.REMOVED, "Removed by the customer", customer, now, null);
        publisher.publishEvent(new IntegrationsChanged(List.of(change)));
        return change.row();
    }

    /** Every Pending integration of the account, whoever owns it, becomes Approved. */
    public int approvePending(long accountId, String reason, Actor actor, Instant now) {
        return apply(
                integrations.findByAccountsAndStatus(List.of(accountId), IntegrationStatus.PENDING),
                IntegrationStatus.APPROVED,
                NoticeKind.APPROVED,
                reason,
                actor,
                now,
                integration -> null);
    }

    /**
     * Every Pending integration connected before {@code connectedBefore} expires, each customer told:
     * one query for all accounts (usually finding nothing), not one per waiting account.
     */
    public int expirePending(
            Instant connectedBefore,
            String reason,
            Function<String, String> noticeForAccount,
            Actor actor,
            Instant now) {
        return apply(
                integrations.findPendingConnectedBefore(connectedBefore),
                IntegrationStatus.EXPIRED,
                NoticeKind.EXPIRED,
                reason,
                actor,
                now,
                integration -> noticeForAccount.apply(integration.getAccount().getName()));
    }

    /** Every Approved integration of these accounts, of every customer, is removed, each customer told. */
    public int removeApprovedForEveryone(
            Collection<Long> accountIds,
            String reason,
            Function<String, String> noticeForAccount,
            Actor actor,
            Instant now) {
        if (accountIds.isEmpty()) {
            return 0;
        }
        return apply(
                integrations.findByAccountsAndStatus(accountIds, IntegrationStatus.APPROVED),
                IntegrationStatus.REMOVED,
                NoticeKind.REMOVED,
                reason,
                actor,
                now,
                integration -> noticeForAccount.apply(integration.getAccount().getName()));
    }

    /**
     * Reminds each customer whose Pending integration was connected in {@code [connectedAfter,
     * connectedBefore)} that its invitation lapses soon (Apple's lifetime after connecting): one
     * e-mail per integration, ever. The verifier calls it after expiring, so a row that lapses in the
     * same check is not reminded first.
     */
    public int remindLapsing(Instant connectedAfter, Instant connectedBefore, Instant now) {
        int reminded = 0;
        for (Integration integration : integrations.findPendingToRemind(connectedAfter, connectedBefore)) {
            if (integration.remindOfLapse(now)) {
                outbox.add(new OutgoingNotice(
                        integration.getCustomerId(),
                        NoticeKind.INVITATION_LAPSING,
                        "integration:" + integration.getId(),
                        "once",
                        integration.getAccount().getName(),
                        integration.getConnectedAt().plus(IntegrationRow.INVITATION_LIFETIME)));
                reminded++;
            }
        }
        return reminded;
    }

    /** How far the account's Pending integrations have come (never backwards). */
    public void advanceProgress(long accountId, IntegrationProgress seen) {
        integrations
                .findByAccountsAndStatus(List.of(accountId), IntegrationStatus.PENDING)
                .forEach(integration -> integration.advanceProgress(seen));
    }

    /**
     * The verifier looked at every Pending and Approved integration at {@code checkedAt}: one row for
     * all of them, and open views told. Returns false, changing and telling nothing, when a check at
     * least as new was recorded already (another node's, or this observation applied before): the
     * caller must then not apply its older observation. Call it first in the verifier's transaction:
     * the row stays locked until commit, so concurrent reconciliations apply one after another.
     */
    public boolean checked(Instant checkedAt) {
        Instant at = checkedAt.truncatedTo(ChronoUnit.MICROS);
        if (integrations.recordCheck(at) == 0) {
            return false;
        }
        publisher.publishEvent(new IntegrationsChecked(at));
        return true;
    }

    /** The customer dismisses one of their notices; someone else's id changes nothing. */
    public void dismissNotice(long customerId, long noticeId, Instant now) {
        notices.findByIdAndCustomerId(noticeId, customerId).ifPresent(notice -> notice.dismiss(now));
    }

    private int apply(
            List<Integration> affected,
            IntegrationStatus to,
            NoticeKind mailed,
            String reason,
            Actor actor,
            Instant now,
            Function<Integration, String> noticeFor) {
        if (affected.isEmpty()) {
            return 0;
        }
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        withdrawLapseReminders(affected, to);
        List<IntegrationChange> changes = new ArrayList<>();
        List<IntegrationEvent> history = new ArrayList<>();
        List<OutgoingNotice> mails = new ArrayList<>();
        for (Integration integration : affected) {
            // When the verifier changed it, it just looked: open views hear that check on its own (checked()).
            history.add(integration.changeStatus(to, reason, actor, at));
            changes.add(new IntegrationChange(
                    integration.getCustomerId(), IntegrationRow.of(integration), noticeFor.apply(integration)));
            mails.add(OutgoingNotice.aboutIntegration(
                    integration.getCustomerId(),
                    mailed,
                    integration.getId(),
                    integration.getAccount().getName(),
                    at));
        }
        // The e-mails commit or roll back with the change (docs/notices.md); SMTP comes later.
        outbox.addAll(mails);
        integrations.flush();
        appends.history(history);
        postNotices(changes, at);
        publisher.publishEvent(new IntegrationsChanged(changes));
        return changes.size();
    }

    private IntegrationChange change(
            Integration integration, IntegrationStatus to, String reason, Actor actor, Instant now, String notice) {
        withdrawLapseReminders(List.of(integration), to);
        events.save(integration.changeStatus(to, reason, actor, now));
        return new IntegrationChange(integration.getCustomerId(), IntegrationRow.of(integration), notice);
    }

    /** "Lapses in 24 h" is moot once a row is no longer Pending: a reminder not sent yet goes (one statement). */
    private void withdrawLapseReminders(List<Integration> leaving, IntegrationStatus to) {
        List<Long> pending = leaving.stream()
                .filter(integration -> integration.getStatus() == IntegrationStatus.PENDING)
                .map(Integration::getId)
                .toList();
        if (!pending.isEmpty()) {
            outbox.withdrawLapseReminders(pending, "Withdrawn before sending: the integration became " + to.label());
        }
    }

    /** What happened to a customer's rows stays on their page until they dismiss it: one batch for all customers. */
    private void postNotices(List<IntegrationChange> changes, Instant now) {
        List<Long> customers = new ArrayList<>();
        List<CustomerNotice> rows = new ArrayList<>();
        for (IntegrationChange change : changes) {
            if (change.notice() != null) {
                customers.add(change.customerId());
                rows.add(new CustomerNotice(change.customerId(), now, change.notice()));
            }
        }
        List<Notice> posted = appends.notices(rows);
        Map<Long, List<Notice>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < posted.size(); i++) {
            byCustomer
                    .computeIfAbsent(customers.get(i), customer -> new ArrayList<>())
                    .add(posted.get(i));
        }
        byCustomer.forEach((customerId, theirs) -> publisher.publishEvent(new NoticesPosted(customerId, theirs)));
    }
}
