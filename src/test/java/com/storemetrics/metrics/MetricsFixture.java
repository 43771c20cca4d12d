package com.storemetrics.metrics;

import com.storemetrics.SandboxControl;
import com.storemetrics.appstore.AppleCallAccounting;
import com.storemetrics.appstore.ReporterClient;
import com.storemetrics.appstore.SalesReport;
import com.storemetrics.appstore.SalesRow;
import com.storemetrics.integration.ApprovedAccounts;
import com.storemetrics.integration.IntegrationStatus;
import com.storemetrics.support.SupportTestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Test data for store metrics: Approved integrations written straight to the database, our service
 * Apple ID made a member in the sandbox, and the sandbox's own reports summed independently of the
 * importer (product types bucketed by the table in docs/metrics.md, written out again here).
 */
public final class MetricsFixture {

    public static final String PIXEL_FORGE = SandboxControl.PIXEL_FORGE;
    public static final String PIXEL_FORGE_VENDOR = "85000001";
    static final Map<String, String> BUCKET_OF_CODE = Map.ofEntries(
            Map.entry("1F", "DOWNLOADS"),
            Map.entry("3F", "REDOWNLOADS"),
            Map.entry("7F", "UPDATES"),
            Map.entry("IA1", "IN_APP_PURCHASES"),
            Map.entry("IAY", "SUBSCRIPTIONS"));

    private MetricsFixture() {}

    /** An account with an Approved integration of {@code username}; returns the account id. */
    public static long approved(JdbcTemplate jdbc, String username, String number, String name, String vendor) {
        List<Long> existing =
                jdbc.queryForList("SELECT id FROM store_account WHERE account_number = ?", Long.class, number);
        long accountId = existing.isEmpty() ? SupportTestData.account(jdbc, number, name, vendor) : existing.get(0);
        SupportTestData.integration(
                jdbc,
                SupportTestData.userId(jdbc, username),
                accountId,
                IntegrationStatus.APPROVED,
                "Membership seen",
                Instant.now());
        return accountId;
    }

    /** Our service Apple ID accepted an invitation to the account (Apple answers its reports from now on). */
    public static void serviceUserJoins(SandboxControl sandbox, String accountNumber) {
        sandbox.acceptInvitation(sandbox.invite(accountNumber, SandboxControl.SERVICE_APPLE_ID)
                .path("id")
                .asText());
    }

    /**
     * A second importer with these properties, of the context's reports with these names (none: all
     * of them): what a restarted node (or one configured otherwise) runs, sharing nothing in memory
     * with the context's own importer. Tests of one report's import leave the others out.
     */
    public static ReportImporter newImporter(
            ApplicationContext context, MetricsProperties properties, String... reports) {
        List<DailyReport> fetched = context.getBeansOfType(DailyReport.class).values().stream()
                .filter(report -> reports.length == 0 || List.of(reports).contains(report.name()))
                .toList();
        ImportLedger ledger = context.getBean(ImportLedger.class);
        ImportPacing pacing = new ImportPacing(
                context.getBean(JdbcClient.class), properties, context.getBean(AppleCallAccounting.class));
        return new ReportImporter(
                context.getBean(ApprovedAccounts.class),
                fetched,
                ledger,
                context.getBean(DayLedger.class),
                new DueQueues(ledger, context.getBean(DayLedger.class), properties),
                pacing,
                new ImportFailures(
                        ledger,
                        context.getBean(DayLedger.class),
                        pacing,
                        properties,
                        context.getBean(SalesRoleRefusals.class)),
                context.getBean(SalesRoleRefusals.class),
                context.getBean(ImportNotices.class),
                context.getBean(AppleCallAccounting.class),
                context.getBean(PlatformTransactionManager.class),
                properties,
                context.getBean(Clock.class),
                context.getEnvironment().getRequiredProperty("storemetrics.apple.service-access-token"));
    }

    /**
     * The importer of the Sales reports alone. The demo accounts sell subscriptions too; a test of
     * sales figures need not import a year of those as well (on PostgreSQL that doubled its time).
     */
    public static ReportImporter salesImporter(ApplicationContext context) {
        return newImporter(context, context.getBean(MetricsProperties.class), SalesDays.NAME);
    }

    /** The importer of the Sales reports alone, back-filling only the last {@code historyDays}. */
    public static ReportImporter salesImporter(ApplicationContext context, int historyDays) {
        return newImporter(
                context, withHistoryDays(context.getBean(MetricsProperties.class), historyDays), SalesDays.NAME);
    }

    /**
     * The context's properties with a shorter back-fill: a test that reads only recent weeks imports
     * only those (a year of the demo accounts' reports takes a minute on PostgreSQL).
     */
    public static MetricsProperties withHistoryDays(MetricsProperties properties, int historyDays) {
        return new MetricsProperties(
                properties.importInterval(),
                properties.batchSize(),
                properties.startOnApproval(),
                properties.hourlyBudget(),
                properties.hourlyRequestShare(),
                historyDays,
                properties.trailingDays(),
                properties.refetchAfter(),
                properties.notYetRetry(),
                properties.firstBackoff(),
                properties.maxBackoff());
    }

    /**
     * Imports exactly these days of the account's Sales reports, as the importer stores a day Apple
     * published (our service Apple ID's token, over HTTP, the day and its status in one transaction):
     * a test of one fiscal month reads its days, not a back-fill from today.
     */
    public static void importSalesDays(
            ApplicationContext context,
            long accountId,
            String accountNumber,
            String vendor,
            LocalDate from,
            LocalDate to) {
        ReportImporter importer = salesImporter(context);
        DailyReport sales = context.getBean(SalesDays.class);
        String token = context.getEnvironment().getRequiredProperty("storemetrics.apple.service-access-token");
        Clock clock = context.getBean(Clock.class);
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            DailyReport.Day key = new DailyReport.Day(accountId, accountNumber, vendor, day);
            DailyReport.Answer answer = sales.fetch(token, key, clock.instant());
            if (answer.status().isPublished()) {
                importer.storePublished(sales, key, answer, clock.instant());
            }
        }
    }

    /** Runs batches until nothing is left to ask for; returns the Apple requests they made. */
    public static int importUntilIdle(ReportImporter importer) {
        int requests = 0;
        for (int run = 0; run < 200; run++) {
            ReportImporter.RunResult result = importer.runBatch();
            requests += result.requests();
            if (result.idle() || (result.requests() == 0 && result.paused())) {
                return requests;
            }
        }
        throw new AssertionError("the import did not become idle in 200 batches");
    }

    /** Sums of the sandbox's reports for these days, computed here from the raw rows. */
    public record Expected(Map<String, Long> unitsByBucket, long refunds, Map<String, BigDecimal> proceedsByCurrency) {}

    public static Expected fromTheSandbox(
            ReporterClient reporter, String memberToken, String account, String vendor, LocalDate from, LocalDate to) {
        Map<String, Long> units = new TreeMap<>();
        Map<String, BigDecimal> proceeds = new TreeMap<>();
        long refunds = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            SalesReport report = reporter.getDailySalesSummary(memberToken, account, vendor, day);
            for (SalesRow row : report.rows()) {
                if (row.productTypeIdentifier().equals("IA3")) {
                    continue;
                }
                String bucket = BUCKET_OF_CODE.getOrDefault(row.productTypeIdentifier(), "OTHER");
                if (row.units() > 0) {
                    units.merge(bucket, (long) row.units(), Long::sum);
                } else {
                    refunds -= row.units();
                }
                proceeds.merge(
                        row.currencyOfProceeds(),
                        row.developerProceeds().multiply(BigDecimal.valueOf(row.units())),
                        BigDecimal::add);
            }
        }
        proceeds.replaceAll((currency, amount) -> amount.stripTrailingZeros());
        proceeds.values().removeIf(amount -> amount.signum() == 0);
        return new Expected(units, refunds, proceeds);
    }

    /** The same sums from what the importer stored (full grain). */
    public static Expected stored(JdbcTemplate jdbc, long accountId, LocalDate from, LocalDate to) {
        Map<String, Long> units = new TreeMap<>();
        Map<String, BigDecimal> proceeds = new TreeMap<>();
        long[] refunds = {0};
        jdbc.query(
                "SELECT bucket, currency, SUM(units), SUM(refund_units), SUM(proceeds) FROM metrics_daily"
                        + " WHERE account_id = ? AND report_date BETWEEN ? AND ? GROUP BY bucket, currency",
                rs -> {
                    if (rs.getLong(3) > 0) {
                        units.merge(rs.getString(1), rs.getLong(3), Long::sum);
                    }
                    refunds[0] += rs.getLong(4);
                    proceeds.merge(rs.getString(2), rs.getBigDecimal(5), BigDecimal::add);
                },
                accountId,
                from,
                to);
        proceeds.replaceAll((currency, amount) -> amount.stripTrailingZeros());
        proceeds.values().removeIf(amount -> amount.signum() == 0);
        return new Expected(units, refunds[0], proceeds);
    }

    public static Set<String> statusesOf(JdbcTemplate jdbc, long accountId, LocalDate day) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT status FROM metrics_day_import WHERE account_id = ? AND report = 'SALES' AND report_date = ?",
                String.class,
                accountId,
                day));
    }
}
