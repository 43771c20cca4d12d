package com.storemetrics.payments;

import com.storemetrics.appstore.FinanceAccess;
import com.storemetrics.appstore.VendorRegions;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** Test-side access to the payments import's write paths, for harnesses outside this package (benchmarks). */
public final class PaymentsBenchAccess {

    private PaymentsBenchAccess() {}

    /** What the import records when Apple lists these report regions of the vendor: the Finance role is there. */
    public static void permitted(ApplicationContext context, long accountId, String vendor, List<String> regions) {
        Instant now = Instant.now();
        context.getBean(FinanceAccessLedger.class)
                .recordAccess(
                        accountId,
                        new FinanceAccess(
                                true,
                                List.of(new VendorRegions(
                                        vendor,
                                        regions.stream()
                                                .map(region -> new VendorRegions.Region(region, List.of("Financial")))
                                                .toList())),
                                null),
                        now,
                        now.plus(1, ChronoUnit.DAYS),
                        since -> {});
    }

    /** What the import stores for a region's month whose Financial report had data. */
    public static void settled(
            ApplicationContext context,
            long accountId,
            String vendor,
            String region,
            FiscalMonth month,
            String currency,
            BigDecimal amount,
            long units,
            int rows) {
        context.getBean(PaymentsLedger.class)
                .store(new PaymentsLedger.Month(
                        accountId,
                        vendor,
                        region,
                        month.fiscalYear(),
                        month.period(),
                        PaymentsLedger.Status.DATA,
                        currency,
                        amount,
                        units,
                        rows,
                        Instant.now(),
                        null,
                        0,
                        null));
    }

    /** The newest fiscal month Apple has published by now, as the import and the view count it. */
    public static FiscalMonth latestPublished() {
        return DueMonths.latestPublished(Instant.now());
    }

    /** The currency of one of Apple's report regions. */
    public static String currencyOf(String region) {
        return RegionCurrencies.of(region);
    }
}
