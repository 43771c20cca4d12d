package com.storemetrics.appstore;

import com.storemetrics.appstore.AppleFailure.Kind;
import com.storemetrics.appstore.AppleHttp.Answer;
import com.storemetrics.appstore.FinancialReportAnswer.Outcome;
import com.storemetrics.appstore.ReporterExchange.Accepted;
import com.storemetrics.appstore.ReporterExchange.Service;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The Reporter's finance commands over HTTP (docs/apple-wire-contract.md, section 1, "Finance
 * service"; docs/payments.md), through the same {@link ReporterExchange} as the Sales commands:
 * the form, retries while Apple is unavailable, and Apple's errors as {@link AppleFailure}s. What is
 * an answer rather than a failure here: "no sales", "not available yet", a 403 for lack of role and
 * a 400 in Apple's words. A report whose trailer lines disagree with its rows is a failure,
 * "Apple's file is inconsistent", never data.
 */
@Component
public class FinanceReporterClient {

    private static final Pattern REGION = Pattern.compile("[A-Z0-9]{2}");

    private final AppStoreProperties properties;
    private final ReporterExchange exchange;

    FinanceReporterClient(
            AppStoreProperties properties, AppleEndpoints endpoints, AppleCallAccounting accounting, Clock clock) {
        this.properties = properties;
        this.exchange = new ReporterExchange(properties, endpoints, accounting, clock);
    }

    /** {@code Finance.getVendorsAndRegions} for one account; a 403 (no Finance role) is {@code permitted == false}. */
    public FinanceAccess vendorsAndRegions(String accessToken, String accountNumber) {
        String account = ReporterClient.number(accountNumber, "account number");
        String what = "Finance.getVendorsAndRegions account " + account;
        Answer answer = exchange.ask(
                Service.FINANCE,
                accessToken,
                account,
                "Finance.getVendorsAndRegions",
                what,
                Accepted.SUCCESS_OR_NO_ROLE);
        if (answer.status() == 403) {
            return new FinanceAccess(false, List.of(), ReporterExchange.message(answer));
        }
        ReporterExchange.requireXml(answer, what);
        return new FinanceAccess(
                true, ReporterClient.read(what, () -> ReporterXml.vendorsAndRegions(answer.body())), "");
    }

    /**
     * {@code Finance.getReport, VENDOR,REGION,Financial,FISCALYEAR,PERIOD}: one region's report of a
     * fiscal month (Apple's periods: 1 is October), read by header name and checked against its
     * trailer lines and the month asked for.
     */
    public FinancialReportAnswer financialReport(
            String accessToken, String accountNumber, String vendorNumber, String region, FiscalMonth month) {
        String account = ReporterClient.number(accountNumber, "account number");
        String vendor = ReporterClient.number(vendorNumber, "vendor number");
        String code = region == null ? "" : region.trim().toUpperCase(Locale.ROOT);
        if (!REGION.matcher(code).matches()) {
            throw new IllegalArgumentException("a region code is two letters, like US or EU");
        }
        if (month == null) {
            throw new IllegalArgumentException("a fiscal month is required");
        }
        String what = "Finance.getReport vendor " + vendor + " region " + code + " fiscal " + month.fiscalYear()
                + " period " + month.period();
        String command =
                "Finance.getReport, " + vendor + "," + code + ",Financial," + month.fiscalYear() + "," + month.period();
        Answer answer = exchange.ask(Service.FINANCE, accessToken, account, command, what, Accepted.FINANCIAL_REPORT);
        if (!answer.isSuccess()) {
            String appleSays = AppleAnswers.quote(ReporterExchange.message(answer));
            return FinancialReportAnswer.of(
                    switch (answer.status()) {
                        case 403 -> Outcome.FORBIDDEN;
                        case 400 -> Outcome.REFUSED;
                        default ->
                            ReporterExchange.saysNotYet(appleSays) ? Outcome.NOT_YET_AVAILABLE : Outcome.NO_SALES;
                    },
                    appleSays);
        }
        ReporterExchange.requireGzip(answer, what);
        FinancialReportTsv.Parsed parsed;
        try {
            parsed = ReporterClient.read(
                    what, () -> FinancialReportTsv.parseGzip(answer.body(), ReporterClient.unpacked(properties)));
        } catch (InconsistentReport inconsistent) {
            throw new AppleFailure(
                    Kind.UNEXPECTED_ANSWER,
                    "Apple's file is inconsistent: its totals do not match its rows, so it was not used. Apple "
                            + "usually corrects such a file; it is asked for again later.",
                    what + ": " + inconsistent.getMessage());
        }
        if (parsed.rows().isEmpty()) {
            throw ReporterExchange.unexpected(
                    what, "a Financial report without rows (Apple says \"no sales\" for a month without any)");
        }
        for (FinancialRow row : parsed.rows()) {
            if (!row.startDate().equals(month.start()) || !row.endDate().equals(month.end())) {
                throw ReporterExchange.unexpected(
                        what,
                        "a row for " + row.startDate() + " to " + row.endDate() + " in the report of fiscal month "
                                + month.start() + " to " + month.end());
            }
        }
        return new FinancialReportAnswer(
                Outcome.DATA,
                new FinancialReport(
                        vendor,
                        code,
                        month,
                        parsed.currency(),
                        parsed.rows(),
                        parsed.totalAmount(),
                        parsed.totalUnits(),
                        parsed.unknownColumns()),
                "");
    }
}
