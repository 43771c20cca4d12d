package com.storemetrics.support;

import com.storemetrics.appstore.AppleCallAccounting;
import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.appstore.AppleProtocol;
import com.storemetrics.integration.DataWanted;
import com.storemetrics.integration.StoreDataLines;
import com.storemetrics.payments.FinanceRoles;
import com.storemetrics.security.CurrentUser;
import com.storemetrics.security.Roles;
import com.storemetrics.security.SignedInUser;
import com.storemetrics.verification.VerifierHealthService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support console's boundary: every integration of every customer, its history and account,
 * and the verifier's health. Read-only towards integrations: support can create, change or remove
 * none. The only writes are support's own audit trail (opening details is recorded) and asking the
 * verifier for a check now.
 */
@Service
@PreAuthorize("hasRole('" + Roles.SUPPORT + "')")
@Transactional(readOnly = true)
public class SupportService {

    /**
     * Apple's App Store Connect API budget: 3,600 requests per key in a rolling hour (its
     * {@code X-Rate-Limit: user-hour-lim:3600} header; docs/apple-wire-contract.md). The Reporter
     * service publishes no figure; the console counts both protocols against this one budget, which
     * errs on the side of warning early. The embedded sandbox enforces the same figure.
     */
    public static final int APPLE_HOURLY_BUDGET = AppleFacts.HOURLY_REQUEST_BUDGET;

    private static final DateTimeFormatter SINCE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private final EveryIntegration integrations;
    private final SupportAccessLog accessLog;
    private final VerifierHealthService verifier;
    private final AppleCallAccounting appleCalls;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ObjectProvider<StoreDataLines> storeData;
    private final FinanceRoles financeRoles;
    private final String serviceAppleId;

    SupportService(
            EveryIntegration integrations,
            SupportAccessLog accessLog,
            VerifierHealthService verifier,
            AppleCallAccounting appleCalls,
            CurrentUser currentUser,
            Clock clock,
            ObjectProvider<StoreDataLines> storeData,
            FinanceRoles financeRoles,
            @Value("${storemetrics.apple.service-apple-id}") String serviceAppleId) {
        this.integrations = integrations;
        this.accessLog = accessLog;
        this.verifier = verifier;
        this.appleCalls = appleCalls;
        this.currentUser = currentUser;
        this.clock = clock;
        this.storeData = storeData;
        this.financeRoles = financeRoles;
        this.serviceAppleId = serviceAppleId;
    }

    /**
     * One page of integrations matching the filter, sorted by the page's sort (keys: customer,
     * account, status, since, lastChecked, connected) or newest status change first.
     */
    public List<IntegrationOverview> integrations(IntegrationSearchFilter filter, Pageable page) {
        return integrations.search(filter, page);
    }

    /**
     * The rows after {@code after} (a row of an earlier page in this sort and filter), passing over
     * {@code skip} first: keyset paging, see {@link SupportPager}.
     */
    public List<IntegrationOverview> integrationsAfter(
            IntegrationSearchFilter filter, Sort sort, IntegrationOverview after, int skip, int limit) {
        return integrations.searchAfter(filter, sort, after, skip, limit);
    }

    /** How many integrations match the filter. */
    public long countIntegrations(IntegrationSearchFilter filter) {
        return integrations.count(filter);
    }

    /**
     * The details of one integration: history, the account's shared picture, and support's openings
     * of it. Opening them is itself recorded (who, which integration, when), so the answer includes
     * this opening.
     */
    @Transactional
    public SupportIntegrationDetails openDetails(long integrationId) {
        IntegrationOverview row = integrations
                .overview(integrationId)
                .orElseThrow(() -> new NoSuchElementException("No integration " + integrationId));
        SignedInUser staff = currentUser.require();
        accessLog.save(new SupportAccess(
                integrationId,
                staff.userId(),
                staff.getUsername(),
                staff.displayName(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return new SupportIntegrationDetails(
                row,
                integrations.history(integrationId),
                integrations.account(row.accountId()).orElseThrow(),
                accessLog.findOpenings(integrationId),
                storeData.getIfAvailable(() -> StoreDataLines.NONE).importState(row.accountId()),
                payments(
                        row.accountId(), integrations.dataWanted(integrationId).orElse(DataWanted.SALES_AND_PAYMENTS)));
    }

    /**
     * What support reads of the account's Finance role: the customer's line (a problem, or an option
     * not taken by a customer who chose the Sales reports only), and since when Apple refuses it.
     */
    private String payments(long accountId, DataWanted wanted) {
        Instant since = financeRoles.missingAmong(List.of(accountId)).get(accountId);
        if (since == null) {
            return null;
        }
        String line = wanted.payments()
                ? FinanceRoles.neededLine(serviceAppleId)
                : "Payments: not set up; the customer chose the Sales reports only when connecting.";
        return line + " Apple refuses our Financial reports since " + SINCE.format(since) + ".";
    }

    /** The verifier's last findings and this node's Apple requests in the last hour against the budget. */
    public SupportHealth health() {
        return new SupportHealth(
                verifier.status(),
                appleCalls.requestsInLastHour(AppleProtocol.REPORTER),
                appleCalls.requestsInLastHour(AppleProtocol.APP_STORE_CONNECT_API),
                APPLE_HOURLY_BUDGET);
    }

    /**
     * Asks the verifier for a cycle now. False when one is already waiting: pressing twice schedules
     * one. (The scheduler writes its own table; no integration changes here.)
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean recheckNow() {
        return verifier.recheckNow();
    }
}
