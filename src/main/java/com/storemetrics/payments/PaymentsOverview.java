package com.storemetrics.payments;

import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.rates.RatesUsed;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the Payments view shows of one account: whether Apple lets our service Apple ID read its
 * Financial reports, how far the import has read them, and one line per fiscal month and region
 * currency (docs/payments.md, "The Payments view"). A line's amounts are in its currency, never
 * converted; {@code totals} add each published month's lines up in {@code displayCurrency}, marked
 * as converted, at the reference rates of the month's last day.
 *
 * @param latestPublished the newest fiscal month Apple has published by its schedule (later lines: not yet)
 * @param reportsRead   (region, month) reports of the window Apple has answered for good (a file, "no sales", a refusal)
 * @param reportsListed (region, month) reports of the window: every listed region of every vendor, per month
 */
public record PaymentsOverview(
        long accountId,
        Access access,
        String appleSays,
        Instant accessSince,
        Instant nextCheckAt,
        int reportsRead,
        int reportsListed,
        FiscalMonth latestPublished,
        List<Line> lines,
        String displayCurrency,
        List<MonthTotal> totals) {

    /** What Apple last said about our service Apple ID and the account's Financial reports. */
    public enum Access {
        /** The import has not asked Apple yet (it starts within its interval of the approval). */
        NOT_CHECKED_YET,
        PERMITTED,
        /** Apple refused the reports: our service Apple ID lacks the Finance role. */
        ROLE_MISSING,
        /**
         * Apple refused the reports, and the customer chose the Sales reports only when connecting:
         * payments are an option not taken, not a problem.
         */
        NOT_ASKED,
        /** Asking Apple failed; what was known before stays and is shown. */
        CHECK_FAILING
    }

    /** What a line can say. */
    public enum State {
        /** Apple's file is in: settled amount and units (and the estimate once its Sales days are in). */
        SETTLED,
        /** Apple said "no sales" for every region of the currency: a real zero. */
        NO_SALES,
        /** Apple has not published the month (yet): when it is expected. */
        NOT_PUBLISHED,
        /** The import has not read every region of the currency yet. */
        IMPORTING,
        /** Apple's file failed (inconsistent, unreadable): no numbers, the stored note. */
        FAILED,
        /** Apple refused the request in its words (a region or period it does not take). */
        REFUSED,
        /** Sales proceeds in a currency none of the account's report regions settles. */
        SALES_ONLY
    }

    /** Apple's documented reasons why the Sales estimate and the Financial report differ. */
    public enum Reason {
        MONTH_END_SALES("sales at the fiscal month's end can fall into the next month's report"),
        LATE_RETURNS("returns and refunds appear in the report of the month Apple processes them"),
        ADJUSTMENTS("tax adjustments and corrections appear in the report of the month Apple processes them");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One fiscal month and currency. {@code settled}, {@code units}: Apple's Total_Amount and
     * Total_Units added over the currency's regions and the account's vendors (null unless SETTLED
     * or NO_SALES); {@code estimate}: the daily Sales proceeds in the currency of the month's days
     * (null until every one of those days is imported); {@code difference}: settled minus estimate
     * (null without both); {@code status}: the line's state in words; {@code reasons}: the documented
     * reasons that can explain a difference, {@code evidence}: what the neighbouring months show.
     */
    public record Line(
            FiscalMonth month,
            String currency,
            String regions,
            State state,
            BigDecimal settled,
            Long units,
            BigDecimal estimate,
            int salesDays,
            int salesDaysReported,
            BigDecimal difference,
            String status,
            List<Reason> reasons,
            List<String> evidence) {}

    /**
     * One fiscal month's lines converted into the display currency and added up, at the reference
     * rates of the month's last day (or the last earlier working day) that {@code rates} names:
     * {@code settled} of the lines Apple settled, {@code estimate} of the lines with a Sales estimate
     * (each null when no line has one); {@code excluded} names the currencies without a rate, left out.
     */
    public record MonthTotal(
            FiscalMonth month, BigDecimal settled, BigDecimal estimate, RatesUsed rates, Set<String> excluded) {}
}
