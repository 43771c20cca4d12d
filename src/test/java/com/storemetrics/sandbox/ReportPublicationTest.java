package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** When the sandbox's daily reports appear, as Apple's do: the next morning, 5 am Pacific (docs/metrics.md). */
class ReportPublicationTest extends SandboxHttpTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    @Test
    void todays_report_is_not_available_yet_and_says_so_in_apples_words() throws Exception {
        HttpResponse<String> response = report(LocalDate.now(PACIFIC));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<Code>215</Code>", "Report is not available yet");
    }

    @Test
    void yesterdays_report_appears_at_five_in_the_morning_pacific_time() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(PACIFIC);
        ZonedDateTime nextFourAm = now.toLocalDate().atTime(4, 0).atZone(PACIFIC);
        if (!nextFourAm.isAfter(now)) {
            nextFourAm = nextFourAm.plusDays(1);
        }
        advance(Duration.between(now, nextFourAm));
        LocalDate yesterday = nextFourAm.toLocalDate().minusDays(1);

        HttpResponse<String> early = report(yesterday);
        advance(Duration.ofHours(1).plusMinutes(5));
        HttpResponse<String> published = report(yesterday);

        assertThat(early.statusCode()).isEqualTo(404);
        assertThat(early.body()).contains("Report is not available yet");
        assertThat(published.statusCode()).isIn(200, 404);
        assertThat(published.body()).doesNotContain("not available");
    }

    @Test
    void a_day_without_sales_and_a_day_not_yet_published_are_told_apart_by_their_text() throws Exception {
        HttpResponse<String> quiet = report(ReporterProtocolTest.dayWith(false, "85000001"));
        HttpResponse<String> notYet = report(LocalDate.now(PACIFIC));

        assertThat(quiet.statusCode()).isEqualTo(notYet.statusCode()).isEqualTo(404);
        assertThat(quiet.body()).contains("There were no sales for the date specified.");
        assertThat(notYet.body()).doesNotContain("no sales");
    }

    @Test
    void a_sales_report_of_an_account_the_apple_id_is_not_a_member_of_is_refused_with_403() throws Exception {
        HttpResponse<String> response = reporter(
                SERVICE_TOKEN,
                "100001",
                "Sales.getReport, 85000001,Sales,Summary,Daily,"
                        + ReporterProtocolTest.dayWith(true, "85000001").format(DateTimeFormatter.BASIC_ISO_DATE));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>102</Code>");
    }

    private HttpResponse<String> report(LocalDate day) throws Exception {
        return reporter(
                ALICE_TOKEN,
                "100001",
                "Sales.getReport, 85000001,Sales,Summary,Daily," + day.format(DateTimeFormatter.BASIC_ISO_DATE));
    }

    private void advance(Duration step) throws Exception {
        HttpResponse<String> moved = control("POST", "/clock", "{\"advance\":\"" + step + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    }
}
