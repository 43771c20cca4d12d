package com.storemetrics.connect;

import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.account.StoreAccountCatalog;
import com.storemetrics.appstore.ApiCredential;
import com.storemetrics.appstore.AppStoreConnectClient;
import com.storemetrics.appstore.AppleDeadline;
import com.storemetrics.appstore.AppleFailure;
import com.storemetrics.appstore.InvitationOutcome;
import com.storemetrics.appstore.InvitationRequest;
import com.storemetrics.integration.AccountLinks;
import com.storemetrics.integration.Actor;
import com.storemetrics.integration.CredentialKind;
import com.storemetrics.integration.IntegrationLifecycle;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.security.CurrentUser;
import com.storemetrics.security.Roles;
import com.storemetrics.security.SignedInUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The funnel's rules: checking a credential with Apple, naming the accounts and apps it sees,
 * telling which the customer may select, sending invitations with an Admin key, and creating the
 * Pending integrations. Stateless: the credential is a parameter, held by the dialog only, and is
 * never stored or logged.
 */
@Service
@PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
public class ConnectionService {

    private final AppStoreConnectClient api;
    private final CredentialChecks checks;
    private final RecentAppsLoader recentApps;
    private final StoreAccountCatalog catalog;
    private final AccountLinks links;
    static final String MEMBER_ALREADY_REASON = "Our service user is already a member of the account (a colleague "
            + "connected it), as the verifier last saw: no invitation needed.";

    private final IntegrationLifecycle lifecycle;
    private final CurrentUser currentUser;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String serviceAppleId;
    private final Duration interactiveDeadline;

    ConnectionService(
            AppStoreConnectClient api,
            CredentialChecks checks,
            RecentAppsLoader recentApps,
            StoreAccountCatalog catalog,
            AccountLinks links,
            IntegrationLifecycle lifecycle,
            CurrentUser currentUser,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${storemetrics.apple.service-apple-id}") String serviceAppleId,
            @Value("${storemetrics.apple.interactive-deadline:15s}") Duration interactiveDeadline) {
        this.api = api;
        this.checks = checks;
        this.recentApps = recentApps;
        this.catalog = catalog;
        this.links = links;
        this.lifecycle = lifecycle;
        this.currentUser = currentUser;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.serviceAppleId = serviceAppleId;
        this.interactiveDeadline = interactiveDeadline;
    }

    /** The Apple ID customers invite; shown in step 3. */
    public String serviceAppleId() {
        return serviceAppleId;
    }

    /**
     * Step 1 with a Sales and Trends access token: Apple lists the accounts its Apple ID belongs to
     * and their vendor numbers. Apps are named afterwards by {@link #loadRecentApps}.
     */
    public List<DiscoveredAccount> checkAccessToken(String rawToken) {
        return checks.accessToken(rawToken);
    }

    /** Step 1 with an API key (Issuer ID, Key ID, .p8) and the account's vendor number. */
    public ApiAccountCheck checkApiKey(String issuerId, String keyId, String privateKeyPem, String vendorNumber) {
        return checks.apiKey(issuerId, keyId, privateKeyPem, vendorNumber);
    }

    /** Step 1 with a ready-made API JWT and the account's vendor number. */
    public ApiAccountCheck checkApiJwt(String rawJwt, String vendorNumber) {
        return checks.apiJwt(rawJwt, vendorNumber);
    }

    /** Step 2 with an access token: names each account's apps from its most recent sales summary. */
    public List<DiscoveredAccount> loadRecentApps(String rawToken, List<DiscoveredAccount> discovered) {
        return recentApps.load(CredentialInput.normalise(rawToken), discovered);
    }

    /** Step 2: which accounts the signed-in customer may select, keyed by {@link DiscoveredAccount#key()}. */
    public Map<String, AccountAvailability> availability(List<DiscoveredAccount> discovered) {
        long customerId = currentUser.require().userId();
        Map<String, IntegrationStatus> live = links.liveStatuses(customerId, discovered);
        Set<String> ourMembership = links.withOurMembership(customerId, discovered);
        Map<String, AccountAvailability> result = new LinkedHashMap<>();
        for (DiscoveredAccount account : discovered) {
            IntegrationStatus status = live.get(account.key());
            result.put(
                    account.key(),
                    status == null
                            ? (ourMembership.contains(account.key())
                                    ? AccountAvailability.MEMBER_ALREADY
                                    : AccountAvailability.AVAILABLE)
                            : switch (status) {
                                case EXPIRED -> AccountAvailability.EXPIRED_REMOVE_FIRST;
                                case PENDING -> AccountAvailability.PENDING_YOURS;
                                default -> AccountAvailability.ALREADY_CONNECTED;
                            });
        }
        return result;
    }

    /**
     * Step 3 with an Admin key: invites our service Apple ID (with the roles the customer chose,
     * visible to the account's apps) in the key's team. Already a member or already invited are
     * answers, not failures.
     */
    public InvitationResult sendInvitation(ApiAccess access, DiscoveredAccount account, ServiceRoles roles) {
        try {
            return InvitationResult.of(
                    AppleDeadline.within(interactiveDeadline, () -> invite(access.credential(), account, roles)));
        } catch (AppleFailure failure) {
            throw CredentialRejected.from(failure);
        }
    }

    private InvitationOutcome.Result invite(ApiCredential credential, DiscoveredAccount account, ServiceRoles roles) {
        if (!api.findUsers(credential, serviceAppleId).isEmpty()) {
            return InvitationOutcome.Result.ALREADY_MEMBER;
        }
        List<String> appIds = account.apps().stream()
                .map(DiscoveredAccount.DiscoveredApp::appleIdentifier)
                .toList();
        InvitationRequest request = new InvitationRequest(
                serviceAppleId, "Storemetrics", "Integration", roles.appleRoles(), appIds.isEmpty(), appIds);
        return api.createInvitation(credential, request).result();
    }

    /**
     * Finish: one Pending integration per selected account, all or none, with the dialog's default
     * choice (the Sales reports and payments). A live integration of any of them (double click,
     * second tab) creates nothing and says so.
     */
    public List<Long> finish(List<DiscoveredAccount> selected, CredentialKind credentialKind) {
        return finishAndTell(selected, credentialKind, ServiceRoles.SALES_AND_FINANCE)
                .ids();
    }

    /**
     * {@link #finish} and what became of each account: Pending until the invitation is accepted, or
     * Approved at once where our service user is a member already (a colleague connected it).
     */
    public Finished finishAndTell(List<DiscoveredAccount> selected, CredentialKind credentialKind, ServiceRoles roles) {
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("Select at least one account");
        }
        SignedInUser customer = currentUser.require();
        List<Long> accountIds = catalog.upsert(selected);
        Finished finished;
        try {
            finished =
                    transaction.execute(status -> createPending(customer, selected, accountIds, credentialKind, roles));
        } catch (DataIntegrityViolationException concurrentFinish) {
            throw alreadyConnected(customer.userId(), accountIds);
        }
        return finished;
    }

    /**
     * The integrations Finish created; the names of the accounts approved at once and of those left
     * Pending; the ids of the accounts approved at once (their pushed approval tells nothing new).
     */
    public record Finished(
            List<Long> ids, List<String> approvedAtOnce, List<String> pending, List<Long> approvedAccountIds) {}

    private Finished createPending(
            SignedInUser customer,
            List<DiscoveredAccount> selected,
            List<Long> accountIds,
            CredentialKind kind,
            ServiceRoles roles) {
        if (!links.liveAccountNames(customer.userId(), accountIds).isEmpty()) {
            throw alreadyConnected(customer.userId(), accountIds);
        }
        String reason = "Connected with " + (kind == CredentialKind.ACCESS_TOKEN ? "an access token" : "an API key")
                + "; the customer reported the invitation sent (" + accountIds.size()
                + (accountIds.size() == 1 ? " account)" : " accounts)") + "; asked for "
                + roles.dataWanted().inWords() + ": " + roles.inWords();
        // The customer's other tabs (and support) show the new rows too, once committed.
        Instant now = clock.instant();
        List<Long> created = lifecycle.connect(
                customer.userId(),
                Actor.customer(customer.getUsername()),
                accountIds,
                kind,
                roles.dataWanted(),
                reason,
                now);
        // Where our service user is a member already (a colleague connected the account), there is
        // nothing to invite: approved at once, as the verifier would on its next check.
        List<Long> members = links.memberAccountIds(customer.userId(), accountIds);
        for (Long accountId : members) {
            lifecycle.approvePending(accountId, MEMBER_ALREADY_REASON, Actor.VERIFIER, now);
        }
        List<String> approved = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (int i = 0; i < accountIds.size(); i++) {
            (members.contains(accountIds.get(i)) ? approved : pending)
                    .add(selected.get(i).name());
        }
        return new Finished(created, List.copyOf(approved), List.copyOf(pending), List.copyOf(members));
    }

    private AlreadyConnected alreadyConnected(long customerId, List<Long> accountIds) {
        List<String> names = links.liveAccountNames(customerId, accountIds);
        String which = names == null || names.isEmpty() ? "One of these accounts" : String.join(", ", names);
        return new AlreadyConnected(which + (names != null && names.size() > 1 ? " are" : " is")
                + " already connected, perhaps from another tab. Nothing new was created; close this dialog to "
                + "see the current status.");
    }

    /** Step 1's answer for an API key: the credential (kept by the dialog only) and its team's account. */
    public record ApiAccountCheck(ApiAccess access, DiscoveredAccount account) {
        @Override
        public String toString() {
            return "ApiAccountCheck[account=" + account.key() + "]";
        }
    }
}
