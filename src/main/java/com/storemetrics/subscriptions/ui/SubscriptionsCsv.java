package com.storemetrics.subscriptions.ui;

import com.storemetrics.metrics.ui.MetricsCsv;
import com.storemetrics.subscriptions.Flows;
import com.storemetrics.subscriptions.SubscriptionDashboard;
import com.storemetrics.subscriptions.SubscriptionDashboard.Line;
import com.storemetrics.subscriptions.SubscriptionDashboard.Point;
import com.storemetrics.subscriptions.SubscriptionDashboard.Snapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CSV of what the view shows: the cards (this period and the previous), the chart's points,
 * cancellations by reason and both tables. Cells are written by {@link MetricsCsv#cell}: one that a
 * spreadsheet would run as a formula ({@code = + - @}, not a plain number) gets a leading apostrophe.
 */
final class SubscriptionsCsv {

    private SubscriptionsCsv() {}

    static String of(SubscriptionDashboard dashboard, String account, String choice) {
        StringBuilder csv = new StringBuilder();
        row(
                csv,
                "Subscriptions",
                account,
                choice,
                dashboard.from().toString(),
                dashboard.to().toString());
        row(
                csv,
                "MRR estimated in " + dashboard.displayCurrency() + " at the report day's exchange rates",
                dashboard.rates().describe());
        row(csv, "figure", "this period", "previous period");
        snapshot(
                csv,
                "report day",
                dashboard.current(),
                dashboard.previous(),
                s -> s.day() == null ? "" : s.day().toString());
        snapshot(csv, "active paid", dashboard.current(), dashboard.previous(), s -> count(s, s.activePaid()));
        snapshot(csv, "free trials", dashboard.current(), dashboard.previous(), s -> count(s, s.freeTrials()));
        snapshot(csv, "at risk", dashboard.current(), dashboard.previous(), s -> count(s, s.atRisk()));
        snapshot(
                csv,
                "MRR estimated " + dashboard.displayCurrency(),
                dashboard.current(),
                dashboard.previous(),
                s -> s.day() == null ? "" : money(s.mrr().estimated()));
        Flows now = dashboard.flows();
        Flows before = dashboard.previousFlows();
        row(csv, "new subscriptions", Long.toString(now.activations()), Long.toString(before.activations()));
        row(csv, "free trials ended", Long.toString(now.trialsEnded()), Long.toString(before.trialsEnded()));
        row(
                csv,
                "free trials turned paid",
                Long.toString(now.trialConversions()),
                Long.toString(before.trialConversions()));
        row(csv, "cancellations", Long.toString(now.cancellations()), Long.toString(before.cancellations()));
        row(csv, "refunds", Long.toString(now.refunds()), Long.toString(before.refunds()));
        row(csv, "churn rate", rate(dashboard.churnRate()), rate(dashboard.previousChurnRate()));
        csv.append('\n');
        row(csv, "day", "active paid", "free trials");
        for (Point point : dashboard.series()) {
            row(
                    csv,
                    point.start().toString(),
                    point.reported() ? Long.toString(point.activePaid()) : "not reported",
                    point.reported() ? Long.toString(point.freeTrials()) : "not reported");
        }
        csv.append('\n');
        row(csv, "cancellation reason", "cancellations");
        now.cancellationsByReason().forEach((reason, count) -> row(csv, reason, Long.toString(count)));
        lines(csv, "subscription", dashboard.byProduct(), dashboard.displayCurrency());
        lines(csv, "country", dashboard.byCountry(), dashboard.displayCurrency());
        return csv.toString();
    }

    private static void lines(StringBuilder csv, String what, List<Line> lines, String currency) {
        csv.append('\n');
        row(
                csv,
                what,
                "active paid",
                "free trials",
                "at risk",
                "new",
                "cancellations",
                "MRR estimated " + currency,
                "MRR per currency");
        for (Line line : lines) {
            row(
                    csv,
                    line.label(),
                    Long.toString(line.activePaid()),
                    Long.toString(line.freeTrials()),
                    Long.toString(line.atRisk()),
                    Long.toString(line.activations()),
                    Long.toString(line.cancellations()),
                    money(line.mrrEstimated()),
                    line.mrrPerCurrency());
        }
    }

    private static void snapshot(
            StringBuilder csv, String figure, Snapshot now, Snapshot before, Function<Snapshot, String> value) {
        row(csv, figure, value.apply(now), value.apply(before));
    }

    private static String count(Snapshot snapshot, long value) {
        return snapshot.day() == null ? "not reported" : Long.toString(value);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String rate(Double rate) {
        return rate == null
                ? ""
                : BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static void row(StringBuilder csv, String... cells) {
        csv.append(Stream.of(cells).map(MetricsCsv::cell).collect(Collectors.joining(",")))
                .append('\n');
    }
}
