package com.storemetrics.sandbox;

import com.storemetrics.base.FiscalCalendar;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;

/**
 * The Reporter's finance commands (docs/apple-wire-contract.md, section 1): which vendors and regions
 * have Financial reports, and one region's report of a fiscal month, published by the first Friday
 * of the next fiscal month (5 am Pacific here) and kept for two years. Only the Account Holder,
 * Admins and Finance members may read them.
 */
final class FinanceReporter {

    /** How long the sandbox keeps Financial reports. */
    static final int YEARS_AVAILABLE = 2;

    private final SandboxWorld world;
    private final SandboxClock clock;
    private final FaultInjector faults;

    FinanceReporter(SandboxWorld world, SandboxClock clock, FaultInjector faults) {
        this.world = world;
        this.clock = clock;
        this.faults = faults;
    }

    /** {@code Finance.getVendorsAndRegions}: every vendor of the account with the regions its storefronts sell in. */
    ResponseEntity<String> vendorsAndRegions(String appleId, ReporterQuery query) {
        if (!query.arguments().isEmpty()) {
            throw ReporterError.invalid("Finance.getVendorsAndRegions takes no arguments");
        }
        SandboxWorld.AccountFacts account = financeAccount(appleId, query);
        StringBuilder body = new StringBuilder(ReporterController.XML_DECLARATION).append("<VendorsAndRegions>");
        for (String vendor : account.vendors()) {
            body.append("<Vendor><Number>").append(vendor).append("</Number>");
            for (String region : FinancialReports.REGION_BY_CURRENCY.values()) {
                body.append("<Region><Code>")
                        .append(region)
                        .append("</Code><Reports><Report>Financial</Report></Reports></Region>");
            }
            body.append("</Vendor>");
        }
        return ResponseEntity.ok()
                .contentType(ReporterController.XML)
                .body(body.append("</VendorsAndRegions>").toString());
    }

    /**
     * {@code Finance.getReport, VENDOR,REGION,Financial,FISCALYEAR,PERIOD}: the arguments first (a
     * bad period or region is a 400), then the account and role, then the month's availability, then
     * the file or "no sales".
     */
    ResponseEntity<byte[]> report(String appleId, ReporterQuery query) {
        List<String> args = query.arguments();
        if (args.size() != 5) {
            throw ReporterError.invalid("Finance.getReport takes VENDOR,REGION,Financial,FISCALYEAR,PERIOD");
        }
        if (!args.get(2).equals("Financial")) {
            throw ReporterError.invalid("the sandbox serves the Financial report only, not " + args.get(2));
        }
        if (!args.get(3).matches("20[0-9]{2}")) {
            throw ReporterError.invalid("the fiscal year must be four digits, like 2026");
        }
        if (!args.get(4).matches("[0-9]{1,2}")
                || Integer.parseInt(args.get(4)) < 1
                || Integer.parseInt(args.get(4)) > 12) {
            throw ReporterError.invalid("the fiscal period must be 1 (October) to 12 (September), not " + args.get(4));
        }
        String region = args.get(1);
        if (!FinancialReports.APPLE_REGIONS.contains(region)) {
            throw ReporterError.invalid(region + " is not a region code");
        }
        if (region.equals("ZZ")) {
            throw ReporterError.invalid("the sandbox serves one region per request, not ZZ (all regions)");
        }
        SandboxWorld.AccountFacts account = financeAccount(appleId, query);
        String vendor = args.get(0);
        if (!account.vendors().contains(vendor)) {
            throw ReporterError.invalid("vendor number " + vendor + " does not belong to account " + account.number());
        }
        FiscalMonth month = FiscalCalendar.month(Integer.parseInt(args.get(3)), Integer.parseInt(args.get(4)));
        LocalDate today = clock.today();
        if (month.end().isBefore(today.minusYears(YEARS_AVAILABLE))) {
            throw ReporterError.NOT_AVAILABLE;
        }
        if (!isPublished(month)) {
            throw ReporterError.FINANCIAL_NOT_YET;
        }
        List<FinancialReports.Row> rows = FinancialReports.rows(account, vendor, region, month);
        if (rows.isEmpty()) {
            throw ReporterError.NO_SALES_IN_PERIOD;
        }
        return ResponseEntity.ok()
                .contentType(ReporterController.GZIP)
                .header("filename", FinancialReports.fileName(vendor, region, month))
                .header("downloadmsg", "Your file has been downloaded.")
                .body(FinancialReports.gzipTsv(rows, month, faults.takeInconsistentTrailer()));
    }

    /** From 5 am Pacific on the month's expected publication day (the first Friday of the next fiscal month). */
    boolean isPublished(FiscalMonth month) {
        return clock.isPublished(month.expectedPublication().minusDays(1), 1);
    }

    private SandboxWorld.AccountFacts financeAccount(String appleId, ReporterQuery query) {
        return ReporterController.reportableAccount(
                world, appleId, query.account(), SandboxWorld.FINANCE_ROLES, ReporterError.NO_FINANCE_ROLE);
    }
}
