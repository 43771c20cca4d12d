package com.storemetrics.integration;

import com.storemetrics.appstore.ApiCredential;
import com.storemetrics.appstore.ApiTokens;
import com.storemetrics.appstore.AppStoreConnectClient;
import com.storemetrics.appstore.AppleDeadline;
import com.storemetrics.appstore.AppleApp;
import com.storemetrics.appstore.AppleFailure;
import com.storemetrics.appstore.InvitationOutcome;
import com.storemetrics.appstore.InvitationRequest;
import com.storemetrics.appstore.ReporterAccount;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.security.CurrentUser;
import com.storemetrics.security.Roles;
import com.storemetrics.security.SignedInUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
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

    private static final Pattern VENDOR_NUMBER = Pattern.compile("\\d{6,12}");

    private final ReporterClient reporter;
    private final AppStoreConnectClient api;
    private final ApiTokens apiTokens;
    private final RecentAppsLoader recentApps;
    private final StoreAccountCatalog catalog;
    private final StoreAccountRepository accounts;
    private final IntegrationRepository integrations;
    private final IntegrationEventRepository events;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String serviceAppleId;
    private final Duration interactiveDeadline;

    ConnectionService(ReporterClient reporter, AppStoreConnectClient api, ApiTokens apiTokens,
            RecentAppsLoader recentApps, StoreAccountCatalog catalog, StoreAccountRepository accounts,
            IntegrationRepository integrations, IntegrationEventRepository events, CurrentUser currentUser,
            ApplicationEventPublisher publisher, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${storemetrics.apple.service-apple-id}") String serviceAppleId,
            @Value("${storemetrics.apple.interactive-deadline:15s}") Duration interactiveDeadline) {
        this.reporter = reporter;
        this.api = api;
        this.apiTokens = apiTokens;
        this.recentApps = recentApps;
        this.catalog = catalog;
        this.accounts = accounts;
        this.integrations = integrations;
        this.events = events;
        this.currentUser = currentUser;
        this.publisher = publisher;
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
        String token = CredentialInput.normalise(rawToken);
        switch (CredentialInput.shapeOf(token)) {
            case EMPTY -> throw new CredentialRejected(CredentialRejected.Reason.EMPTY,
                    "Paste your access token first.");
            case TOO_LONG -> throw tooLong();
            case JWT -> throw new CredentialRejected(CredentialRejected.Reason.WRONG_KIND,
                    "This is an App Store Connect API token (a JWT), not a Sales and Trends access token. "
                            + "Choose \"API key\" above and paste it under \"Paste a JWT\".");
            case UNRECOGNISED -> throw new CredentialRejected(CredentialRejected.Reason.UNRECOGNISED,
                    "This is neither an access token nor an API token. Copy the access token from App Store "
                            + "Connect > Sales and Trends > Reports > About Reports, or choose \"API key\".");
            case REPORTER_TOKEN -> {
                // Apple decides below.
            }
        }
        try {
            return AppleDeadline.within(interactiveDeadline, () -> discoverAccounts(token));
        } catch (AppleFailure failure) {
            throw CredentialRejected.from(failure);
        }
    }

    private List<DiscoveredAccount> discoverAccounts(String token) {
        List<ReporterAccount> found = reporter.getAccounts(token);
        if (found.isEmpty()) {
            throw new CredentialRejected(CredentialRejected.Reason.NO_ACCOUNTS,
                    "Apple accepted the token, but its Apple ID belongs to no account with access to "
                            + "Sales and Trends. Use the token of an Apple ID with the Sales or Finance role.");
        }
        List<DiscoveredAccount> discovered = new ArrayList<>();
        for (ReporterAccount account : found) {
            List<String> vendors = reporter.getVendors(token, account.number());
            discovered.add(new DiscoveredAccount(account.number(), account.name(), vendors, List.of(),
                    DiscoveredAccount.AppsState.NOT_LOADED));
        }
        discovered.sort(Comparator.comparing(DiscoveredAccount::name, String.CASE_INSENSITIVE_ORDER));
        return discovered;
    }

    /** Step 2 with an access token: names each account's apps from its most recent sales summary. */
    public List<DiscoveredAccount> loadRecentApps(String rawToken, List<DiscoveredAccount> discovered) {
        return recentApps.load(CredentialInput.normalise(rawToken), discovered);
    }

    /** Step 1 with an API key (Issuer ID, Key ID, .p8) and the account's vendor number. */
    public ApiAccountCheck checkApiKey(String issuerId, String keyId, String privateKeyPem, String vendorNumber) {
        // The browser's limits are a courtesy; these are the ones that hold.
        requireAtMost(issuerId, CredentialInput.MAX_ISSUER_ID, "The Issuer ID");
        requireAtMost(keyId, CredentialInput.MAX_KEY_ID, "The Key ID");
        requireAtMost(privateKeyPem, CredentialInput.MAX_PRIVATE_KEY, "The private key (.p8)");
        String vendor = requireVendorNumber(vendorNumber);
        try {
            ApiCredential credential = apiTokens.parseKey(CredentialInput.normalise(issuerId),
                    CredentialInput.normalise(keyId), privateKeyPem == null ? "" : privateKeyPem);
            return AppleDeadline.within(interactiveDeadline, () -> checkApi(credential, vendor));
        } catch (AppleFailure failure) {
            throw CredentialRejected.from(failure);
        }
    }

    /** Step 1 with a ready-made API JWT and the account's vendor number. */
    public ApiAccountCheck checkApiJwt(String rawJwt, String vendorNumber) {
        String jwt = CredentialInput.normalise(rawJwt);
        switch (CredentialInput.shapeOf(jwt)) {
            case EMPTY -> throw new CredentialRejected(CredentialRejected.Reason.EMPTY, "Paste your JWT first.");
            case TOO_LONG -> throw tooLong();
            case JWT -> {
                // Checked locally below, then by Apple.
            }
            default -> throw new CredentialRejected(CredentialRejected.Reason.MALFORMED,
                    "This is not a JWT: a JWT has three parts separated by dots (header.payload.signature).");
        }
        String vendor = requireVendorNumber(vendorNumber);
        try {
            ApiCredential credential = apiTokens.checkReadyMade(jwt);
            return AppleDeadline.within(interactiveDeadline, () -> checkApi(credential, vendor));
        } catch (AppleFailure failure) {
            throw CredentialRejected.from(failure);
        }
    }

    private ApiAccountCheck checkApi(ApiCredential credential, String vendor) {
        List<AppleApp> apps = api.listApps(credential);
        try {
            // Proves the key may read sales, and that the vendor number is its team's. The day before
            // yesterday (Pacific, Apple's report calendar) is always published; yesterday's report
            // only appears at 5 am Pacific.
            api.getDailySalesSummary(credential, vendor,
                    LocalDate.now(clock.withZone(java.time.ZoneId.of("America/Los_Angeles"))).minusDays(2));
        } catch (AppleFailure failure) {
            if (failure.kind() == AppleFailure.Kind.FORBIDDEN) {
                throw new CredentialRejected(CredentialRejected.Reason.FORBIDDEN,
                        "This key cannot read the sales reports of vendor " + vendor + ". Its role needs to be "
                                + "Admin, Finance or Sales, the vendor number must belong to the key's team, and "
                                + "the team's agreements must be in effect.");
            }
            throw failure;
        }
        // The API does not name the team; the verifier learns the name once our user is a member.
        String name = accounts.findByVendorNumber(vendor).map(StoreAccount::getName)
                .orElse("Vendor " + vendor);
        List<DiscoveredAccount.DiscoveredApp> discoveredApps = apps.stream()
                .map(app -> new DiscoveredAccount.DiscoveredApp(app.id(), app.name()))
                .sorted(Comparator.comparing(DiscoveredAccount.DiscoveredApp::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        DiscoveredAccount account = new DiscoveredAccount(null, name, List.of(vendor), discoveredApps,
                discoveredApps.isEmpty() ? DiscoveredAccount.AppsState.NO_RECENT_SALES
                        : DiscoveredAccount.AppsState.LOADED);
        return new ApiAccountCheck(credential, account);
    }

    /** Step 2: which accounts the signed-in customer may select, keyed by {@link DiscoveredAccount#key()}. */
    public Map<String, AccountAvailability> availability(List<DiscoveredAccount> discovered) {
        long customerId = currentUser.require().userId();
        Map<String, AccountAvailability> result = new LinkedHashMap<>();
        for (DiscoveredAccount account : discovered) {
            AccountAvailability availability = catalog.find(account)
                    .map(stored -> integrations.findLiveByCustomerAndAccounts(customerId, List.of(stored.getId())))
                    .flatMap(live -> live.stream().findFirst())
                    .map(live -> live.getStatus() == IntegrationStatus.EXPIRED
                            ? AccountAvailability.EXPIRED_REMOVE_FIRST : AccountAvailability.ALREADY_CONNECTED)
                    .orElse(AccountAvailability.AVAILABLE);
            result.put(account.key(), availability);
        }
        return result;
    }

    /**
     * Step 3 with an Admin key: invites our service Apple ID (role Sales, visible to the account's
     * apps) in the key's team. Already a member or already invited are answers, not failures.
     */
    public InvitationOutcome.Result sendInvitation(ApiCredential credential, DiscoveredAccount account) {
        return AppleDeadline.within(interactiveDeadline, () -> invite(credential, account));
    }

    private InvitationOutcome.Result invite(ApiCredential credential, DiscoveredAccount account) {
        if (!api.findUsers(credential, serviceAppleId).isEmpty()) {
            return InvitationOutcome.Result.ALREADY_MEMBER;
        }
        List<String> appIds = account.apps().stream().map(DiscoveredAccount.DiscoveredApp::appleIdentifier).toList();
        InvitationRequest request = new InvitationRequest(serviceAppleId, "Storemetrics", "Integration",
                List.of("SALES"), appIds.isEmpty(), appIds);
        return api.createInvitation(credential, request).result();
    }

    /**
     * Finish: one Pending integration per selected account, all or none. A live integration of any
     * of them (double click, second tab) creates nothing and says so.
     */
    public List<Long> finish(List<DiscoveredAccount> selected, CredentialKind credentialKind) {
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("Select at least one account");
        }
        SignedInUser customer = currentUser.require();
        List<Long> accountIds = catalog.upsert(selected);
        List<Long> created;
        try {
            created = transaction.execute(status -> createPending(customer, accountIds, credentialKind));
        } catch (DataIntegrityViolationException concurrentFinish) {
            throw alreadyConnected(customer.userId(), accountIds);
        }
        publisher.publishEvent(new IntegrationsConnected(customer.userId(), created, accountIds));
        return created;
    }

    private List<Long> createPending(SignedInUser customer, List<Long> accountIds, CredentialKind credentialKind) {
        if (!integrations.findLiveByCustomerAndAccounts(customer.userId(), accountIds).isEmpty()) {
            throw alreadyConnected(customer.userId(), accountIds);
        }
        Instant now = clock.instant();
        String reason = "Connected with " + (credentialKind == CredentialKind.ACCESS_TOKEN ? "an access token" : "an API key")
                + "; the customer reported the invitation sent (" + accountIds.size()
                + (accountIds.size() == 1 ? " account)" : " accounts)");
        List<Long> ids = new ArrayList<>();
        List<IntegrationChange> changes = new ArrayList<>();
        for (Long accountId : accountIds) {
            Integration integration = integrations.saveAndFlush(
                    Integration.pending(customer.userId(), accounts.getReferenceById(accountId), credentialKind, now));
            events.save(integration.connectedEvent(reason, Actor.customer(customer.getUsername())));
            ids.add(integration.getId());
            changes.add(new IntegrationChange(customer.userId(), IntegrationRow.of(integration), null, null));
        }
        // The customer's other tabs (and support) show the new rows too, once committed.
        publisher.publishEvent(new IntegrationsChanged(changes));
        return ids;
    }

    private AlreadyConnected alreadyConnected(long customerId, List<Long> accountIds) {
        List<String> names = transaction.execute(status -> integrations
                .findLiveByCustomerAndAccounts(customerId, accountIds).stream()
                .map(integration -> integration.getAccount().getName()).toList());
        String which = names == null || names.isEmpty() ? "One of these accounts" : String.join(", ", names);
        return new AlreadyConnected(which + (names != null && names.size() > 1 ? " are" : " is")
                + " already connected, perhaps from another tab. Nothing new was created; close this dialog to "
                + "see the current status.");
    }

    private static void requireAtMost(String value, int maxChars, String what) {
        if (value != null && value.length() > maxChars) {
            throw new CredentialRejected(CredentialRejected.Reason.TOO_LONG,
                    what + " is far too long (over " + maxChars + " characters). Paste only the value itself.");
        }
    }

    private static String requireVendorNumber(String vendorNumber) {
        if (vendorNumber != null && vendorNumber.length() > CredentialInput.MAX_VENDOR_NUMBER) {
            throw new CredentialRejected(CredentialRejected.Reason.INVALID_VENDOR_NUMBER,
                    "Enter the account's vendor number: digits only, shown at the top left of App Store Connect "
                            + "> Payments and Financial Reports.");
        }
        String vendor = vendorNumber == null ? "" : vendorNumber.strip();
        if (!VENDOR_NUMBER.matcher(vendor).matches()) {
            throw new CredentialRejected(CredentialRejected.Reason.INVALID_VENDOR_NUMBER,
                    "Enter the account's vendor number: digits only, shown at the top left of App Store Connect "
                            + "> Payments and Financial Reports.");
        }
        return vendor;
    }

    private static CredentialRejected tooLong() {
        return new CredentialRejected(CredentialRejected.Reason.TOO_LONG,
                "That is too long to be a token (over 4 KB). Paste only the token itself.");
    }

    /** Step 1's answer for an API key: the credential (kept by the dialog only) and its team's account. */
    public record ApiAccountCheck(ApiCredential credential, DiscoveredAccount account) {
        @Override
        public String toString() {
            return "ApiAccountCheck[account=" + account.key() + "]";
        }
    }
}
