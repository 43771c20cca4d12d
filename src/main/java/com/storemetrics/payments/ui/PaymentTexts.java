package com.storemetrics.payments.ui;

import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.metrics.ui.Figures;
import com.storemetrics.payments.FinanceRoles;
import com.storemetrics.payments.PaymentsOverview;
import com.storemetrics.payments.PaymentsOverview.Line;
import com.storemetrics.payments.PaymentsOverview.Reason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the Payments view and its CSV write a line: one place, so screen and file agree. */
final class PaymentTexts {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    /** Shown where a line has no such figure. */
    static final String NONE = "—";

    private PaymentTexts() {}

    /** Apple's fiscal year and period with the calendar month it is named after: "FY2027 P2 (Nov)". */
    static String fiscalName(FiscalMonth month) {
        return month.shortName();
    }

    /** The fiscal month's calendar days: "Nov 1 – Nov 28, 2026". */
    static String days(FiscalMonth month) {
        return SHORT.format(month.start()) + " – " + Figures.DAY.format(month.end());
    }

    static String money(BigDecimal amount, String currency) {
        return amount == null
                ? NONE
                : Figures.money(amount, currency == null ? "" : currency).trim();
    }

    /** A difference with its sign: "+12.30 USD", "-0.45 EUR", "0.00 JPY". */
    static String difference(Line line) {
        if (line.difference() == null) {
            return NONE;
        }
        return (line.difference().signum() > 0 ? "+" : "") + money(line.difference(), line.currency());
    }

    static String units(Line line) {
        return line.units() == null ? NONE : Figures.count(line.units());
    }

    static String currency(Line line) {
        return line.currency() == null ? NONE : line.currency();
    }

    static String regions(Line line) {
        return line.regions().isEmpty() ? "" : (line.regions().contains(",") ? "Regions " : "Region ") + line.regions();
    }

    /** The documented reasons that can explain the line's difference, by their short names. */
    static String possibleReasons(Line line) {
        return line.reasons().isEmpty()
                ? ""
                : "Possible (Apple's reasons): "
                        + line.reasons().stream().map(Reason::words).collect(Collectors.joining("; ")) + ".";
    }

    static String evidence(Line line) {
        return String.join(" ", line.evidence());
    }

    /** What the page says about the account's Financial reports as a whole. */
    static String state(PaymentsOverview overview, String serviceAppleId, Duration importInterval) {
        return switch (overview.access()) {
            case NOT_CHECKED_YET ->
                "Import under way: the payments import has not asked Apple for this account's Financial reports yet."
                        + " It runs every " + importInterval.toMinutes() + " minutes"
                        + "; the newest months come first.";
            case ROLE_MISSING ->
                FinanceRoles.neededLine(serviceAppleId) + " Apple refuses our Financial reports of this"
                        + " account since "
                        + Figures.DAY.format(overview.accessSince().atZone(ZoneOffset.UTC)) + ".";
            case NOT_ASKED ->
                FinanceRoles.notAskedLine(serviceAppleId) + " Apple's Financial reports of this account are refused"
                        + " to our Apple ID since "
                        + Figures.DAY.format(overview.accessSince().atZone(ZoneOffset.UTC)) + ".";
            case CHECK_FAILING ->
                "Apple could not be asked about this account's Financial reports at the last check ("
                        + overview.appleSays() + "); it is asked again soon. What was read before is shown.";
            case PERMITTED ->
                overview.reportsListed() == 0
                        ? "Apple lists no Financial report region for this account yet: nothing is settled so far."
                        : overview.reportsRead() < overview.reportsListed()
                                ? "Import under way: " + overview.reportsRead() + " of " + overview.reportsListed()
                                        + " of Apple's Financial reports of the last published fiscal months are read."
                                : "All " + overview.reportsListed()
                                        + " of Apple's Financial reports of the last published"
                                        + " fiscal months are read.";
        };
    }
}
