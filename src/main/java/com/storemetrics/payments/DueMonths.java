package com.storemetrics.payments;

import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.appstore.FinancialReport;
import com.storemetrics.base.FiscalCalendar;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.integration.ApprovedAccounts.ApprovedAccount;
import com.storemetrics.payments.PaymentsLedger.Month;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which regions' fiscal months of an account the import asks Apple for now: of the last published
 * months, those never asked, and those "not available yet" or failed whose retry time came; newest
 * first. A month's Financial reports are published by the first Friday of the next fiscal month
 * (the sandbox at 5 am Pacific), so the newest one enters the window by itself.
 */
final class DueMonths {

    /** Apple publishes by the first Friday of the next fiscal month; the sandbox at 5 am Pacific. */
    private static final LocalTime PUBLICATION_TIME = LocalTime.of(5, 0);

    /** One region's fiscal month of a vendor of an account, with what is stored of it (null: never asked). */
    record Task(ApprovedAccount account, String vendor, String region, FiscalMonth month, Month stored) {

        /** The month as Apple answered it {@code at}: the row to store. */
        Month answered(
                PaymentsLedger.Status status,
                FinancialReport report,
                Instant at,
                Instant next,
                int failures,
                String note) {
            return new Month(
                    account.accountId(),
                    vendor,
                    region,
                    month.fiscalYear(),
                    month.period(),
                    status,
                    report == null ? null : report.currency(),
                    report == null ? null : report.totalAmount(),
                    report == null ? null : report.totalUnits(),
                    report == null ? null : report.rows().size(),
                    at,
                    next,
                    failures,
                    note);
        }

        @Override
        public String toString() {
            return "account id " + account.accountId() + " vendor " + vendor + " region " + region + " " + month.name();
        }
    }

    private DueMonths() {}

    /** The newest fiscal month Apple has published by {@code now}, by its schedule. */
    static FiscalMonth latestPublished(Instant now) {
        ZonedDateTime pacific = now.atZone(AppleFacts.REPORT_ZONE);
        FiscalMonth month = FiscalCalendar.monthOf(pacific.toLocalDate());
        while (pacific.isBefore(
                month.expectedPublication().atTime(PUBLICATION_TIME).atZone(AppleFacts.REPORT_ZONE))) {
            month = month.previous();
        }
        return month;
    }

    static List<Task> of(
            ApprovedAccount account, PaymentsLedger ledger, FinanceAccessLedger access, int months, Instant now) {
        Map<String, List<String>> regions = access.regions(account.accountId());
        Map<PaymentsLedger.Key, Month> stored = ledger.months(account.accountId());
        List<Task> tasks = new ArrayList<>();
        FiscalMonth month = latestPublished(now);
        for (int i = 0; i < months; i++, month = month.previous()) {
            for (String vendor : account.vendorNumbers()) {
                for (String region : regions.getOrDefault(vendor, List.of())) {
                    Month known =
                            stored.get(new PaymentsLedger.Key(vendor, region, month.fiscalYear(), month.period()));
                    if (known == null
                            || PaymentsLedger.RETRIED.contains(known.status())
                                    && (known.nextAttemptAt() == null
                                            || !known.nextAttemptAt().isAfter(now))) {
                        tasks.add(new Task(account, vendor, region, month, known));
                    }
                }
            }
        }
        return tasks;
    }
}
