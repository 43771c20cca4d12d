package com.storemetrics.payments.ui;

import com.storemetrics.metrics.ui.MetricsCsv;
import com.storemetrics.payments.PaymentsOverview.Line;
import com.storemetrics.payments.PaymentsOverview.MonthTotal;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CSV of what the Payments view shows for its filters: every line (not only the top ones on
 * screen), amounts as plain numbers in the line's currency (never converted, never added across
 * currencies), then each month's converted totals with the rates they used; cells written by
 * {@link MetricsCsv#cell}.
 */
final class PaymentsCsv {

    private PaymentsCsv() {}

    static String of(List<Line> lines, String account, String months, String displayCurrency, List<MonthTotal> totals) {
        StringBuilder csv = new StringBuilder();
        row(csv, "Payments", account, months);
        row(
                csv,
                "Settled amounts are Apple's Financial reports (Total_Amount); the Sales estimate adds up the daily"
                        + " Sales reports' proceeds of the same days in the same currency; a line's amounts are in its"
                        + " currency, never converted; the converted totals at the end are estimates at the rates they name");
        csv.append('\n');
        row(
                csv,
                "fiscal_year",
                "fiscal_period",
                "fiscal_month",
                "first_day",
                "last_day",
                "currency",
                "regions",
                "state",
                "settled_by_apple",
                "units",
                "sales_estimate",
                "sales_days_imported",
                "difference",
                "status",
                "what_the_data_shows",
                "possible_reasons");
        for (Line line : lines) {
            row(
                    csv,
                    Integer.toString(line.month().fiscalYear()),
                    Integer.toString(line.month().period()),
                    PaymentTexts.fiscalName(line.month()),
                    line.month().start().toString(),
                    line.month().end().toString(),
                    line.currency(),
                    line.regions(),
                    line.state().name(),
                    plain(line.settled()),
                    line.units() == null ? "" : Long.toString(line.units()),
                    plain(line.estimate()),
                    line.salesDays() == 0 ? "" : line.salesDaysReported() + " of " + line.salesDays(),
                    plain(line.difference()),
                    line.status(),
                    PaymentTexts.evidence(line),
                    PaymentTexts.possibleReasons(line));
        }
        csv.append('\n');
        row(
                csv,
                "fiscal_year",
                "fiscal_period",
                "fiscal_month",
                "settled_by_apple_converted_" + displayCurrency,
                "sales_estimate_converted_" + displayCurrency,
                "exchange_rates",
                "not_converted");
        for (MonthTotal total : totals) {
            row(
                    csv,
                    Integer.toString(total.month().fiscalYear()),
                    Integer.toString(total.month().period()),
                    PaymentTexts.fiscalName(total.month()),
                    MonthTotals.plain(total.settled()),
                    MonthTotals.plain(total.estimate()),
                    total.rates().describe(),
                    String.join(" ", total.excluded()));
        }
        return csv.toString();
    }

    private static String plain(BigDecimal amount) {
        // Every digit Apple sent, and at least the cents: 12.30, not 12.3 or 12.3000.
        return amount == null
                ? ""
                : amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()))
                        .toPlainString();
    }

    private static void row(StringBuilder csv, String... cells) {
        csv.append(Stream.of(cells).map(MetricsCsv::cell).collect(Collectors.joining(",")))
                .append('\n');
    }
}
