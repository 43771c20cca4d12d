package com.storemetrics.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Apple's Sales and Trends "Reporter" service (contract section 1): one form field
 * {@code jsonRequest}, XML answers in Robot.XML mode, XML errors with 400/401/403/404.
 */
@RestController
@ConditionalOnSandbox
class ReporterController {

    static final String PATH = "/sandbox/apple/reportservice";
    static final MediaType GZIP = MediaType.parseMediaType("application/a-gzip");
    static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    /** Apple keeps daily reports for a year. */
    static final int DAYS_AVAILABLE = 365;

    private final SandboxWorld world;
    private final SandboxClock clock;
    private final ObjectMapper json;
    private final FinanceReporter finance;

    ReporterController(SandboxWorld world, SandboxClock clock, ObjectMapper json, FaultInjector faults) {
        this.world = world;
        this.clock = clock;
        this.json = json;
        this.finance = new FinanceReporter(world, clock, faults);
    }

    @PostMapping(PATH + "/{service:sales|finance}/v1")
    ResponseEntity<?> handle(@PathVariable String service, HttpServletRequest request) {
        try {
            ReporterQuery query = ReporterQuery.parse(json, request.getParameter("jsonRequest"));
            String appleId =
                    world.appleIdOfUsableToken(query.accessToken()).orElseThrow(() -> ReporterError.UNAUTHORIZED);
            return switch (service + ":" + query.command()) {
                case "sales:Sales.getAccounts", "finance:Finance.getAccounts" -> accounts(appleId);
                case "sales:Sales.getVendors" -> vendors(appleId, query);
                case "sales:Sales.getReport" -> report(appleId, query);
                case "finance:Finance.getVendorsAndRegions" -> finance.vendorsAndRegions(appleId, query);
                case "finance:Finance.getReport" -> finance.report(appleId, query);
                default ->
                    throw ReporterError.invalid(
                            "unknown command " + query.command() + " for the " + service + " service");
            };
        } catch (ReporterError error) {
            return ResponseEntity.status(error.status)
                    .contentType(XML)
                    .body(XML_DECLARATION + "<Error><Code>" + error.code + "</Code><Message>" + xml(error.getMessage())
                            + "</Message></Error>");
        }
    }

    private ResponseEntity<String> accounts(String appleId) {
        StringBuilder body = new StringBuilder(XML_DECLARATION).append("<Accounts>");
        for (SandboxWorld.AccountFacts account : world.accountsOf(appleId)) {
            body.append("<Account><Name>")
                    .append(xml(account.name()))
                    .append("</Name><Number>")
                    .append(account.number())
                    .append("</Number></Account>");
        }
        return ResponseEntity.ok()
                .contentType(XML)
                .body(body.append("</Accounts>").toString());
    }

    private ResponseEntity<String> vendors(String appleId, ReporterQuery query) {
        if (!query.arguments().isEmpty()) {
            throw ReporterError.invalid("Sales.getVendors takes no arguments");
        }
        SandboxWorld.AccountFacts account =
                reportableAccount(world, appleId, query.account(), SandboxWorld.REPORT_ROLES, ReporterError.FORBIDDEN);
        StringBuilder body = new StringBuilder(XML_DECLARATION).append("<Vendors>");
        account.vendors()
                .forEach(vendor -> body.append("<Vendor>").append(vendor).append("</Vendor>"));
        return ResponseEntity.ok()
                .contentType(XML)
                .body(body.append("</Vendors>").toString());
    }

    /**
     * {@code Sales.getReport, VENDOR,TYPE,Summary,Daily,YYYYMMDD[,VERSION]} for the daily Sales
     * summary and the daily Subscription and Subscription Event reports: the version first, then the
     * account and vendor, then the day (kept for a year; published the next morning, the subscription
     * reports a day later), then the file or "no sales".
     */
    private ResponseEntity<byte[]> report(String appleId, ReporterQuery query) {
        List<String> args = query.arguments();
        if (args.size() != 5 && args.size() != 6) {
            throw ReporterError.invalid("Sales.getReport takes VENDOR,TYPE,Summary,Daily,YYYYMMDD[,VERSION]");
        }
        ReportType type = ReportType.named(args.get(1))
                .filter(named -> named.reporterName.equals(args.get(1)))
                .orElseThrow(() -> ReporterError.invalid(
                        "the sandbox serves Sales, Subscription and SubscriptionEvent reports only"));
        if (!args.get(2).equals("Summary") || !args.get(3).equals("Daily")) {
            throw ReporterError.invalid("the sandbox serves Summary,Daily reports only");
        }
        String version = requireVersion(type, args.size() == 6 ? args.get(5) : null);
        LocalDate date;
        try {
            date = LocalDate.parse(args.get(4), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw ReporterError.invalid("the report date must be YYYYMMDD");
        }
        SandboxWorld.AccountFacts account =
                reportableAccount(world, appleId, query.account(), SandboxWorld.REPORT_ROLES, ReporterError.FORBIDDEN);
        String vendor = args.get(0);
        if (!account.vendors().contains(vendor)) {
            throw ReporterError.invalid("vendor number " + vendor + " does not belong to account " + account.number());
        }
        LocalDate today = clock.today();
        if (date.isAfter(today) || date.isBefore(today.minusDays(DAYS_AVAILABLE))) {
            throw ReporterError.NOT_AVAILABLE;
        }
        if (!clock.isPublished(date, type.daysToPublish)) {
            throw ReporterError.NOT_YET;
        }
        byte[] file = DailyReports.file(type, account, vendor, date, today, version)
                .orElseThrow(() -> ReporterError.NO_SALES);
        return ResponseEntity.ok()
                .contentType(GZIP)
                .header("filename", DailyReports.fileName(type, vendor, date, version))
                .header("downloadmsg", "Your file has been downloaded.")
                .body(file);
    }

    /**
     * Apple's answers about the report version; returns the version to write. Sales: without a
     * required version, none or 1_0 is fine; with one, exactly that. The subscription reports: a
     * version must be given, 1_3 or 1_4 (the latest), or exactly the required one. Apple's wording,
     * both ways; its status code is unconfirmed (400 here).
     */
    private String requireVersion(ReportType type, String asked) {
        String required = world.requiredReportVersion(type);
        boolean accepted;
        String latest;
        if (type == ReportType.SALES) {
            latest = required == null ? "1_0" : required;
            accepted = asked == null ? required == null : asked.equals(latest);
        } else {
            latest = required == null ? SubscriptionReportFiles.LATEST_VERSION : required;
            accepted = asked != null
                    && (required == null ? SubscriptionReportFiles.VERSIONS.contains(asked) : asked.equals(required));
        }
        if (accepted) {
            return asked == null ? latest : asked;
        }
        throw new ReporterError(
                HttpStatus.BAD_REQUEST,
                216,
                asked == null
                        ? "Please include the version parameter. The latest version for this report is " + latest + "."
                        : "The version parameter you have specified is invalid. The latest version for this report is "
                                + latest + ".");
    }

    /**
     * The account a report command is about: the one named, which the Apple ID must be a member of
     * with one of {@code roles} (else {@code refusal}); without {@code account}, the Apple ID's only account.
     */
    static SandboxWorld.AccountFacts reportableAccount(
            SandboxWorld world, String appleId, String accountNumber, Set<String> roles, ReporterError refusal) {
        List<SandboxWorld.AccountFacts> accounts = world.accountsOf(appleId);
        SandboxWorld.AccountFacts account;
        if (accountNumber == null) {
            if (accounts.size() > 1) {
                throw ReporterError.invalid("this Apple ID belongs to several accounts; name one with \"account\"");
            }
            account = accounts.stream().findFirst().orElseThrow(() -> ReporterError.FORBIDDEN);
        } else {
            account = accounts.stream()
                    .filter(a -> a.number().equals(accountNumber))
                    .findFirst()
                    .orElseThrow(() -> ReporterError.FORBIDDEN);
        }
        if (world.rolesOf(appleId, account.number()).stream().noneMatch(roles::contains)) {
            throw refusal;
        }
        return account;
    }

    static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
