package com.storemetrics.sandbox;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * One vendor's daily report file of any type, as both protocols serve it: empty when Apple would
 * answer "no sales" (no sales, no subscriber, no event that day).
 */
final class DailyReports {

    private DailyReports() {}

    /** The gzip file, or empty for Apple's "There were no sales for the date specified." */
    static Optional<byte[]> file(
            ReportType type,
            SandboxWorld.AccountFacts account,
            String vendor,
            LocalDate date,
            LocalDate today,
            String version) {
        List<SandboxApp> apps = account.apps();
        return switch (type) {
            case SALES -> {
                List<SalesLedger.SalesLine> lines = SalesLedger.dailySummary(account.name(), apps, vendor, date, today);
                yield lines.isEmpty() ? Optional.empty() : Optional.of(SalesLedger.gzipTsv(lines));
            }
            case SUBSCRIPTION -> {
                List<SubscriptionLedger.Position> positions =
                        SubscriptionLedger.subscriptionReport(apps, vendor, date, today);
                yield positions.isEmpty()
                        ? Optional.empty()
                        : Optional.of(SubscriptionReportFiles.subscriptionReport(positions, version));
            }
            case SUBSCRIPTION_EVENT -> {
                List<SubscriptionLedger.Event> events = SubscriptionLedger.eventReport(apps, vendor, date, today);
                yield events.isEmpty()
                        ? Optional.empty()
                        : Optional.of(SubscriptionReportFiles.eventReport(events, date, version));
            }
        };
    }

    /** The file name Apple's answer carries ({@code filename} header): Apple's for Sales, the sandbox's choice for the others. */
    static String fileName(ReportType type, String vendor, LocalDate date, String version) {
        String day = date.format(DateTimeFormatter.BASIC_ISO_DATE);
        return switch (type) {
            case SALES -> "S_D_" + vendor + "_" + day + ".txt.gz";
            case SUBSCRIPTION -> "Subscription_" + vendor + "_" + day + "_V" + version + ".txt.gz";
            case SUBSCRIPTION_EVENT -> "Subscription_Event_" + vendor + "_" + day + "_V" + version + ".txt.gz";
        };
    }
}
