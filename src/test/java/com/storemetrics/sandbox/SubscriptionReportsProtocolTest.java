package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The Subscription and Subscription Event reports over the Reporter and the API: versions, timing, Apple's errors. */
class SubscriptionReportsProtocolTest extends SandboxHttpTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    /** Published whatever the hour: the subscription reports appear two days after the day, at 5 am Pacific. */
    private static LocalDate published() {
        return LocalDate.now(PACIFIC).minusDays(3);
    }

    @Test
    void the_subscription_report_in_1_4_is_a_gzip_tsv_with_the_1_4_header_and_real_file_quirks() throws Exception {
        HttpResponse<byte[]> response = report("100001", "85000001", "Subscription", published(), "1_4");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/a-gzip");
        assertThat(response.headers().firstValue("filename"))
                .hasValue("Subscription_85000001_" + basic(published()) + "_V1_4.txt.gz");
        String tsv = gunzip(response.body());
        assertThat(tsv.lines().findFirst())
                .hasValue(String.join("\t", SubscriptionReportFiles.subscriptionHeader("1_4")));
        assertThat(tsv).contains("Active Pay as You Go Introductory Offer Subscriptions", "Free Trial Win-back Offers");
        assertThat(tsv.lines().skip(1))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line.split("\t", -1))
                        .hasSize(SubscriptionReportFiles.subscriptionHeader("1_4")
                                .size()));
        assertThat(tsv).as("a currency padded with spaces").containsPattern("\t[A-Z]{3} +\t");
        assertThat(tsv).as("single-space blank cells").contains("\t \t");
    }

    @Test
    void version_1_3_has_apples_table_of_columns_and_wording() throws Exception {
        String subscriptions = gunzip(
                report("100001", "85000001", "Subscription", published(), "1_3").body());
        String events = gunzip(report("100001", "85000001", "SubscriptionEvent", dayWithEvents(), "1_3")
                .body());
        String events14 = gunzip(report("100001", "85000001", "SubscriptionEvent", dayWithEvents(), "1_4")
                .body());

        assertThat(subscriptions.lines().findFirst())
                .hasValue(String.join("\t", SubscriptionReportFiles.subscriptionHeader("1_3")));
        assertThat(subscriptions)
                .contains("Active Pay As You Go Introductory Offer Subscriptions")
                .doesNotContain("Subscribers", "Win-back");
        assertThat(events.lines().findFirst().orElseThrow())
                .contains("\tPromotional Offer Name\t")
                .endsWith("\tQuantity");
        assertThat(events14.lines().findFirst().orElseThrow())
                .contains("\tSubscription Offer Name\t")
                .endsWith("\tQuantity\tPaid Service Days Recovered");
        assertThat(events.lines().count()).isEqualTo(events14.lines().count()).isGreaterThan(20);
    }

    @Test
    void without_a_version_or_with_one_apple_does_not_take_it_names_the_latest() throws Exception {
        HttpResponse<String> none = reporter(
                ALICE_TOKEN, "100001", "Sales.getReport, 85000001,Subscription,Summary,Daily," + basic(published()));
        HttpResponse<String> old = reporter(
                ALICE_TOKEN,
                "100001",
                "Sales.getReport, 85000001,SubscriptionEvent,Summary,Daily," + basic(published()) + ",1_0");

        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body())
                .contains(
                        "<Code>216</Code>",
                        "Please include the version parameter. The latest version for this report is 1_4.");
        assertThat(old.statusCode()).isEqualTo(400);
        assertThat(old.body())
                .contains(
                        "The version parameter you have specified is invalid. The latest version for this report is 1_4.");
    }

    @Test
    void the_control_api_holds_one_report_to_one_version_until_it_lets_go() throws Exception {
        HttpResponse<String> required =
                control("POST", "/report-version", "{\"report\":\"Subscription\",\"version\":\"1_3\"}");
        assertThat(required.statusCode()).isEqualTo(200);
        assertThat(required.body()).contains("\"report\":\"Subscription\"", "\"version\":\"1_3\"");

        HttpResponse<String> refused = reporter(
                ALICE_TOKEN,
                "100001",
                "Sales.getReport, 85000001,Subscription,Summary,Daily," + basic(published()) + ",1_4");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The latest version for this report is 1_3.");
        assertThat(report("100001", "85000001", "Subscription", published(), "1_3")
                        .statusCode())
                .isEqualTo(200);
        assertThat(report("100001", "85000001", "SubscriptionEvent", dayWithEvents(), "1_4")
                        .statusCode())
                .as("the event report is not held")
                .isEqualTo(200);

        assertThat(control("POST", "/report-version", "{\"report\":\"Subscription\",\"version\":\"1_5\"}")
                        .statusCode())
                .as("a version the sandbox does not write")
                .isEqualTo(400);
        assertThat(control("POST", "/report-version", "{\"report\":\"Subscriber\",\"version\":\"1_3\"}")
                        .statusCode())
                .isEqualTo(400);
        control("POST", "/report-version", "{\"report\":\"Subscription\",\"version\":null}");
        assertThat(report("100001", "85000001", "Subscription", published(), "1_4")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void yesterday_is_not_available_yet_and_an_account_without_subscriptions_has_no_sales() throws Exception {
        HttpResponse<byte[]> yesterday = report(
                "100001", "85000001", "Subscription", LocalDate.now(PACIFIC).minusDays(1), "1_4");
        HttpResponse<byte[]> none = report("100002", "85000002", "SubscriptionEvent", published(), "1_4");

        assertThat(yesterday.statusCode()).isEqualTo(404);
        assertThat(new String(yesterday.body())).contains("<Code>215</Code>", "Report is not available yet");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(new String(none.body())).contains("<Code>213</Code>", "There were no sales for the date specified.");
    }

    @Test
    void the_api_serves_the_same_reports_with_filter_version() throws Exception {
        String token = validJwt(SALES_KEY, SALES_ISSUER);
        String query = "/v1/salesReports?filter%5Bfrequency%5D=DAILY&filter%5BreportType%5D=SUBSCRIPTION"
                + "&filter%5BreportSubType%5D=SUMMARY&filter%5BvendorNumber%5D=85000005&filter%5BreportDate%5D="
                + published();

        HttpResponse<byte[]> answer =
                sendForBytes(HttpRequest.newBuilder(url("/sandbox/apple" + query + "&filter%5Bversion%5D=1_3"))
                        .header("Authorization", "Bearer " + token)
                        .GET());
        HttpResponse<String> withoutVersion = apiGet(query, token);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(gunzip(answer.body()).lines().findFirst())
                .hasValue(String.join("\t", SubscriptionReportFiles.subscriptionHeader("1_3")));
        assertThat(gunzip(answer.body())).contains("\nBluebird Notes\t");
        assertThat(withoutVersion.statusCode()).isEqualTo(400);
        assertThat(withoutVersion.body()).contains("PARAMETER_ERROR.INVALID", "filter[version]");
    }

    private HttpResponse<byte[]> report(String account, String vendor, String type, LocalDate day, String version)
            throws Exception {
        return sendForBytes(reporterRequest(
                "sales",
                reporterJson(
                        ALICE_TOKEN,
                        account,
                        "Sales.getReport, " + vendor + "," + type + ",Summary,Daily," + basic(day) + "," + version)));
    }

    /** A published day on which Pixel Forge's subscribers had events (not one of its quiet days). */
    private static LocalDate dayWithEvents() {
        DemoWorld.AccountSeed pixelForge = DemoWorld.ACCOUNTS.get(0);
        for (LocalDate day = published(); ; day = day.minusDays(1)) {
            if (!SubscriptionLedger.eventReport(pixelForge.apps(), "85000001", day, LocalDate.now(PACIFIC))
                    .isEmpty()) {
                return day;
            }
        }
    }

    private static String basic(LocalDate day) {
        return day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
