package com.storemetrics.metrics;

import com.storemetrics.appstore.AppleFacts;
import com.storemetrics.integration.StoreDataLines;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The line under an Approved row's badge on Data Integration: "Data up to Dec 1, 2026" once the
 * history is in, "Importing sales history: 120 of 365 days" while the back-fill runs, "Sales import
 * starting" before the first day arrived. One query for a page of rows: per (account, vendor) the
 * newest published day and the number of published days in the history window. An account's data
 * reaches as far as its least advanced vendor.
 */
@Component
@Transactional(readOnly = true)
class MetricsDataLines implements StoreDataLines {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(java.time.ZoneOffset.UTC);

    /** What a row says while Apple refuses our service user the account's Sales reports for lack of a role. */
    static final String SALES_ROLE_NEEDED = "Sales reports: needs the Sales role";

    private final MetricsQueries queries;
    private final ImportLedger ledger;
    private final MetricsProperties properties;
    private final Clock clock;
    private final String salesRoleLine;

    MetricsDataLines(
            MetricsQueries queries,
            ImportLedger ledger,
            MetricsProperties properties,
            Clock clock,
            @Value("${storemetrics.apple.service-apple-id}") String serviceAppleId) {
        this.queries = queries;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
        this.salesRoleLine = SALES_ROLE_NEEDED + ". The Account Holder or an Admin gives " + serviceAppleId
                + " the Sales role in App Store Connect > Users and Access; we see it at the next daily check.";
    }

    @Override
    public Map<Long, String> roleLines(Collection<Long> accountIds) {
        Map<Long, String> lines = new HashMap<>();
        ledger.salesRefusedSince(accountIds).keySet().forEach(account -> lines.put(account, salesRoleLine));
        return lines;
    }

    @Override
    public Map<Long, String> lines(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        LocalDate today = AppleFacts.reportToday(clock);
        LocalDate historyFrom = today.minusDays(properties.historyDays());
        Map<Long, Progress> progress = new HashMap<>();
        for (MetricsQueries.VendorProgress vendor : queries.vendorProgress(List.copyOf(accountIds), historyFrom)) {
            progress.merge(vendor.accountId(), new Progress(vendor.newestDay(), vendor.days()), Progress::leastOf);
        }
        Map<Long, String> lines = new HashMap<>();
        for (Long accountId : accountIds) {
            lines.put(accountId, line(progress.get(accountId), properties.historyDays()));
        }
        return lines;
    }

    @Override
    public String importState(long accountId) {
        LocalDate today = AppleFacts.reportToday(clock);
        Progress progress =
                queries.vendorProgress(List.of(accountId), today.minusDays(properties.historyDays())).stream()
                        .map(vendor -> new Progress(vendor.newestDay(), vendor.days()))
                        .reduce(Progress::leastOf)
                        .orElse(null);
        ImportLedger.ImportRecord record = ledger.record(accountId);
        String running = record == null
                ? "Sales import: not started (it starts with the account's first approval)"
                : record.active()
                        ? "Sales import: running"
                        : "Sales import: stopped (no Approved integration left;" + " the imported days are kept)";
        String reach = progress == null
                ? "no day imported yet"
                : "last day imported " + DAY.format(progress.newestDay()) + ", " + progress.days() + " of "
                        + properties.historyDays() + " days of history";
        Instant refusedSince = ledger.salesRefusedSince(List.of(accountId)).get(accountId);
        String role = refusedSince == null
                ? ""
                : " · " + salesRoleLine + " Apple refuses our Sales reports since " + MOMENT.format(refusedSince) + ".";
        String failure = record == null || record.lastFailureAt() == null
                ? "no failure"
                : "last failure " + record.lastFailure() + " at " + MOMENT.format(record.lastFailureAt())
                        + (record.consecutiveFailures() > 0
                                ? " (" + record.consecutiveFailures() + " in a row, retrying)"
                                : " (recovered since)");
        return running + " · " + reach + " · " + failure + role;
    }

    static String line(Progress progress, int historyDays) {
        if (progress == null) {
            return "Sales import starting";
        }
        // Yesterday's report may not be published yet: a history one day short of the window is complete.
        if (progress.days() >= historyDays - 1) {
            return "Data up to " + DAY.format(progress.newestDay());
        }
        return "Importing sales history: " + progress.days() + " of " + historyDays + " days · data up to "
                + DAY.format(progress.newestDay());
    }

    record Progress(LocalDate newestDay, int days) {

        Progress leastOf(Progress other) {
            return new Progress(
                    newestDay.isBefore(other.newestDay) ? newestDay : other.newestDay, Math.min(days, other.days));
        }
    }
}
