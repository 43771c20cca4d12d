package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.base.FiscalCalendar;
import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Reporter's finance service as the sandbox plays it over HTTP: vendors and regions, a region's
 * Financial report of a fiscal month with Apple's trailer lines, publication on Apple's schedule,
 * Apple's refusals, and the Finance role that the control API gives and takes.
 */
class FinanceReporterProtocolTest extends SandboxHttpTest {

    @Test
    void vendors_and_regions_lists_each_vendor_with_the_regions_its_storefronts_sell_in() throws Exception {
        HttpResponse<String> response = finance(ALICE_TOKEN, "100001", "Finance.getVendorsAndRegions");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><VendorsAndRegions>"
                        + "<Vendor><Number>85000001</Number>"
                        + "<Region><Code>US</Code><Reports><Report>Financial</Report></Reports></Region>"
                        + "<Region><Code>EU</Code>")
                .endsWith("<Region><Code>SA</Code><Reports><Report>Financial</Report></Reports></Region>"
                        + "</Vendor></VendorsAndRegions>");
    }

    @Test
    void the_latest_published_month_is_a_gzip_file_with_apples_columns_and_trailer_lines() throws Exception {
        FiscalMonth month = latestPublished();

        HttpResponse<byte[]> response = report(ALICE_TOKEN, "100001", "85000001", "US", month);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/a-gzip");
        assertThat(response.headers().firstValue("filename"))
                .hasValueSatisfying(name -> assertThat(name).matches("85000001_[0-9]{4}_US\\.txt\\.gz"));
        List<String> lines = gunzip(response.body()).lines().toList();
        assertThat(Arrays.asList(lines.get(0).split("\t", -1))).containsExactlyElementsOf(FinancialReports.COLUMNS);
        List<String> rows = lines.subList(1, lines.size() - 3);
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.split("\t", -1))
                        .hasSize(FinancialReports.COLUMNS.size())
                        .contains("USD"));
        assertThat(lines.get(lines.size() - 3)).isEqualTo("Total_Rows\t" + rows.size());
        assertThat(lines.get(lines.size() - 2)).startsWith("Total_Amount\t");
        assertThat(lines.get(lines.size() - 1)).startsWith("Total_Units\t");
    }

    @Test
    void a_month_is_not_available_before_the_first_friday_of_the_next_fiscal_month_at_5_am_pacific() throws Exception {
        FiscalMonth current = FiscalCalendar.monthOf(today());
        assertThat(report(ALICE_TOKEN, "100001", "85000001", "US", current).statusCode())
                .isEqualTo(404);
        HttpResponse<String> notYet = financeReport(ALICE_TOKEN, "100001", "85000001", "US", current);
        assertThat(notYet.body()).contains("<Code>215</Code>", "Report is not available yet.");

        // Move the sandbox to 4 am Pacific on the publication Friday: still not; an hour later: there.
        Instant fourAm = current.expectedPublication()
                .atTime(4, 0)
                .atZone(SandboxClock.REPORT_ZONE)
                .toInstant();
        control("POST", "/clock", "{\"advance\":\"" + Duration.between(sandboxNow(), fourAm) + "\"}");
        assertThat(report(ALICE_TOKEN, "100001", "85000001", "US", current).statusCode())
                .isEqualTo(404);
        control("POST", "/clock", "{\"advance\":\"PT1H\"}");
        assertThat(report(ALICE_TOKEN, "100001", "85000001", "US", current).statusCode())
                .isEqualTo(200);
    }

    @Test
    void a_region_without_sales_that_month_answers_no_sales() throws Exception {
        HttpResponse<String> response = financeReport(ALICE_TOKEN, "100001", "85000001", "NO", latestPublished());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<Code>213</Code>", "There were no sales for the period specified.");
    }

    @Test
    void a_bad_region_or_period_is_an_invalid_request() throws Exception {
        FiscalMonth month = latestPublished();
        for (String query : List.of(
                "Finance.getReport, 85000001,XX,Financial," + month.fiscalYear() + "," + month.period(),
                "Finance.getReport, 85000001,US,Financial," + month.fiscalYear() + ",13",
                "Finance.getReport, 85000001,US,Financial," + month.fiscalYear() + ",0",
                "Finance.getReport, 85000001,US,Financial,26,1",
                "Finance.getReport, 85000001,US,Sales," + month.fiscalYear() + "," + month.period(),
                "Finance.getReport, 85000002,US,Financial," + month.fiscalYear() + "," + month.period())) {
            HttpResponse<String> response = finance(ALICE_TOKEN, "100001", query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).as(query).contains("<Code>100</Code><Message>Invalid request: ");
        }
    }

    @Test
    void a_sales_member_may_not_read_financial_reports_until_given_the_finance_role() throws Exception {
        FiscalMonth month = latestPublished();
        HttpResponse<String> refused = financeReport(BOB_TOKEN, "100001", "85000001", "US", month);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<Code>102</Code>", "financial reports");
        assertThat(finance(BOB_TOKEN, "100001", "Finance.getVendorsAndRegions").statusCode())
                .isEqualTo(403);

        HttpResponse<String> changed = control(
                "POST", "/accounts/100001/users/bob@pixelforge.example/roles", "{\"roles\":[\"SALES\",\"FINANCE\"]}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).path("roles").toString()).isEqualTo("[\"SALES\",\"FINANCE\"]");
        assertThat(account("100001").path("members").toString()).contains("\"SALES\",\"FINANCE\"");
        assertThat(report(BOB_TOKEN, "100001", "85000001", "US", month).statusCode())
                .isEqualTo(200);
        assertThat(reporter(BOB_TOKEN, "100001", "Sales.getVendors").statusCode())
                .isEqualTo(200);
    }

    @Test
    void roles_cannot_be_taken_from_the_account_holder_nor_be_unknown_or_empty() {
        assertThat(control("POST", "/accounts/100001/users/alice@pixelforge.example/roles", "{\"roles\":[\"SALES\"]}")
                        .statusCode())
                .isEqualTo(409);
        assertThat(control("POST", "/accounts/100001/users/bob@pixelforge.example/roles", "{\"roles\":[\"OWNER\"]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(control(
                                "POST",
                                "/accounts/100001/users/bob@pixelforge.example/roles",
                                "{\"roles\":[\"ACCOUNT_HOLDER\"]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(control("POST", "/accounts/100001/users/bob@pixelforge.example/roles", "{\"roles\":[]}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(control("POST", "/accounts/100001/users/nobody@example.com/roles", "{\"roles\":[\"FINANCE\"]}")
                        .statusCode())
                .isEqualTo(404);
    }

    private LocalDate today() throws Exception {
        return LocalDate.ofInstant(sandboxNow(), SandboxClock.REPORT_ZONE);
    }

    /** The newest fiscal month whose reports are out: published by 5 am Pacific on its first Friday after. */
    private FiscalMonth latestPublished() throws Exception {
        ZonedDateTime now = sandboxNow().atZone(SandboxClock.REPORT_ZONE);
        FiscalMonth month = FiscalCalendar.monthOf(now.toLocalDate());
        while (now.isBefore(month.expectedPublication().atTime(5, 0).atZone(SandboxClock.REPORT_ZONE))) {
            month = month.previous();
        }
        assertThat(month.expectedPublication().getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(month.expectedPublication())
                .isEqualTo(month.next().start().with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)));
        return month;
    }

    private HttpResponse<String> finance(String token, String account, String query) throws Exception {
        return send(reporterRequest("finance", reporterJson(token, account, query)));
    }

    private HttpResponse<String> financeReport(
            String token, String account, String vendor, String region, FiscalMonth month) throws Exception {
        return finance(token, account, reportQuery(vendor, region, month));
    }

    private HttpResponse<byte[]> report(String token, String account, String vendor, String region, FiscalMonth month)
            throws Exception {
        return sendForBytes(
                reporterRequest("finance", reporterJson(token, account, reportQuery(vendor, region, month))));
    }

    private static String reportQuery(String vendor, String region, FiscalMonth month) {
        return "Finance.getReport, " + vendor + "," + region + ",Financial," + month.fiscalYear() + ","
                + month.period();
    }
}
