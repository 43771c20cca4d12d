package com.storemetrics.subscriptions;

import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.integration.ApprovedAccounts;
import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import com.storemetrics.metrics.AccountNotApproved;
import com.storemetrics.metrics.ImportStatus;
import com.storemetrics.metrics.InvalidPeriod;
import com.storemetrics.metrics.MetricsProperties;
import com.storemetrics.metrics.MetricsService.MetricsAccount;
import com.storemetrics.metrics.PeriodRules;
import com.storemetrics.rates.ReferenceRates;
import com.storemetrics.security.CurrentUser;
import com.storemetrics.security.Roles;
import com.storemetrics.subscriptions.SubscriptionDashboard.Snapshot;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Subscriptions for the signed-in customer: only accounts they have an Approved integration of;
 * every read checks that first ({@link AccountNotApproved} otherwise), so no customer sees another's
 * account. Definitions of every figure: docs/subscriptions.md.
 */
@Service
@PreAuthorize("hasRole('" + Roles.CUSTOMER + "')")
public class SubscriptionService {

    /** Apple publishes a day's subscription reports two days after it. */
    static final int LAG_DAYS = 2;

    private final ApprovedAccounts approvedAccounts;
    private final SubscriptionQueries queries;
    private final SubscriptionProducts products;
    private final ReferenceRates rates;
    private final ImportStatus importStatus;
    private final MetricsProperties properties;
    private final CurrentUser currentUser;
    private final Clock clock;

    SubscriptionService(
            ApprovedAccounts approvedAccounts,
            SubscriptionQueries queries,
            SubscriptionProducts products,
            ReferenceRates rates,
            ImportStatus importStatus,
            MetricsProperties properties,
            CurrentUser currentUser,
            Clock clock) {
        this.approvedAccounts = approvedAccounts;
        this.queries = queries;
        this.products = products;
        this.rates = rates;
        this.importStatus = importStatus;
        this.properties = properties;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The newest day Apple may have published subscription reports for (Pacific time): two days ago. */
    public LocalDate lastReportDay() {
        return AppleFacts.reportToday(clock).minusDays(LAG_DAYS);
    }

    /** The accounts the signed-in customer has an Approved integration of. */
    public List<MetricsAccount> myAccounts() {
        return mine().stream()
                .map(account -> new MetricsAccount(account.accountId(), account.name()))
                .toList();
    }

    /** The apps, subscription groups and subscriptions the account's reports have named, in that order. */
    public List<SubscriptionChoice> choices(long accountId) {
        approved(accountId);
        List<SubscriptionProducts.Product> all = products.of(accountId);
        List<SubscriptionChoice> choices = new ArrayList<>();
        Map<String, String> apps = new LinkedHashMap<>();
        Map<String, List<SubscriptionProducts.Product>> groups = new LinkedHashMap<>();
        for (SubscriptionProducts.Product product : all) {
            apps.putIfAbsent(product.appAppleId(), product.appName());
            groups.computeIfAbsent(product.groupId(), id -> new ArrayList<>()).add(product);
        }
        apps.forEach(
                (id, name) -> choices.add(new SubscriptionChoice(SubscriptionChoice.Kind.APP, id, "App: " + name)));
        groups.forEach((id, members) -> choices.add(new SubscriptionChoice(
                SubscriptionChoice.Kind.GROUP,
                id,
                "Group " + id + ": "
                        + members.stream()
                                .map(SubscriptionProducts.Product::name)
                                .collect(Collectors.joining(", ")))));
        all.forEach(product -> choices.add(new SubscriptionChoice(
                SubscriptionChoice.Kind.SUBSCRIPTION, product.subscriptionId(), product.name())));
        return choices;
    }

    /**
     * Everything the view shows for this account, choice of subscriptions (null: all) and period of
     * report days. A period outside {@link PeriodRules} (ending two days ago) is refused with
     * {@link InvalidPeriod}.
     */
    public SubscriptionDashboard dashboard(long accountId, SubscriptionChoice choice, LocalDate from, LocalDate to) {
        ApprovedAccount account = approved(accountId);
        LocalDate lastDay = lastReportDay();
        PeriodRules.problem(from, to, lastDay, 2).ifPresent(problem -> {
            throw new InvalidPeriod(problem);
        });
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousTo = from.minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(length - 1);
        int vendors = Math.max(1, account.vendorNumbers().size());
        Map<String, SubscriptionProducts.Product> catalogue = new LinkedHashMap<>();
        products.of(accountId).forEach(product -> catalogue.put(product.subscriptionId(), product));
        Collection<String> ids = chosen(choice, catalogue);

        Set<LocalDate> reported =
                new HashSet<>(queries.reportedDays(accountId, vendors, previousFrom.minusDays(1), to));
        LocalDate day = lastReported(reported, from, to);
        LocalDate previousDay = lastReported(reported, previousFrom, previousTo);
        Snapshots snapshots = new Snapshots(catalogue, rates);
        List<SubscriptionQueries.ActiveRow> active = day == null ? List.of() : queries.active(accountId, day, ids);
        Snapshot current = snapshots.total(day, active);
        Snapshot previous = snapshots.total(
                previousDay, previousDay == null ? List.of() : queries.active(accountId, previousDay, ids));

        List<SubscriptionQueries.EventSum> productEvents = queries.events(accountId, from, to, ids, "subscription_id");
        Flows flows = Snapshots.flows(productEvents);
        Flows previousFlows = Snapshots.flows(queries.events(accountId, previousFrom, previousTo, ids, "'all'"));
        Long beforePrevious = reported.contains(previousFrom.minusDays(1))
                ? queries.byDay(accountId, previousFrom.minusDays(1), previousFrom.minusDays(1), ids)[0][0]
                : null;

        Function<String, String> productName =
                id -> catalogue.containsKey(id) ? catalogue.get(id).name() : id;
        List<SubscriptionDashboard.Line> byProduct = snapshots.lines(
                day == null ? to : day,
                active,
                SubscriptionQueries.ActiveRow::subscriptionId,
                Snapshots.flowsByKey(productEvents),
                productName);
        List<SubscriptionDashboard.Line> byCountry = snapshots.lines(
                day == null ? to : day,
                active,
                SubscriptionQueries.ActiveRow::country,
                Snapshots.flowsByKey(queries.events(accountId, from, to, ids, "country")),
                country -> country);

        boolean weekly = length > 90;
        LocalDate today = AppleFacts.reportToday(clock);
        int done = queries.reportedDays(accountId, vendors, today.minusDays(properties.historyDays()), lastDay)
                .size();
        int window = properties.historyDays() - LAG_DAYS + 1;
        return new SubscriptionDashboard(
                accountId,
                from,
                to,
                current,
                previous,
                flows,
                previousFlows,
                rate(flows.paidEnded(), previous.day() == null ? null : previous.activePaid()),
                rate(previousFlows.paidEnded(), beforePrevious),
                SubscriptionSeries.points(queries.byDay(accountId, from, to, ids), reported, from, to, weekly),
                weekly,
                byProduct,
                byCountry,
                queries.publishedUpTo(accountId, vendors).orElse(null),
                SubscriptionSeries.unreported(reported, from, to),
                queries.mismatchedDays(accountId, from, to),
                new SubscriptionDashboard.Progress(
                        Math.min(done, window), window, importStatus.currentFailure(accountId)),
                snapshots.withoutDuration(),
                rates.displayCurrency(),
                snapshots.used(day, previousDay, to));
    }

    private static Double rate(long ended, Long base) {
        return base == null || base == 0 ? null : ended / (double) base;
    }

    private static LocalDate lastReported(Set<LocalDate> reported, LocalDate from, LocalDate to) {
        for (LocalDate day = to; !day.isBefore(from); day = day.minusDays(1)) {
            if (reported.contains(day)) {
                return day;
            }
        }
        return null;
    }

    /** The Subscription Apple IDs of the choice (null: all); never empty, so that "IN" always has a value. */
    private static Collection<String> chosen(
            SubscriptionChoice choice, Map<String, SubscriptionProducts.Product> catalogue) {
        if (choice == null) {
            return null;
        }
        Set<String> ids = catalogue.values().stream()
                .filter(product -> switch (choice.kind()) {
                    case APP -> product.appAppleId().equals(choice.key());
                    case GROUP -> product.groupId().equals(choice.key());
                    case SUBSCRIPTION -> product.subscriptionId().equals(choice.key());
                })
                .map(SubscriptionProducts.Product::subscriptionId)
                .collect(Collectors.toSet());
        return ids.isEmpty() ? Set.of(choice.key()) : ids;
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
