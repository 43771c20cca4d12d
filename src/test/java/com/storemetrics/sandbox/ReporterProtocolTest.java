package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReporterProtocolTest extends SandboxHttpTest {

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";

    @Test
    void get_accounts_lists_every_account_of_the_apple_id_as_xml() throws Exception {
        HttpResponse<String> response = reporter(ALICE_TOKEN, null, "Sales.getAccounts");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
        assertThat(response.body())
                .isEqualTo(XML_DECLARATION + "<Accounts>"
                        + "<Account><Name>Pixel Forge Studio</Name><Number>100001</Number></Account>"
                        + "<Account><Name>Alice Martin</Name><Number>100002</Number></Account></Accounts>");
        assertThat(reporterAccountNumbers(BOB_TOKEN)).containsExactly("100001");
    }

    @Test
    void the_service_apple_id_starts_as_a_member_of_no_account() throws Exception {
        HttpResponse<String> response = reporter(SERVICE_TOKEN, null, "Sales.getAccounts");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(XML_DECLARATION + "<Accounts></Accounts>");
    }

    @Test
    void get_vendors_lists_the_vendor_numbers_of_the_named_account() throws Exception {
        HttpResponse<String> response = reporter(ALICE_TOKEN, "100001", "Sales.getVendors");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(XML_DECLARATION + "<Vendors><Vendor>85000001</Vendor></Vendors>");
    }

    @Test
    void get_report_answers_a_gzip_tsv_daily_summary_with_apples_columns() throws Exception {
        LocalDate day = dayWith(true, "85000001");
        String yyyymmdd = day.format(DateTimeFormatter.BASIC_ISO_DATE);

        HttpResponse<byte[]> response = sendForBytes(reporterRequest(
                "sales",
                reporterJson(ALICE_TOKEN, "100001", "Sales.getReport, 85000001,Sales,Summary,Daily," + yyyymmdd)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/a-gzip");
        assertThat(response.headers().firstValue("filename")).hasValue("S_D_85000001_" + yyyymmdd + ".txt.gz");
        assertThat(response.headers().firstValue("downloadmsg")).hasValue("Your file has been downloaded.");
        List<String> lines = gunzip(response.body()).lines().toList();
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        assertThat(header)
                .containsExactly(
                        "Provider",
                        "Provider Country",
                        "SKU",
                        "Developer",
                        "Title",
                        "Version",
                        "Product Type Identifier",
                        "Units",
                        "Developer Proceeds",
                        "Begin Date",
                        "End Date",
                        "Customer Currency",
                        "Country Code",
                        "Currency of Proceeds",
                        "Apple Identifier",
                        "Customer Price",
                        "Promo Code",
                        "Parent Identifier",
                        "Subscription",
                        "Period",
                        "Category",
                        "CMB",
                        "Device",
                        "Supported Platforms",
                        "Proceeds Reason",
                        "Preserved Pricing",
                        "Client",
                        "Order Type");
        assertThat(lines).hasSizeGreaterThan(1);
        String usDate = day.format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = Arrays.asList(line.split("\t", -1));
            assertThat(row).hasSize(header.size());
            assertThat(row.get(header.indexOf("Developer"))).isEqualTo("Pixel Forge Studio");
            assertThat(row.get(header.indexOf("Apple Identifier"))).matches("[1-9]\\d{9}");
            assertThat(row.get(header.indexOf("Begin Date"))).isEqualTo(usDate);
            assertThat(row.get(header.indexOf("Country Code"))).matches("[A-Z]{2}");
            assertThat(Integer.parseInt(row.get(header.indexOf("Units")))).isNotZero();
            assertThat(row.get(header.indexOf("Developer Proceeds"))).matches("\\d+(\\.\\d+)?");
        }
    }

    @Test
    void the_same_day_answers_the_same_report_every_time() throws Exception {
        String query = "Sales.getReport, 85000001,Sales,Summary,Daily,"
                + dayWith(true, "85000001").format(DateTimeFormatter.BASIC_ISO_DATE);
        HttpRequest.Builder request = reporterRequest("sales", reporterJson(ALICE_TOKEN, "100001", query));

        String first = gunzip(sendForBytes(request).body());
        String second = gunzip(sendForBytes(request).body());

        assertThat(second).isEqualTo(first);
    }

    @Test
    void a_day_without_sales_answers_404_no_sales() throws Exception {
        String date = dayWith(false, "85000001").format(DateTimeFormatter.BASIC_ISO_DATE);

        HttpResponse<String> response =
                reporter(ALICE_TOKEN, "100001", "Sales.getReport, 85000001,Sales,Summary,Daily," + date);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body())
                .isEqualTo(
                        XML_DECLARATION
                                + "<Error><Code>213</Code><Message>There were no sales for the date specified.</Message></Error>");
    }

    @Test
    void a_future_or_too_old_date_answers_404_not_available() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (LocalDate date : List.of(today.plusDays(2), today.minusDays(400))) {
            HttpResponse<String> response = reporter(
                    ALICE_TOKEN,
                    "100001",
                    "Sales.getReport, 85000001,Sales,Summary,Daily," + date.format(DateTimeFormatter.BASIC_ISO_DATE));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("<Code>214</Code>");
        }
    }

    @Test
    void unknown_expired_and_revoked_tokens_answer_401() throws Exception {
        for (String token :
                List.of("00000000-0000-4000-8000-000000000000", DANA_EXPIRED_TOKEN, ERIN_REVOKED_TOKEN, "")) {
            HttpResponse<String> response = reporter(token, null, "Sales.getAccounts");

            assertThat(response.statusCode()).as(token).isEqualTo(401);
            assertThat(response.body()).startsWith(XML_DECLARATION + "<Error><Code>101</Code><Message>");
        }
    }

    @Test
    void an_account_the_apple_id_is_not_a_member_of_answers_403() throws Exception {
        HttpResponse<String> response = reporter(BOB_TOKEN, "100002", "Sales.getVendors");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>102</Code>");
    }

    @Test
    void malformed_requests_answer_400() throws Exception {
        List<HttpRequest.Builder> requests = List.of(
                HttpRequest.newBuilder(url("/sandbox/apple/reportservice/sales/v1"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("something=else")),
                reporterRequest("sales", "{not json"),
                reporterRequest("sales", reporterJson(ALICE_TOKEN, null, "Sales.getNothing")),
                reporterRequest(
                        "sales", "{\"accesstoken\":\"" + ALICE_TOKEN + "\",\"queryInput\":\"Sales.getAccounts\"}"),
                // Alice sees two accounts: a report command must say which.
                reporterRequest("sales", reporterJson(ALICE_TOKEN, null, "Sales.getVendors")),
                reporterRequest(
                        "sales",
                        reporterJson(ALICE_TOKEN, "100001", "Sales.getReport, 85000001,Sales,Summary,Weekly,20250101")),
                reporterRequest(
                        "sales",
                        reporterJson(
                                ALICE_TOKEN, "100001", "Sales.getReport, 85000001,Sales,Summary,Daily,2025-01-01")),
                reporterRequest(
                        "sales",
                        reporterJson(ALICE_TOKEN, "100001", "Sales.getReport, 85000003,Sales,Summary,Daily,20250101")));
        for (HttpRequest.Builder request : requests) {
            HttpResponse<String> response = send(request);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("<Code>100</Code><Message>Invalid request: ");
        }
    }

    @Test
    void the_finance_service_lists_accounts_but_refuses_sales_commands() throws Exception {
        HttpResponse<String> accounts =
                send(reporterRequest("finance", reporterJson(ALICE_TOKEN, null, "Finance.getAccounts")));
        HttpResponse<String> salesCommand =
                send(reporterRequest("finance", reporterJson(ALICE_TOKEN, "100001", "Sales.getVendors")));

        assertThat(accounts.statusCode()).isEqualTo(200);
        assertThat(accounts.body()).contains("<Number>100001</Number>", "<Number>100002</Number>");
        assertThat(salesCommand.statusCode()).isEqualTo(400);
    }

    /** A recent day on which the vendor has (or has no) sales, found in the deterministic ledger. */
    static LocalDate dayWith(boolean sales, String vendor) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DemoWorld.AccountSeed account = DemoWorld.ACCOUNTS.stream()
                .filter(a -> a.vendors().contains(vendor))
                .findFirst()
                .orElseThrow();
        for (int back = 2; back < 300; back++) {
            LocalDate day = today.minusDays(back);
            if (SalesLedger.dailySummary(account.name(), account.apps(), vendor, day, today)
                            .isEmpty()
                    != sales) {
                return day;
            }
        }
        throw new AssertionError("No such day in the ledger");
    }
}
