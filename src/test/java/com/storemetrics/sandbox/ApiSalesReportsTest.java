package com.storemetrics.sandbox;

import static com.storemetrics.sandbox.ApiUserInvitationsTest.errorCode;
import static com.storemetrics.sandbox.ApiUserInvitationsTest.errorDetail;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ApiSalesReportsTest extends SandboxHttpTest {

    @Test
    void a_sales_key_downloads_the_daily_summary_of_its_vendor_as_gzip_tsv() throws Exception {
        LocalDate day = ReporterProtocolTest.dayWith(true, "85000005");

        HttpResponse<byte[]> response =
                sendForBytes(HttpRequest.newBuilder(url("/sandbox/apple" + query("85000005", day)))
                        .header("Authorization", "Bearer " + validJwt(SALES_KEY, SALES_ISSUER))
                        .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/a-gzip");
        assertThat(response.headers().firstValue("X-Rate-Limit")).isPresent();
        String tsv = gunzip(response.body());
        assertThat(tsv).startsWith("Provider\tProvider Country\tSKU\t");
        assertThat(tsv.lines().skip(1))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .contains("\tBluebird Labs\t", day.format(DateTimeFormatter.ofPattern("MM/dd/yyyy"))));
    }

    @Test
    void the_api_and_the_reporter_answer_the_same_report() throws Exception {
        // Once the service Apple ID is a member of Bluebird Labs, its Reporter token reads what the key reads.
        LocalDate bluebirdDay = ReporterProtocolTest.dayWith(true, "85000005");
        HttpResponse<byte[]> viaApi =
                sendForBytes(HttpRequest.newBuilder(url("/sandbox/apple" + query("85000005", bluebirdDay)))
                        .header("Authorization", "Bearer " + validJwt(SALES_KEY, SALES_ISSUER))
                        .GET());
        control(
                "POST",
                "/accounts/100004/invitations",
                "{\"email\":\"" + SERVICE_APPLE_ID + "\",\"roles\":[\"SALES\"]}");
        String id =
                account("100004").path("pendingInvitations").get(0).path("id").asText();
        control("POST", "/invitations/" + id + "/accept", null);

        HttpResponse<byte[]> viaReporter = sendForBytes(reporterRequest(
                "sales",
                reporterJson(
                        SERVICE_TOKEN,
                        "100004",
                        "Sales.getReport, 85000005,Sales,Summary,Daily,"
                                + bluebirdDay.format(DateTimeFormatter.BASIC_ISO_DATE))));

        assertThat(viaReporter.statusCode()).isEqualTo(200);
        assertThat(gunzip(viaReporter.body())).isEqualTo(gunzip(viaApi.body()));
    }

    @Test
    void a_vendor_of_another_team_answers_403() throws Exception {
        HttpResponse<String> response = apiGet(
                query("85000001", ReporterProtocolTest.dayWith(true, "85000001")), validJwt(SALES_KEY, SALES_ISSUER));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(errorCode(response)).isEqualTo("FORBIDDEN_ERROR");
    }

    @Test
    void a_day_without_sales_answers_404_no_sales() throws Exception {
        HttpResponse<String> response = apiGet(
                query("85000005", ReporterProtocolTest.dayWith(false, "85000005")), validJwt(SALES_KEY, SALES_ISSUER));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(errorCode(response)).isEqualTo("NOT_FOUND");
        assertThat(errorDetail(response)).isEqualTo("There were no sales for the date specified.");
    }

    @Test
    void an_admin_key_reads_reports_of_both_its_vendors() throws Exception {
        String token = validJwt(ADMIN_KEY, ADMIN_ISSUER);
        for (String vendor : new String[] {"85000003", "85000004"}) {
            HttpResponse<String> response = apiGet(query(vendor, ReporterProtocolTest.dayWith(true, vendor)), token);

            assertThat(response.statusCode()).as(vendor).isEqualTo(200);
        }
    }

    @Test
    void missing_or_unsupported_filters_answer_400() throws Exception {
        String token = validJwt(SALES_KEY, SALES_ISSUER);
        String good = query("85000005", ReporterProtocolTest.dayWith(true, "85000005"));

        for (String bad : new String[] {
            good.replace("DAILY", "HOURLY"),
            good.replace("&filter%5BreportType%5D=SALES", ""),
            good.replaceAll("reportDate%5D=[0-9-]+", "reportDate%5D=yesterday")
        }) {
            HttpResponse<String> response = apiGet(bad, token);

            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(errorCode(response)).isEqualTo("PARAMETER_ERROR.INVALID");
        }
    }

    static String query(String vendor, LocalDate day) {
        return "/v1/salesReports?filter%5Bfrequency%5D=DAILY&filter%5BreportType%5D=SALES"
                + "&filter%5BreportSubType%5D=SUMMARY&filter%5BvendorNumber%5D=" + vendor
                + "&filter%5BreportDate%5D=" + day + "&filter%5Bversion%5D=1_0";
    }
}
