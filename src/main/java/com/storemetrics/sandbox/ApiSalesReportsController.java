package com.storemetrics.sandbox;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The App Store Connect API's {@code GET /v1/salesReports}: a daily Sales summary, Subscription or
 * Subscription Event report, gzipped, as Apple serves it.
 */
@RestController
@ConditionalOnSandbox
class ApiSalesReportsController {

    private final ApiGate gate;
    private final SandboxWorld world;
    private final SandboxClock clock;

    ApiSalesReportsController(ApiGate gate, SandboxWorld world, SandboxClock clock) {
        this.gate = gate;
        this.world = world;
        this.clock = clock;
    }

    @GetMapping(JsonApi.PATH + "/salesReports")
    ResponseEntity<Object> salesReport(HttpServletRequest request) {
        ApiGate.Caller caller = gate.authenticate(request);
        if (!caller.hasRole("ADMIN", "FINANCE", "SALES")) {
            throw ApiError.forbidden("The API key in use does not allow this request");
        }
        expectFilter(request, "filter[frequency]", "DAILY");
        String typeName = request.getParameter("filter[reportType]");
        if (typeName == null) {
            throw ApiError.invalidParameter("The parameter 'filter[reportType]' is required");
        }
        ReportType type = ReportType.named(typeName)
                .filter(named -> named.apiName.equals(typeName))
                .orElseThrow(() -> ApiError.invalidParameter("'" + typeName
                        + "' is not a supported value for the parameter 'filter[reportType]' (the sandbox serves "
                        + "SALES, SUBSCRIPTION and SUBSCRIPTION_EVENT)"));
        expectFilter(request, "filter[reportSubType]", "SUMMARY");
        String version = version(type, request.getParameter("filter[version]"));
        String vendor = request.getParameter("filter[vendorNumber]");
        if (vendor == null || vendor.isBlank()) {
            throw ApiError.invalidParameter("The parameter 'filter[vendorNumber]' is required");
        }
        String dateText = request.getParameter("filter[reportDate]");
        LocalDate date;
        try {
            date = LocalDate.parse(dateText == null ? "" : dateText);
        } catch (DateTimeParseException e) {
            throw ApiError.invalidParameter("The parameter 'filter[reportDate]' must be a date YYYY-MM-DD");
        }
        SandboxWorld.AccountFacts team = world.account(caller.account()).orElseThrow();
        if (!team.vendors().contains(vendor)) {
            throw ApiError.forbidden("The vendor number " + vendor + " does not belong to this team");
        }
        LocalDate today = clock.today();
        if (date.isAfter(today) || date.isBefore(today.minusDays(ReporterController.DAYS_AVAILABLE))) {
            throw ApiError.notFound("Reports are not available for the date specified.");
        }
        if (!clock.isPublished(date, type.daysToPublish)) {
            throw ApiError.notFound(ReporterError.NOT_YET_MESSAGE);
        }
        byte[] file = DailyReports.file(type, team, vendor, date, today, version)
                .orElseThrow(() -> ApiError.notFound("There were no sales for the date specified."));
        return ResponseEntity.ok()
                .contentType(ReporterController.GZIP)
                .header(ApiGate.RATE_LIMIT_HEADER, gate.verdictOf(request).header())
                .body(file);
    }

    /**
     * {@code filter[version]}: Sales may omit it or say 1_0; the subscription reports need one the
     * sandbox writes (1_3 or 1_4), or the one the control API made Apple insist on.
     */
    private String version(ReportType type, String version) {
        String required = world.requiredReportVersion(type);
        boolean accepted = type == ReportType.SALES
                ? version == null || version.equals(required == null ? "1_0" : required)
                : version != null
                        && (required == null
                                ? SubscriptionReportFiles.VERSIONS.contains(version)
                                : version.equals(required));
        if (!accepted) {
            throw version == null
                    ? ApiError.invalidParameter("The parameter 'filter[version]' is required")
                    : ApiError.invalidParameter(
                            "'" + version + "' is not a valid value for the parameter 'filter[version]'");
        }
        return version;
    }

    private static void expectFilter(HttpServletRequest request, String name, String expected) {
        String value = request.getParameter(name);
        if (value == null) {
            throw ApiError.invalidParameter("The parameter '" + name + "' is required");
        }
        if (!value.equals(expected)) {
            throw ApiError.invalidParameter("'" + value + "' is not a supported value for the parameter '" + name
                    + "' (the sandbox serves " + expected + ")");
        }
    }
}
