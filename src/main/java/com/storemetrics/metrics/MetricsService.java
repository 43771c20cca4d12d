package com.storemetrics.metrics;

import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.integration.ApprovedAccounts;
import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import com.storemetrics.rates.DayRates;
import com.storemetrics.rates.ReferenceRates;
import com.storemetrics.security.CurrentUser;
import com.storemetrics.security.Roles;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Store metrics for the signed-in customer: only accounts they have an Approved integration of;
 * every read checks that first, so no customer sees another's account.
 */
@Service
@PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
public class MetricsService {

    /** An account the customer may see metrics of. */
    public record MetricsAccount(long accountId, String name) {}

    /** An app of the account as the reports name it; {@code key} is its SKU. */
    public record AppOption(String key, String title) {}

    private final ApprovedAccounts approvedAccounts;
    private final MetricsQueries queries;
    private final ImportLedger ledger;
    private final ReferenceRates rates;
    private final MetricsProperties properties;
    private final CurrentUser currentUser;
    private final Clock clock;
    /** The payments feature's settled amounts; absent in a context without it. */
    private final SettledByApple settledByApple;

    MetricsService(
            ApprovedAccounts approvedAccounts,
            MetricsQueries queries,
            ImportLedger ledger,
            ReferenceRates rates,
            MetricsProperties properties,
            CurrentUser currentUser,
            Clock clock,
            ObjectProvider<SettledByApple> settledByApple) {
        this.settledByApple = settledByApple.getIfAvailable();
        this.approvedAccounts = approvedAccounts;
        this.queries = queries;
        this.ledger = ledger;
        this.rates = rates;
        this.properties = properties;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The newest day Apple may have reported: yesterday in Apple's report calendar (Pacific time). */
    public LocalDate lastReportDay() {
        return AppleFacts.reportToday(clock).minusDays(1);
    }

    /** The accounts the signed-in customer has an Approved integration of. */
    public List<MetricsAccount> myAccounts() {
        return mine().stream()
                .map(account -> new MetricsAccount(account.accountId(), account.name()))
                .toList();
    }

    /** The apps the reports of this account have named so far. */
    public List<AppOption> apps(long accountId) {
        ApprovedAccount account = approved(accountId);
        return queries.appTitles(account.accountId()).entrySet().stream()
                .map(entry -> new AppOption(entry.getKey(), entry.getValue()))
                .toList();
    }

    /**
     * Everything the view shows for this account, app (null: all) and period of report days. A
     * period outside {@link PeriodRules} is refused with {@link InvalidPeriod}, an account the
     * customer has no Approved integration of (any more) with {@link AccountNotApproved}.
     */
    public Dashboard dashboard(long accountId, String appKey, LocalDate from, LocalDate to) {
        ApprovedAccount account = approved(accountId);
        LocalDate today = AppleFacts.reportToday(clock);
        // Two days' slack: a range picked just before midnight Pacific may arrive just after it.
        PeriodRules.problem(from, to, today.minusDays(1), 2).ifPresent(problem -> {
            throw new InvalidPeriod(problem);
        });
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousTo = from.minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(length - 1);
        int vendors = Math.max(1, account.vendorNumbers().size());
        Map<String, String> titles = queries.appTitles(accountId);

        List<MetricsQueries.Row> appRows = queries.byApp(accountId, appKey, from, to);
        Set<LocalDate> reported = new HashSet<>(queries.reportedDays(accountId, vendors, from, to));
        boolean weekly = length > 90;
        // The chart's day rows convert each at its day's rates; the period's total is their sum, and
        // every other line of the period converts each currency at the period's proceeds-weighted rate.
        Conversion conversion = new Conversion(daysOf(from, to));
        List<Dashboard.Point> series =
                ChartPoints.of(queries.byDay(accountId, appKey, from, to), reported, from, to, weekly, conversion);
        Map<String, BigDecimal> factors = conversion.weightedFactors();
        Dashboard.Totals current = totals(appRows, factors, conversion.estimated());
        // The previous period is read without its days: each currency at the mean of its days' rates.
        Conversion previousConversion = new Conversion(daysOf(previousFrom, previousTo));
        List<MetricsQueries.Row> previousRows = queries.totals(accountId, appKey, previousFrom, previousTo);
        Dashboard.Totals previous = totals(previousRows, previousConversion.meanFactors(previousRows), null);
        List<Dashboard.Line> byApp = lines(appRows, key -> titles.getOrDefault(key, key), factors);
        List<Dashboard.Line> byCountry = lines(queries.byCountry(accountId, appKey, from, to), key -> key, factors);

        LocalDate historyFrom = today.minusDays(properties.historyDays());
        int done = queries.reportedDays(accountId, vendors, historyFrom, today.minusDays(1))
                .size();
        ImportLedger.ImportRecord state = ledger.record(accountId);
        LocalDate lastReportable = today.minusDays(1).isBefore(to) ? today.minusDays(1) : to;
        int unreported = (int) (ChronoUnit.DAYS.between(from, lastReportable) + 1)
                - reported.size()
                + (int) Math.max(0, ChronoUnit.DAYS.between(lastReportable, to));
        return new Dashboard(
                accountId,
                appKey,
                from,
                to,
                current,
                previous,
                series,
                weekly,
                byApp,
                byCountry,
                queries.publishedUpTo(accountId, vendors).orElse(null),
                Math.max(0, unreported),
                // The caller has the account Approved, so its import runs (or starts with the next batch),
                // whether or not the importer has reconciled since the approval.
                new Dashboard.Progress(
                        Math.min(done, properties.historyDays()),
                        properties.historyDays(),
                        true,
                        state == null ? null : state.currentFailure()),
                rates.displayCurrency(),
                conversion.used(),
                appKey != null || settledByApple == null
                        ? null
                        : settledByApple.within(accountId, from, to).orElse(null));
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

    /**
     * The rows summed; money converted with one factor per currency (display currency per unit; a
     * currency without one is unconverted). {@code estimated}, when given, is the total already
     * converted day by day (the period's own), used instead of the factors' sum.
     */
    private static Dashboard.Totals totals(
            List<MetricsQueries.Row> rows, Map<String, BigDecimal> factors, BigDecimal estimatedByDay) {
        Map<Bucket, Long> units = new EnumMap<>(Bucket.class);
        Map<String, BigDecimal> proceeds = new TreeMap<>();
        long refunds = 0;
        for (MetricsQueries.Row row : rows) {
            units.merge(row.bucket(), row.units(), Long::sum);
            refunds += row.refunds();
            proceeds.merge(row.currency(), row.proceeds(), BigDecimal::add);
        }
        proceeds.values().removeIf(amount -> amount.signum() == 0);
        BigDecimal estimated = BigDecimal.ZERO;
        Set<String> unconverted = new TreeSet<>();
        for (Map.Entry<String, BigDecimal> entry : proceeds.entrySet()) {
            BigDecimal factor = factors.get(entry.getKey());
            if (factor != null) {
                estimated = estimated.add(entry.getValue().multiply(factor, MathContext.DECIMAL64));
            } else {
                unconverted.add(entry.getKey());
            }
        }
        return new Dashboard.Totals(
                units, refunds, proceeds, estimatedByDay == null ? estimated : estimatedByDay, unconverted);
    }

    private static List<Dashboard.Line> lines(
            List<MetricsQueries.Row> rows, Function<String, String> label, Map<String, BigDecimal> factors) {
        Map<String, List<MetricsQueries.Row>> byKey = new LinkedHashMap<>();
        rows.forEach(row ->
                byKey.computeIfAbsent(row.key(), key -> new ArrayList<>()).add(row));
        return byKey.entrySet().stream()
                .map(entry -> new Dashboard.Line(
                        entry.getKey(), label.apply(entry.getKey()), totals(entry.getValue(), factors, null)))
                .sorted(Comparator.comparing(
                                (Dashboard.Line line) -> line.totals().units(Bucket.DOWNLOADS))
                        .reversed()
                        .thenComparing(Dashboard.Line::label))
                .toList();
    }

    /** The rates of each day from {@code from} to {@code to}: a lookup per day of the period, none per row. */
    private DayRates[] daysOf(LocalDate from, LocalDate to) {
        DayRates[] days = new DayRates[(int) ChronoUnit.DAYS.between(from, to) + 1];
        for (int i = 0; i < days.length; i++) {
            days[i] = rates.on(from.plusDays(i));
        }
        return days;
    }
}
