package com.storemetrics.appstore;

import static com.storemetrics.appstore.ReporterClientTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.storemetrics.appstore.AppleFailure.Kind;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Reporter client sends for the subscription reports and how it reads each answer, against a scripted server. */
class ReporterSubscriptionsTest {

    private static final String TOKEN = "a11ce000-0000-4000-8000-000000000002";
    private static final String XML = "application/xml";
    private static final String GZIP = "application/a-gzip";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    private final ScriptedHttpServer apple;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T17:00:00Z"));
    private final ReporterClient reporter;

    ReporterSubscriptionsTest() throws IOException {
        apple = new ScriptedHttpServer();
        reporter = TestClients.reporter(TestClients.properties(apple.base()), new AppleCallAccounting(clock), clock);
    }

    @AfterEach
    void stop() {
        apple.close();
    }

    @Test
    void the_subscription_report_is_asked_for_in_version_1_4_and_read() throws IOException {
        apple.then(200, GZIP, Fixtures.gzip(Fixtures.bytes("subscription-1_4.tsv")));

        DailySubscriptions answer = reporter.dailySubscriptions(TOKEN, "100001", "85000001", DAY);

        assertThat(answer.outcome()).isEqualTo(ReportOutcome.DATA);
        assertThat(answer.report().reportVersion()).isEqualTo("1_4");
        assertThat(answer.report().rows()).hasSize(3);
        assertThat(queryInput(0))
                .isEqualTo(
                        "[p=Reporter.properties, Sales.getReport, 85000001,Subscription,Summary,Daily,20261126,1_4]");
    }

    @Test
    void the_event_report_is_asked_for_in_version_1_4_and_read() throws IOException {
        apple.then(200, GZIP, Fixtures.gzip(Fixtures.bytes("subscription-events-1_3.tsv")));

        DailySubscriptionEvents answer = reporter.dailySubscriptionEvents(TOKEN, "100001", "85000001", DAY);

        assertThat(answer.outcome()).isEqualTo(ReportOutcome.DATA);
        assertThat(answer.report().rows()).hasSize(7);
        assertThat(answer.report().unknownEvents()).containsOnlyKeys("Start Win-back Offer");
        assertThat(queryInput(0))
                .isEqualTo("[p=Reporter.properties, Sales.getReport, "
                        + "85000001,SubscriptionEvent,Summary,Daily,20261126,1_4]");
    }

    @Test
    void no_sales_and_not_yet_available_are_told_apart_by_apples_words() {
        apple.then(
                404,
                XML,
                "<Error><Code>213</Code><Message>There were no sales for the date specified.</Message></Error>");
        apple.then(
                404,
                XML,
                "<Error><Code>215</Code><Message>" + "Report is not available yet. Daily reports for the Americas are "
                        + "available by 5 am Pacific Time.</Message></Error>");

        assertThat(reporter.dailySubscriptions(TOKEN, "100001", "85000001", DAY).outcome())
                .isEqualTo(ReportOutcome.NO_SALES);
        DailySubscriptionEvents notYet = reporter.dailySubscriptionEvents(TOKEN, "100001", "85000001", DAY);
        assertThat(notYet.outcome()).isEqualTo(ReportOutcome.NOT_YET_AVAILABLE);
        assertThat(notYet.report().isEmpty()).isTrue();
    }

    @Test
    void a_file_with_a_header_and_no_rows_is_unreadable_not_a_day_without_subscriptions() {
        String header = "App Apple ID\tSubscription Name\tSubscription Apple ID\tStandard Subscription Duration"
                + "\tCustomer Price\tCustomer Currency\tDeveloper Proceeds\tProceeds Currency\tCountry"
                + "\tActive Standard Price Subscriptions\n";
        apple.then(200, GZIP, Fixtures.gzip(header.getBytes(StandardCharsets.UTF_8)));

        AppleFailure failure = assertFailure(
                () -> reporter.dailySubscriptions(TOKEN, "100001", "85000001", DAY),
                Kind.UNEXPECTED_ANSWER,
                "could not read");
        assertThat(failure.getMessage()).contains("no rows");
    }

    @Test
    void a_damaged_row_is_an_unexpected_answer_naming_the_line_and_column_for_the_log() {
        String tsv = "Event Date\tEvent\tApp Apple ID\tSubscription Apple ID\tCountry\tQuantity\n"
                + "2026-11-26\tRenew\t1\t2\tUS\tmany\n";
        apple.then(200, GZIP, Fixtures.gzip(tsv.getBytes(StandardCharsets.UTF_8)));

        AppleFailure failure = assertFailure(
                () -> reporter.dailySubscriptionEvents(TOKEN, "100001", "85000001", DAY),
                Kind.UNEXPECTED_ANSWER,
                "could not read");
        assertThat(failure.getMessage()).contains("line 2", "Quantity is not a whole number");
    }

    @Test
    void each_report_learns_its_own_version_from_apple() throws IOException {
        apple.then(
                400,
                XML,
                "<Error><Code>216</Code><Message>The version parameter you have specified is invalid. "
                        + "The latest version for this report is 1_3.</Message></Error>");
        apple.then(200, GZIP, Fixtures.gzip(Fixtures.bytes("subscription-older-header.tsv")));
        apple.then(200, GZIP, Fixtures.gzip(Fixtures.bytes("subscription-older-header.tsv")));
        apple.then(200, GZIP, Fixtures.gzip(Fixtures.bytes("subscription-events-1_3.tsv")));

        DailySubscriptions first = reporter.dailySubscriptions(TOKEN, "100001", "85000001", DAY);
        reporter.dailySubscriptions(TOKEN, "100001", "85000001", DAY.minusDays(1));
        reporter.dailySubscriptionEvents(TOKEN, "100001", "85000001", DAY);

        assertThat(first.report().reportVersion()).isEqualTo("1_3");
        assertThat(queryInput(0)).endsWith(",Subscription,Summary,Daily,20261126,1_4]");
        assertThat(queryInput(1)).endsWith(",Subscription,Summary,Daily,20261126,1_3]");
        assertThat(queryInput(2)).endsWith(",Subscription,Summary,Daily,20261125,1_3]");
        assertThat(queryInput(3)).endsWith(",SubscriptionEvent,Summary,Daily,20261126,1_4]");
    }

    private String queryInput(int request) throws IOException {
        String body = apple.received().get(request).body();
        String json = URLDecoder.decode(body.substring("jsonRequest=".length()), StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(json).path("queryInput").asText();
    }
}
