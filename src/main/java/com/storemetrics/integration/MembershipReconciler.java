package com.storemetrics.integration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product's rules for what the verifier sees (product.md, "Statuses"): membership seen approves
 * every Pending integration of the account, whoever owns it; a membership lost in two consecutive
 * successful checks removes every Approved integration of the account, of every customer; a
 * Pending integration that waited longer than the invitation lifetime plus grace expires. Used by
 * the background verifier only; it has no user and no UI.
 */
@Service
public class MembershipReconciler {

    static final String APPROVED_REASON = "Our service user is now a member of the account: the invitation was accepted.";
    static final String REMOVED_REASON = "Access removed in App Store Connect by an Account Holder or Admin.";
    static final String EXPIRED_REASON = "The invitation was not accepted in time (Apple lets invitations lapse "
            + "after 3 days). Remove this integration and connect the account again.";

    /**
     * The stored "last checked" is refreshed at most this often per row; open views get every
     * check's exact time through {@link IntegrationsChecked}. At 100,000 integrations and a 30 s
     * interval, stamping every row every cycle wrote about 24 MB of HSQLDB redo log per cycle.
     */
    static final java.time.Duration CHECKED_AT_RESOLUTION = java.time.Duration.ofMinutes(5);

    private static final Set<IntegrationStatus> WATCHED = Set.of(IntegrationStatus.PENDING, IntegrationStatus.APPROVED);

    private final StoreAccountRepository accounts;
    private final IntegrationRepository integrations;
    private final IntegrationEventRepository events;
    private final CustomerNoticeRepository notices;
    private final ApplicationEventPublisher publisher;

    MembershipReconciler(StoreAccountRepository accounts, IntegrationRepository integrations,
            IntegrationEventRepository events, CustomerNoticeRepository notices, ApplicationEventPublisher publisher) {
        this.accounts = accounts;
        this.integrations = integrations;
        this.events = events;
        this.notices = notices;
        this.publisher = publisher;
    }

    /** The accounts a cycle must look at: some customer has a Pending or Approved integration of them. */
    @Transactional(readOnly = true)
    public List<WatchedAccount> watchedAccounts() {
        Set<Long> withPending = integrations.findByStatusIn(Set.of(IntegrationStatus.PENDING)).stream()
                .map(integration -> integration.getAccount().getId())
                .collect(Collectors.toSet());
        return accounts.findWithIntegrationsIn(WATCHED).stream()
                .map(account -> new WatchedAccount(account.getId(), account.getAccountNumber(), account.getName(),
                        List.copyOf(account.getVendorNumbers()), withPending.contains(account.getId())))
                .toList();
    }

    /** Applies one successful observation, in one transaction; publishes the changes after commit. */
    @Transactional
    public ReconcileOutcome reconcile(MembershipObservation observation) {
        // Databases keep microseconds; comparing with what was stored needs the same precision.
        Instant now = observation.observedAt().truncatedTo(ChronoUnit.MICROS);
        List<IntegrationChange> changes = new ArrayList<>();
        int approved = 0;
        int expired = 0;
        int removed = 0;

        List<StoreAccount> watched = accounts.findWithIntegrationsIn(WATCHED);
        Map<Long, List<Integration>> pendingByAccount = integrations.findByStatusIn(Set.of(IntegrationStatus.PENDING))
                .stream().collect(Collectors.groupingBy(integration -> integration.getAccount().getId()));
        List<Long> lostAccounts = new ArrayList<>();

        for (StoreAccount account : watched) {
            String identified = observation.identifiedAccounts().get(account.getId());
            if (account.getAccountNumber() == null && identified != null) {
                account.identify(identified, observation.visibleAccounts().getOrDefault(identified, account.getName()));
            }
            String number = account.getAccountNumber();
            List<Integration> pending = pendingByAccount.getOrDefault(account.getId(), List.of());
            if (number != null && observation.visibleAccounts().containsKey(number)) {
                account.membershipSeen(now);
                account.rename(observation.visibleAccounts().get(number));
                for (Integration integration : pending) {
                    changes.add(change(integration, IntegrationStatus.APPROVED, APPROVED_REASON, now, null));
                    approved++;
                }
                continue;
            }
            boolean newerThanLastCheck = account.getMembershipCheckedAt() == null
                    || now.isAfter(account.getMembershipCheckedAt());
            if (newerThanLastCheck && account.membershipMissing(now)) {
                lostAccounts.add(account.getId());
            }
            for (Integration integration : pending) {
                if (now.isAfter(integration.getConnectedAt().plus(observation.pendingLifetime()))) {
                    changes.add(change(integration, IntegrationStatus.EXPIRED, EXPIRED_REASON, now,
                            account.getName() + ": the invitation was not accepted in time. Remove the expired "
                                    + "integration and connect the account again."));
                    expired++;
                } else if (number != null && observation.invitationsAccepted().contains(number)) {
                    integration.advanceProgress(IntegrationProgress.ACCEPTED);
                } else if (number != null && observation.invitationsPending().contains(number)) {
                    integration.advanceProgress(IntegrationProgress.INVITATION_RECEIVED);
                }
            }
        }
        if (!lostAccounts.isEmpty()) {
            for (Integration integration : integrations.findByAccountsAndStatus(lostAccounts, IntegrationStatus.APPROVED)) {
                changes.add(change(integration, IntegrationStatus.REMOVED, REMOVED_REASON, now,
                        integration.getAccount().getName() + " was removed from your integrations: an Account Holder "
                                + "or Admin removed our service user in App Store Connect. Connect it again to "
                                + "resume store data."));
                removed++;
            }
        }
        integrations.flush();
        // Rows for the views are built before the bulk update clears the persistence context.
        List<IntegrationChange> published = changes.stream()
                .map(change -> new IntegrationChange(change.customerId(),
                        change.row().checkedAt(now), change.from(), change.notice()))
                .toList();
        postNotices(changes, now);
        integrations.markChecked(WATCHED, now, now.minus(CHECKED_AT_RESOLUTION));
        if (!published.isEmpty()) {
            publisher.publishEvent(new IntegrationsChanged(published));
        }
        publisher.publishEvent(new IntegrationsChecked(now));
        return new ReconcileOutcome(watched.size(), approved, expired, removed);
    }

    /** What the verifier did to a customer's rows stays on their page until they dismiss it. */
    private void postNotices(List<IntegrationChange> changes, Instant now) {
        changes.stream().filter(change -> change.notice() != null)
                .collect(Collectors.groupingBy(IntegrationChange::customerId, java.util.LinkedHashMap::new,
                        Collectors.toList()))
                .forEach((customerId, theirs) -> {
                    List<Notice> posted = theirs.stream()
                            .map(change -> notices.save(new CustomerNotice(customerId, now, change.notice())).view())
                            .toList();
                    publisher.publishEvent(new NoticesPosted(customerId, posted));
                });
    }

    private IntegrationChange change(Integration integration, IntegrationStatus to, String reason, Instant now,
            String notice) {
        IntegrationStatus from = integration.getStatus();
        events.save(integration.changeStatus(to, reason, Actor.VERIFIER, now));
        return new IntegrationChange(integration.getCustomerId(), IntegrationRow.of(integration), from, notice);
    }
}
