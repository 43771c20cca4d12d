package com.storemetrics.payments;

import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.payments.PaymentsOverview.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the data shows about each difference between a fiscal month's settled amount and its Sales
 * estimate (docs/payments.md, "Why they differ"): an amount moved from one month into the next makes
 * the two months' differences of a currency go opposite ways. Only figures already on the page are
 * named; the report's rows, which alone tell the reasons apart, are not stored.
 */
final class Evidence {

    private Evidence() {}

    /**
     * The lines with what the neighbouring months of the same currency show about each difference:
     * an amount moved from one fiscal month into the next makes their differences go opposite ways.
     */
    static List<Line> of(List<Line> lines) {
        Map<String, BigDecimal> differences = new TreeMap<>();
        lines.forEach(line -> {
            if (line.difference() != null) {
                differences.put(key(line.month(), line.currency()), line.difference());
            }
        });
        return lines.stream()
                .map(line -> line.reasons().isEmpty() ? line : withEvidence(line, differences))
                .toList();
    }

    private static Line withEvidence(Line line, Map<String, BigDecimal> differences) {
        BigDecimal difference = line.difference();
        BigDecimal next = differences.get(key(line.month().next(), line.currency()));
        BigDecimal previous = differences.get(key(line.month().previous(), line.currency()));
        List<String> evidence = new ArrayList<>();
        String currency = line.currency();
        if (next != null && next.signum() == -difference.signum()) {
            evidence.add(
                    difference.signum() < 0
                            ? "The next month settled " + money(next, currency)
                                    + " more than its Sales days: consistent with sales at this month's end processed in the next month."
                            : "The next month settled " + money(next.abs(), currency)
                                    + " less than its Sales days: consistent with refunds at this month's end processed in the next month.");
        }
        if (previous != null && previous.signum() == -difference.signum()) {
            evidence.add(
                    difference.signum() < 0
                            ? "The previous month settled " + money(previous, currency)
                                    + " more than its Sales days: consistent with its month-end refunds processed in this month."
                            : "The previous month settled " + money(previous.abs(), currency)
                                    + " less than its Sales days: consistent with its month-end sales processed in this month.");
        }
        if (evidence.isEmpty() && next != null && previous != null) {
            evidence.add("Neither neighbouring month goes the other way: an adjustment processed this month (a tax"
                    + " adjustment or correction) is the likelier reason.");
        }
        if (next == null) {
            evidence.add("The next month is not compared yet: what moved into it will show there.");
        }
        if (previous == null) {
            evidence.add("The previous month is not compared here: what moved from it does not show.");
        }
        evidence.add("Only the report's rows tell the reasons apart; they are not stored yet.");
        return new Line(
                line.month(),
                line.currency(),
                line.regions(),
                line.state(),
                line.settled(),
                line.units(),
                line.estimate(),
                line.salesDays(),
                line.salesDaysReported(),
                line.difference(),
                line.status(),
                line.reasons(),
                List.copyOf(evidence));
    }

    private static String key(FiscalMonth month, String currency) {
        return month.fiscalYear() + "-" + month.period() + "-" + currency;
    }

    private static String money(BigDecimal amount, String currency) {
        return Reconciliation.money(amount, currency);
    }
}
