package com.storemetrics.subscriptions;

import com.storemetrics.rates.DayRates;
import com.storemetrics.rates.RatesUsed;
import com.storemetrics.rates.ReferenceRates;
import com.storemetrics.subscriptions.SubscriptionDashboard.Line;
import com.storemetrics.subscriptions.SubscriptionDashboard.Mrr;
import com.storemetrics.subscriptions.SubscriptionDashboard.Snapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One report day's active subscriptions added up: in total and per subscription or country, with
 * proceeds-based MRR (active paid x Developer Proceeds per subscription x the duration's monthly
 * factor, per currency; estimated in the display currency at the report day's reference rates, or the
 * last earlier ones). Subscriptions
 * whose duration has no factor are left out of MRR and named.
 */
final class Snapshots {

    private final Map<String, SubscriptionProducts.Product> products;
    private final ReferenceRates rates;
    private final Set<String> withoutDuration = new TreeSet<>();

    Snapshots(Map<String, SubscriptionProducts.Product> products, ReferenceRates rates) {
        this.products = products;
        this.rates = rates;
    }

    /** Counts and MRR of one group of rows. */
    private final class Sum {
        final DayRates dayRates;
        long paid;
        long trials;
        long atRisk;
        final Map<String, BigDecimal> mrr = new TreeMap<>();

        Sum(DayRates dayRates) {
            this.dayRates = dayRates;
        }

        void add(SubscriptionQueries.ActiveRow row) {
            paid += row.paid();
            trials += row.trials();
            atRisk += row.atRisk();
            if (row.paid() == 0) {
                return;
            }
            SubscriptionProducts.Product product = products.get(row.subscriptionId());
            Optional<BigDecimal> factor = Durations.monthlyFactor(product == null ? null : product.duration());
            if (factor.isEmpty()) {
                withoutDuration.add(product == null ? row.subscriptionId() : product.name());
                return;
            }
            mrr.merge(
                    row.currency(),
                    row.proceeds().multiply(BigDecimal.valueOf(row.paid())).multiply(factor.get()),
                    BigDecimal::add);
        }

        Mrr mrr() {
            BigDecimal estimated = BigDecimal.ZERO;
            Set<String> unconverted = new TreeSet<>();
            for (Map.Entry<String, BigDecimal> amount : mrr.entrySet()) {
                Optional<BigDecimal> converted = dayRates.toDisplay(amount.getKey(), amount.getValue());
                if (converted.isPresent()) {
                    estimated = estimated.add(converted.get());
                } else {
                    unconverted.add(amount.getKey());
                }
            }
            return new Mrr(Map.copyOf(mrr), estimated, Set.copyOf(unconverted));
        }
    }

    Snapshot total(LocalDate day, List<SubscriptionQueries.ActiveRow> rows) {
        if (day == null) {
            return Snapshot.none();
        }
        Sum sum = new Sum(rates.on(day));
        rows.forEach(sum::add);
        return new Snapshot(day, sum.paid, sum.trials, sum.atRisk, sum.mrr());
    }

    /**
     * Table lines per {@code key} (subscription or country) from the day's rows and the period's
     * new subscriptions and cancellations per key; most active paid first.
     */
    List<Line> lines(
            LocalDate day,
            List<SubscriptionQueries.ActiveRow> rows,
            Function<SubscriptionQueries.ActiveRow, String> key,
            Map<String, Flows> flows,
            Function<String, String> label) {
        DayRates dayRates = rates.on(day);
        Map<String, Sum> sums = new LinkedHashMap<>();
        rows.forEach(row ->
                sums.computeIfAbsent(key.apply(row), k -> new Sum(dayRates)).add(row));
        flows.keySet().forEach(k -> sums.computeIfAbsent(k, none -> new Sum(dayRates)));
        List<Line> lines = new ArrayList<>(sums.size());
        sums.forEach((k, sum) -> {
            Flows keyFlows = flows.getOrDefault(k, new Flows());
            Mrr mrr = sum.mrr();
            lines.add(new Line(
                    k,
                    label.apply(k),
                    sum.paid,
                    sum.trials,
                    sum.atRisk,
                    keyFlows.activations(),
                    keyFlows.cancellations(),
                    mrr.estimated(),
                    perCurrency(mrr)));
        });
        lines.sort(Comparator.comparingLong(Line::activePaid).reversed().thenComparing(Line::label));
        return lines;
    }

    /** The rates the snapshots of these days convert at (a day null: none published, the period's end). */
    RatesUsed used(LocalDate day, LocalDate previousDay, LocalDate to) {
        RatesUsed used = rates.on(day == null ? to : day).used();
        return previousDay == null ? used : used.and(rates.on(previousDay).used());
    }

    Set<String> withoutDuration() {
        return withoutDuration;
    }

    static String perCurrency(Mrr mrr) {
        if (mrr.perCurrency().isEmpty()) {
            return "-";
        }
        return new TreeMap<>(mrr.perCurrency())
                .entrySet().stream()
                        .map(amount -> amount.getValue()
                                        .setScale(2, RoundingMode.HALF_UP)
                                        .toPlainString() + " " + amount.getKey())
                        .collect(Collectors.joining(", "));
    }

    /** Event totals added up per key. */
    static Map<String, Flows> flowsByKey(List<SubscriptionQueries.EventSum> events) {
        Map<String, Flows> byKey = new HashMap<>();
        events.forEach(event -> byKey.computeIfAbsent(event.key(), k -> new Flows())
                .add(event.event(), event.offerType(), event.reason(), event.quantity()));
        return byKey;
    }

    /** Event totals added up. */
    static Flows flows(List<SubscriptionQueries.EventSum> events) {
        Flows flows = new Flows();
        events.forEach(event -> flows.add(event.event(), event.offerType(), event.reason(), event.quantity()));
        return flows;
    }
}
