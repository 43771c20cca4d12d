package com.storemetrics.payments;

import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.metrics.SalesProceeds;
import com.storemetrics.payments.PaymentsLedger.Key;
import com.storemetrics.payments.PaymentsLedger.Month;
import com.storemetrics.payments.PaymentsLedger.Status;
import com.storemetrics.payments.PaymentsOverview.Line;
import com.storemetrics.payments.PaymentsOverview.Reason;
import com.storemetrics.payments.PaymentsOverview.State;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sets each published fiscal month's Financial reports beside the daily Sales proceeds of the same
 * days, per currency, and says which of Apple's documented reasons the neighbouring months support
 * (docs/payments.md, "The Payments view"). Pure: it reads nothing itself. Only the report totals
 * are stored, so a tax adjustment can be named as possible, never shown; no figure is made up.
 */
final class Reconciliation {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.US);

    /** A region of a vendor, and what is stored of its month (null: not read yet). */
    private record Region(String code, Month stored) {}

    private Reconciliation() {}

    /** A month Apple has not published by today: in progress, or ended and awaited. */
    static Line unpublished(FiscalMonth month, LocalDate today) {
        String status = (month.end().isBefore(today)
                        ? "Not published yet: "
                        : "In progress until " + DAY.format(month.end()) + "; ")
                + "Apple is expected to publish its Financial reports by " + DAY.format(month.expectedPublication())
                + ".";
        return new Line(
                month, null, "", State.NOT_PUBLISHED, null, null, null, 0, 0, null, status, List.of(), List.of());
    }

    /** The lines of a published month, one per currency, by currency code. */
    static List<Line> published(
            FiscalMonth month,
            Map<String, List<String>> regionsByVendor,
            Map<Key, Month> stored,
            SalesProceeds.Days sales) {
        Map<String, List<Region>> byCurrency = new TreeMap<>();
        regionsByVendor.forEach((vendor, regions) -> {
            for (String code : regions) {
                Month known = stored.get(new Key(vendor, code, month.fiscalYear(), month.period()));
                String currency =
                        known != null && known.currency() != null ? known.currency() : RegionCurrencies.of(code);
                byCurrency
                        .computeIfAbsent(currency == null ? "region " + code : currency, c -> new ArrayList<>())
                        .add(new Region(code, known));
            }
        });
        List<Line> lines = new ArrayList<>();
        byCurrency.forEach((currency, regions) -> lines.add(line(month, currency, regions, sales)));
        if (sales.complete()) {
            sales.proceeds().forEach((currency, amount) -> {
                if (!byCurrency.containsKey(currency) && amount.signum() != 0) {
                    lines.add(new Line(
                            month,
                            currency,
                            "",
                            State.SALES_ONLY,
                            null,
                            null,
                            amount,
                            sales.days(),
                            sales.reportedDays(),
                            null,
                            "Sales in " + currency + ", but Apple lists no Financial report region in " + currency
                                    + " for this account: nothing to set it beside.",
                            List.of(),
                            List.of()));
                }
            });
        }
        return lines;
    }

    private static Line line(FiscalMonth month, String key, List<Region> regions, SalesProceeds.Days sales) {
        String currency = key.startsWith("region ") ? null : key;
        String codes =
                String.join(", ", regions.stream().map(Region::code).distinct().toList());
        List<Month> known = regions.stream().map(Region::stored).toList();
        State state;
        String status;
        if (known.contains(null)) {
            long read = known.stream()
                    .filter(m -> m != null && m.status().isFinal())
                    .count();
            state = State.IMPORTING;
            status = "Import under way: " + read + " of " + known.size() + " report(s) of this currency read.";
        } else if (has(known, Status.FAILED)) {
            state = State.FAILED;
            Month failed = first(known, Status.FAILED);
            status = (failed.note() == null ? "Apple's file could not be read." : failed.note())
                    + (failed.nextAttemptAt() == null ? "" : " Asked again after the back-off.");
        } else if (has(known, Status.NOT_YET)) {
            state = State.NOT_PUBLISHED;
            status = "Apple had not published it on " + DAY.format(month.expectedPublication())
                    + ", when it was expected; it is asked again every few hours.";
        } else if (has(known, Status.REFUSED)) {
            state = State.REFUSED;
            status =
                    "Apple refused this report: " + first(known, Status.REFUSED).note();
        } else {
            return settled(month, currency, codes, known, sales);
        }
        return new Line(
                month,
                currency,
                codes,
                state,
                null,
                null,
                null,
                sales.days(),
                sales.reportedDays(),
                null,
                status,
                List.of(),
                List.of());
    }

    private static Line settled(
            FiscalMonth month, String currency, String codes, List<Month> known, SalesProceeds.Days sales) {
        BigDecimal settled = BigDecimal.ZERO;
        long units = 0;
        boolean data = false;
        for (Month m : known) {
            if (m.status() == Status.DATA) {
                data = true;
                settled = settled.add(m.settledAmount());
                units += m.settledUnits() == null ? 0 : m.settledUnits();
            }
        }
        BigDecimal estimate = null;
        BigDecimal difference = null;
        String status;
        if (!sales.complete()) {
            status = "Sales estimate not ready: the daily Sales reports of " + sales.reportedDays() + " of the "
                    + sales.days() + " days are imported so far.";
        } else {
            estimate = currency == null ? BigDecimal.ZERO : sales.proceeds().getOrDefault(currency, BigDecimal.ZERO);
            difference = settled.subtract(estimate);
            status = difference.signum() == 0
                    ? "Apple settled exactly the Sales estimate."
                    : "Apple settled " + money(difference.abs(), currency)
                            + (difference.signum() > 0 ? " more" : " less") + " than the Sales estimate.";
        }
        if (!data) {
            status = "No sales: Apple settled nothing in " + codes + ". " + status;
        }
        return new Line(
                month,
                currency,
                codes,
                data ? State.SETTLED : State.NO_SALES,
                settled,
                units,
                estimate,
                sales.days(),
                sales.reportedDays(),
                difference,
                status,
                difference == null || difference.signum() == 0 ? List.of() : List.of(Reason.values()),
                List.of());
    }

    private static boolean has(List<Month> months, Status status) {
        return months.stream().anyMatch(m -> m.status() == status);
    }

    private static Month first(List<Month> months, Status status) {
        return months.stream().filter(m -> m.status() == status).findFirst().orElseThrow();
    }

    static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + (currency == null ? "" : " " + currency);
    }
}
