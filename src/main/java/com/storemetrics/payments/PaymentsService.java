package com.storemetrics.payments;

import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.integration.ApprovedAccounts;
import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import com.storemetrics.integration.IntegrationRecords;
import com.storemetrics.metrics.AccountNotApproved;
import com.storemetrics.metrics.MetricsService.MetricsAccount;
import com.storemetrics.metrics.SalesProceeds;
import com.storemetrics.payments.PaymentsOverview.Access;
import com.storemetrics.payments.PaymentsOverview.Line;
import com.storemetrics.rates.ReferenceRates;
import com.storemetrics.security.CurrentUser;
import com.storemetrics.security.Roles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments for the signed-in customer: only accounts they have an Approved integration of; every
 * read checks that first ({@link AccountNotApproved} otherwise), so no customer sees another's
 * account. What Apple settled per fiscal month and region currency, beside the daily Sales
 * estimate of the same days (docs/payments.md, "The Payments view").
 */
@Service
@PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
@Transactional(readOnly = true)
public class PaymentsService {

    private final ApprovedAccounts approvedAccounts;
    private final IntegrationRecords integrations;
    private final PaymentsLedger ledger;
    private final FinanceAccessLedger access;
    private final SalesProceeds sales;
    private final ReferenceRates rates;
    private final PaymentsProperties properties;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final String serviceAppleId;

    PaymentsService(
            ApprovedAccounts approvedAccounts,
            IntegrationRecords integrations,
            PaymentsLedger ledger,
            FinanceAccessLedger access,
            SalesProceeds sales,
            ReferenceRates rates,
            PaymentsProperties properties,
            CurrentUser currentUser,
            Clock clock,
            @Value("${storemetrics.apple.service-apple-id}") String serviceAppleId) {
        this.serviceAppleId = serviceAppleId;
        this.approvedAccounts = approvedAccounts;
        this.integrations = integrations;
        this.ledger = ledger;
        this.access = access;
        this.sales = sales;
        this.rates = rates;
        this.properties = properties;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The accounts the signed-in customer has an Approved integration of. */
    public List<MetricsAccount> myAccounts() {
        return mine().stream()
                .map(account -> new MetricsAccount(account.accountId(), account.name()))
                .toList();
    }

    /**
     * The account's payments, newest fiscal month first: months Apple has not published yet (with
     * when it is expected to), then the import's window of published months, one line per currency.
     */
    public PaymentsOverview overview(long accountId) {
        ApprovedAccount account = approved(accountId);
        Instant now = clock.instant();
        Optional<FinanceAccessLedger.Access> known = access.access(accountId);
        if (known.isEmpty()) {
            return new PaymentsOverview(
                    accountId,
                    Access.NOT_CHECKED_YET,
                    null,
                    null,
                    null,
                    0,
                    0,
                    latestPublished(),
                    List.of(),
                    rates.displayCurrency(),
                    List.of());
        }
        FinanceAccessLedger.Access said = known.get();
        if (Boolean.FALSE.equals(said.permitted())) {
            boolean salesOnly = !integrations
                    .salesOnly(currentUser.require().userId(), List.of(accountId))
                    .isEmpty();
            return new PaymentsOverview(
                    accountId,
                    salesOnly ? Access.NOT_ASKED : Access.ROLE_MISSING,
                    said.appleSays(),
                    said.refusedSince() != null ? said.refusedSince() : said.checkedAt(),
                    said.nextCheckAt(),
                    0,
                    0,
                    latestPublished(),
                    List.of(),
                    rates.displayCurrency(),
                    List.of());
        }
        Map<String, List<String>> regions = access.regions(accountId);
        Map<PaymentsLedger.Key, PaymentsLedger.Month> stored = ledger.months(accountId);
        LocalDate today = AppleFacts.reportToday(clock);
        FiscalMonth latest = DueMonths.latestPublished(now);
        List<Line> lines = new ArrayList<>();
        List<Line> awaited = new ArrayList<>();
        for (FiscalMonth month = latest.next(); !month.start().isAfter(today); month = month.next()) {
            awaited.add(0, Reconciliation.unpublished(month, today));
        }
        lines.addAll(awaited);
        int vendors = account.vendorNumbers().size();
        int listed = 0;
        int read = 0;
        FiscalMonth month = latest;
        for (int i = 0; i < properties.months(); i++, month = month.previous()) {
            lines.addAll(Reconciliation.published(
                    month, regions, stored, sales.of(accountId, vendors, month.start(), month.end())));
            for (Map.Entry<String, List<String>> vendor : regions.entrySet()) {
                for (String region : vendor.getValue()) {
                    listed++;
                    PaymentsLedger.Month answer = stored.get(
                            new PaymentsLedger.Key(vendor.getKey(), region, month.fiscalYear(), month.period()));
                    if (answer != null && answer.status().isFinal()) {
                        read++;
                    }
                }
            }
        }
        List<Line> withEvidence = Evidence.of(lines);
        return new PaymentsOverview(
                accountId,
                said.permitted() == null ? Access.CHECK_FAILING : Access.PERMITTED,
                said.appleSays(),
                said.checkedAt(),
                said.nextCheckAt(),
                read,
                listed,
                latest,
                withEvidence,
                rates.displayCurrency(),
                ConvertedTotals.of(withEvidence, rates));
    }

    /** The Apple ID customers give the Finance role to (the words of "needs the Finance role"). */
    public String serviceAppleId() {
        return serviceAppleId;
    }

    /** How often the payments import runs: the wait before a new account's first months. */
    public Duration importInterval() {
        return properties.importInterval();
    }

    private FiscalMonth latestPublished() {
        return DueMonths.latestPublished(clock.instant());
    }

    private List<ApprovedAccount> mine() {
        return approvedAccounts.ofCustomer(currentUser.require().userId());
    }

    private ApprovedAccount approved(long accountId) {
        return mine().stream()
                .filter(account -> account.accountId() == accountId)
                .findFirst()
                .orElseThrow(AccountNotApproved::new);
    }
}
