package com.storemetrics.payments;

import com.storemetrics.appstore.AppleCallAccounting;
import com.storemetrics.appstore.FinanceReporterClient;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import com.storemetrics.integration.ApprovedAccounts;
import com.storemetrics.metrics.ImportPacing;
import com.storemetrics.metrics.MetricsProperties;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test data for payments: the real import, over HTTP against the sandbox, of only the months a test needs. */
public final class PaymentsFixture {

    private PaymentsFixture() {}

    /** The newest fiscal month Apple (the sandbox) has published by {@code now}. */
    public static FiscalMonth latestPublished(Instant now) {
        return DueMonths.latestPublished(now);
    }

    /**
     * Runs the payments import, keeping only the newest {@code months} published fiscal months,
     * until it has nothing left to ask; returns its Apple requests.
     */
    public static int importMonths(ApplicationContext context, int months) {
        PaymentsProperties defaults = context.getBean(PaymentsProperties.class);
        return importUntilIdle(newImporter(
                context,
                new PaymentsProperties(
                        defaults.importInterval(), months, defaults.accessRecheck(), defaults.notYetRetry())));
    }

    /** A new importer sharing nothing in memory with the context's (what a restarted node runs). */
    public static PaymentsImporter newImporter(ApplicationContext context) {
        return newImporter(context, context.getBean(PaymentsProperties.class));
    }

    /** A new importer with these properties, on the context's beans, clock and service token. */
    public static PaymentsImporter newImporter(ApplicationContext context, PaymentsProperties properties) {
        return new PaymentsImporter(
                context.getBean(ApprovedAccounts.class),
                context.getBean(FinanceReporterClient.class),
                context.getBean(PaymentsLedger.class),
                context.getBean(FinanceAccessLedger.class),
                context.getBean(RoleMissingNotices.class),
                context.getBean(ImportPacing.class),
                context.getBean(AppleCallAccounting.class),
                properties,
                context.getBean(MetricsProperties.class),
                context.getBean(Clock.class),
                context.getEnvironment().getRequiredProperty("storemetrics.apple.service-access-token"));
    }

    /** Runs batches until the import has nothing left to ask (or waits); returns its Apple requests. */
    public static int importUntilIdle(PaymentsImporter importer) {
        int requests = 0;
        for (int run = 0; run < 100; run++) {
            PaymentsImporter.RunResult result = importer.runBatch();
            requests += result.requests();
            if (result.idle() || result.requests() == 0 && result.paused()) {
                return requests;
            }
        }
        throw new AssertionError("the payments import did not become idle in 100 batches");
    }

    /** Apple lists one more region for the vendor (as Finance.getVendorsAndRegions would). */
    public static void listRegion(JdbcTemplate jdbc, long accountId, String vendor, String region) {
        jdbc.update(
                "INSERT INTO payments_region (account_id, vendor_number, region) VALUES (?, ?, ?)",
                accountId,
                vendor,
                region);
    }
}
