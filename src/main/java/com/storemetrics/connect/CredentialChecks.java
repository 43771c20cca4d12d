package com.storemetrics.connect;

import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.account.StoreAccountCatalog;
import com.storemetrics.appstore.ApiCredential;
import com.storemetrics.appstore.ApiTokens;
import com.storemetrics.appstore.AppStoreConnectClient;
import com.storemetrics.appstore.AppleApp;
import com.storemetrics.appstore.AppleDeadline;
import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.appstore.AppleFailure;
import com.storemetrics.appstore.ReporterAccount;
import com.storemetrics.appstore.ReporterClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Step 1's checks of a customer's credential: its shape here (one message per rule), then Apple,
 * within one overall deadline. The credential is a parameter only: never stored, never logged.
 * Called by {@link ConnectionService}, which decides who may call.
 */
@Component
class CredentialChecks {

    private final ReporterClient reporter;
    private final AppStoreConnectClient api;
    private final ApiTokens apiTokens;
    private final StoreAccountCatalog catalog;
    private final Clock clock;
    private final Duration interactiveDeadline;

    CredentialChecks(
            ReporterClient reporter,
            AppStoreConnectClient api,
            ApiTokens apiTokens,
            StoreAccountCatalog catalog,
            Clock clock,
            @Value("${storemetrics.apple.interactive-deadline:15s}") Duration interactiveDeadline) {
        this.reporter = reporter;
        this.api = api;
        this.apiTokens = apiTokens;
        this.catalog = catalog;
        this.clock = clock;
        this.interactiveDeadline = interactiveDeadline;
    }

    /**
     * Step 1 with a Sales and Trends access token: Apple lists the accounts its Apple ID belongs to
     * and their vendor numbers. Apps are named afterwards by {@link #loadRecentApps}.
     */
    List<DiscoveredAccount> accessToken(String rawToken) {
        String token = CredentialInput.normalise(rawToken);
        switch (CredentialInput.shapeOf(token)) {
            case EMPTY ->
                throw new CredentialRejected(CredentialRejected.Reason.EMPTY, "Paste your access token first.");
            case TOO_LONG -> throw tooLong();
            case JWT ->
                throw new CredentialRejected(
                        CredentialRejected.Reason.WRONG_KIND,
                        "This is an App Store Connect API token (a JWT), not a Sales and Trends access token. "
                                + "Choose \"API key\" above and paste it under \"Paste a JWT\".");
            case UNRECOGNISED ->
                throw new CredentialRejected(
                        CredentialRejected.Reason.UNRECOGNISED,
                        "This is neither an access token nor an API token. Copy the access token from App Store "
                                + "Connect > Sales and Trends > Reports > About Reports, or choose \"API key\".");
            case REPORTER_TOKEN -> {
                // Apple decides below.
            }
        }
        try {
            return AppleDeadline.within(interactiveDeadline, () -> discoverAccounts(token));
        } catch (AppleFailure failure) {
            if (failure.kind() == AppleFailure.Kind.UNAUTHORIZED) {
                throw notAccepted(token);
            }
            throw CredentialRejected.from(failure);
        }
    }

    /**
     * Apple answers an unknown, mistyped, expired, replaced or revoked access token alike (401), so
     * the message says what is likely from what we can see: a token not in Apple's usual form was
     * probably mistyped or cut short; a well-formed one has probably lapsed or been replaced.
     */
    static CredentialRejected notAccepted(String token) {
        String where = "App Store Connect > Sales and Trends > Reports > About Reports";
        if (!CredentialInput.looksLikeAppleAccessToken(token)) {
            return new CredentialRejected(
                    CredentialRejected.Reason.UNAUTHORIZED,
                    "Apple did not accept this token, "
                            + "and it is not in the usual form of an access token (36 characters in groups of 8-4-4-4-12, "
                            + "like 1a2b3c4d-...): it was probably mistyped or cut short when copying. Copy it again from "
                            + where + ".");
        }
        return new CredentialRejected(
                CredentialRejected.Reason.UNAUTHORIZED,
                "Apple did not accept this access "
                        + "token. Apple gives the same answer when a token has expired (they last 180 days), was replaced "
                        + "by a newer one (generating a token ends the previous), was revoked or has a typo, so we cannot "
                        + "tell which. Copy the current token from " + where
                        + "; if it is the one you pasted, generate a "
                        + "new one there and paste that.");
    }

    private List<DiscoveredAccount> discoverAccounts(String token) {
        List<ReporterAccount> found = reporter.getAccounts(token);
        if (found.isEmpty()) {
            throw new CredentialRejected(
                    CredentialRejected.Reason.NO_ACCOUNTS,
                    "Apple accepted the token, but its Apple ID belongs to no account with access to "
                            + "Sales and Trends. Use the token of an Apple ID with the Sales or Finance role.");
        }
        List<DiscoveredAccount> discovered = new ArrayList<>();
        for (ReporterAccount account : found) {
            List<String> vendors = reporter.getVendors(token, account.number());
            discovered.add(new DiscoveredAccount(
                    account.number(), account.name(), vendors, List.of(), DiscoveredAccount.AppsState.NOT_LOADED));
        }
        discovered.sort(Comparator.comparing(DiscoveredAccount::name, String.CASE_INSENSITIVE_ORDER));
        return discovered;
    }

    /** Step 1 with an API key (Issuer ID, Key ID, .p8) and the account's vendor number. */
    ConnectionService.ApiAccountCheck apiKey(String issuerId, String keyId, String privateKeyPem, String vendorNumber) {
        // The browser's limits are a courtesy; these are the ones that hold.
        requireAtMost(issuerId, CredentialInput.MAX_ISSUER_ID, "The Issuer ID");
        requireAtMost(keyId, CredentialInput.MAX_KEY_ID, "The Key ID");
        requireAtMost(privateKeyPem, CredentialInput.MAX_PRIVATE_KEY, "The private key (.p8)");
        String vendor = requireVendorNumber(vendorNumber);
        try {
            ApiCredential credential = apiTokens.parseKey(
                    CredentialInput.normalise(issuerId),
                    CredentialInput.normalise(keyId),
                    privateKeyPem == null ? "" : privateKeyPem);
            return AppleDeadline.within(interactiveDeadline, () -> checkApi(credential, vendor));
        } catch (AppleFailure failure) {
            throw CredentialRejected.from(failure);
        }
    }

    /** Step 1 with a ready-made API JWT and the account's vendor number. */
    ConnectionService.ApiAccountCheck apiJwt(String rawJwt, String vendorNumber) {
        String jwt = CredentialInput.normalise(rawJwt);
        switch (CredentialInput.shapeOf(jwt)) {
            case EMPTY -> throw new CredentialRejected(CredentialRejected.Reason.EMPTY, "Paste your JWT first.");
            case TOO_LONG -> throw tooLong();
            default -> {
                // ApiTokens checks the JWT's shape and claims, one message per rule; then Apple does.
            }
        }
        String vendor = requireVendorNumber(vendorNumber);
        try {
            ApiCredential credential = apiTokens.checkReadyMade(jwt);
            return AppleDeadline.within(interactiveDeadline, () -> checkApi(credential, vendor));
        } catch (AppleFailure failure) {
            throw CredentialRejected.from(failure);
        }
    }

    private ConnectionService.ApiAccountCheck checkApi(ApiCredential credential, String vendor) {
        List<AppleApp> apps = api.listApps(credential);
        try {
            // Proves the key may read sales, and that the vendor number is its team's. The day before
            // yesterday (Pacific, Apple's report calendar) is always published; yesterday's report
            // only appears at 5 am Pacific.
            api.getDailySalesSummary(
                    credential, vendor, AppleFacts.reportToday(clock).minusDays(2));
        } catch (AppleFailure failure) {
            if (failure.kind() == AppleFailure.Kind.FORBIDDEN) {
                throw new CredentialRejected(
                        CredentialRejected.Reason.FORBIDDEN,
                        "This key cannot read the sales reports of vendor " + vendor + ". Its role needs to be "
                                + "Admin, Finance or Sales, the vendor number must belong to the key's team, and "
                                + "the team's agreements must be in effect.");
            }
            throw failure;
        }
        // The API does not name the team; the verifier learns the name once our user is a member.
        String name = catalog.nameOfVendor(vendor).orElse("Vendor " + vendor);
        List<DiscoveredAccount.DiscoveredApp> discoveredApps = apps.stream()
                .map(app -> new DiscoveredAccount.DiscoveredApp(app.id(), app.name()))
                .sorted(Comparator.comparing(DiscoveredAccount.DiscoveredApp::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        DiscoveredAccount account = new DiscoveredAccount(
                null,
                name,
                List.of(vendor),
                discoveredApps,
                discoveredApps.isEmpty()
                        ? DiscoveredAccount.AppsState.NO_RECENT_SALES
                        : DiscoveredAccount.AppsState.LOADED);
        return new ConnectionService.ApiAccountCheck(new ApiAccess(credential), account);
    }

    private static void requireAtMost(String value, int maxChars, String what) {
        if (value != null && value.length() > maxChars) {
            throw new CredentialRejected(
                    CredentialRejected.Reason.TOO_LONG,
                    what + " is far too long (over " + maxChars + " characters). Paste only the value itself.");
        }
    }

    private static String requireVendorNumber(String vendorNumber) {
        if (vendorNumber != null && vendorNumber.length() > CredentialInput.MAX_VENDOR_NUMBER) {
            throw new CredentialRejected(
                    CredentialRejected.Reason.INVALID_VENDOR_NUMBER,
                    "Enter the account's vendor number: digits only, shown at the top left of App Store Connect "
                            + "> Payments and Financial Reports.");
        }
        String vendor = vendorNumber == null ? "" : vendorNumber.strip();
        if (!AppleFacts.isVendorNumber(vendor)) {
            throw new CredentialRejected(
                    CredentialRejected.Reason.INVALID_VENDOR_NUMBER,
                    "Enter the account's vendor number: digits only, shown at the top left of App Store Connect "
                            + "> Payments and Financial Reports.");
        }
        return vendor;
    }

    private static CredentialRejected tooLong() {
        return new CredentialRejected(
                CredentialRejected.Reason.TOO_LONG,
                "That is too long to be a token (over 4 KB). Paste only the token itself.");
    }
}
