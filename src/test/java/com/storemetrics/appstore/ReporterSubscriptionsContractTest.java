package com.storemetrics.appstore;

import static com.storemetrics.appstore.ReporterClientTest.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.appstore.AppleFailure.Kind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Reporter client's subscription reports against the embedded sandbox over HTTP: every outcome,
 * the version rule, the failures, and the day-to-day balance of the sandbox's two reports.
 */
class ReporterSubscriptionsContractTest extends SandboxContract {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    /** A day whose subscription reports are published whatever the hour (they appear two days later at 5 am). */
    private LocalDate published() {
        return LocalDate.now(clock.withZone(PACIFIC)).minusDays(3);
    }

    @Test
    void pixel_forges_subscription_report_lists_active_subscriptions_per_subscription_price_and_country() {
        DailySubscriptions answer = reporter.dailySubscriptions(ALICE_TOKEN, "100001", "85000001", published());

        assertThat(answer.outcome()).isEqualTo(ReportOutcome.DATA);
        SubscriptionReport report = answer.report();
        assertThat(report.reportVersion()).isEqualTo("1_4");
        assertThat(report.countColumns()).containsAll(SubscriptionReportTsv.COUNT_COLUMNS);
        assertThat(report.rows()).allSatisfy(row -> {
            assertThat(row.appName()).isIn("Pixel Quest", "Palette Pro");
            assertThat(row.standardSubscriptionDuration()).isIn("7 Days", "1 Month", "1 Year");
            assertThat(row.country()).hasSize(2);
            assertThat(row.developerProceeds().currency())
                    .isEqualTo(row.customerPrice().currency());
            assertThat(row.developerProceeds().amount())
                    .isLessThanOrEqualTo(row.customerPrice().amount());
        });
        assertThat(report.rows().stream()
                        .mapToInt(row -> row.counts().activePaid())
                        .sum())
                .isGreaterThan(1000);
        assertThat(report.rows().stream()
                        .mapToInt(row -> row.counts().activeFreeTrials())
                        .sum())
                .isPositive();
        assertThat(report.rows().stream().mapToInt(row -> row.counts().atRisk()).sum())
                .isPositive();
        assertThat(report.rows().stream()
                        .map(row -> row.customerPrice().currency())
                        .distinct())
                .hasSizeGreaterThan(5);
    }

    @Test
    void pixel_forges_event_report_has_only_events_this_client_knows() {
        DailySubscriptionEvents answer =
                reporter.dailySubscriptionEvents(ALICE_TOKEN, "100001", "85000001", firstDayWithEvents());

        assertThat(answer.outcome()).isEqualTo(ReportOutcome.DATA);
        assertThat(answer.report().unknownEvents()).isEmpty();
        assertThat(answer.report().rows())
                .extracting(SubscriptionEventRow::type)
                .contains(SubscriptionEventType.RENEW, SubscriptionEventType.CANCEL);
        assertThat(answer.report().rows()).allSatisfy(row -> {
            assertThat(row.eventDate()).isEqualTo(answer.report().date());
            assertThat(row.quantity()).isPositive();
        });
    }

    @Test
    void yesterdays_reports_are_not_available_yet() {
        LocalDate yesterday = LocalDate.now(clock.withZone(PACIFIC)).minusDays(1);

        assertThat(reporter.dailySubscriptions(ALICE_TOKEN, "100001", "85000001", yesterday)
                        .outcome())
                .isEqualTo(ReportOutcome.NOT_YET_AVAILABLE);
        assertThat(reporter.dailySubscriptionEvents(ALICE_TOKEN, "100001", "85000001", yesterday)
                        .outcome())
                .isEqualTo(ReportOutcome.NOT_YET_AVAILABLE);
    }

    @Test
    void an_account_without_subscriptions_answers_no_sales_for_both_reports() {
        assertThat(reporter.dailySubscriptions(ALICE_TOKEN, "100002", "85000002", published())
                        .outcome())
                .isEqualTo(ReportOutcome.NO_SALES);
        assertThat(reporter.dailySubscriptionEvents(ALICE_TOKEN, "100002", "85000002", published())
                        .outcome())
                .isEqualTo(ReportOutcome.NO_SALES);
    }

    @Test
    void a_quiet_day_has_subscribers_but_no_events() {
        for (int back = 0; back < 150; back++) {
            LocalDate day = published().minusDays(back);
            DailySubscriptionEvents events = reporter.dailySubscriptionEvents(ALICE_TOKEN, "100001", "85000001", day);
            if (events.outcome() == ReportOutcome.NO_SALES) {
                assertThat(reporter.dailySubscriptions(ALICE_TOKEN, "100001", "85000001", day)
                                .outcome())
                        .isEqualTo(ReportOutcome.DATA);
                return;
            }
        }
        throw new AssertionError("no quiet day in 150 days: the sandbox promises one in about eleven");
    }

    @Test
    void over_sixty_days_each_days_counts_are_the_day_before_plus_its_events_and_its_charges_are_the_iay_units() {
        LocalDate first = published().minusDays(60);
        SubscriptionReport before = reporter.dailySubscriptions(ALICE_TOKEN, "100001", "85000001", first)
                .report();
        int balancedKeys = 0;
        for (LocalDate day = first.plusDays(1); !day.isAfter(published()); day = day.plusDays(1)) {
            SubscriptionReport after = reporter.dailySubscriptions(ALICE_TOKEN, "100001", "85000001", day)
                    .report();
            SubscriptionEventReport events = reporter.dailySubscriptionEvents(ALICE_TOKEN, "100001", "85000001", day)
                    .report();

            assertThat(SubscriptionBalance.check(before, events, after))
                    .as("%s", day)
                    .isEmpty();
            assertThat(charges(events.rows()))
                    .as("IAY units on %s", day)
                    .isEqualTo(subscriptionUnits(reporter.getDailySalesSummary(ALICE_TOKEN, "100001", "85000001", day)
                            .rows()));
            balancedKeys += SubscriptionBalance.totals(after.rows()).size();
            before = after;
        }
        assertThat(balancedKeys).isGreaterThan(60 * 40);
    }

    @Test
    void when_apple_holds_the_subscription_report_to_1_3_it_is_asked_again_in_1_3_and_from_then_on() throws Exception {
        Counted<ReporterClient> counted = countedReporter();
        sandbox.requireReportVersion("Subscription", "1_3");

        DailySubscriptions first = counted.client().dailySubscriptions(ALICE_TOKEN, "100001", "85000001", published());
        assertThat(counted.sent(AppleProtocol.REPORTER))
                .as("refused once, then asked in 1_3")
                .isEqualTo(2);
        assertThat(first.report().reportVersion()).isEqualTo("1_3");
        assertThat(first.report().countColumns()).doesNotContain("Free Trial Win-back Offers");
        assertThat(first.report().rows())
                .allSatisfy(row -> assertThat(row.counts().subscribers()).isNull());

        counted.client()
                .dailySubscriptions(
                        ALICE_TOKEN, "100001", "85000001", published().minusDays(1));
        counted.client().dailySubscriptionEvents(ALICE_TOKEN, "100001", "85000001", firstDayWithEvents());
        assertThat(counted.sent(AppleProtocol.REPORTER))
                .as("1_3 from then on, and the event report still in 1_4")
                .isEqualTo(4);
    }

    @Test
    void failures_are_classified_as_for_the_sales_summary() throws Exception {
        assertFailure(
                () -> reporter.dailySubscriptions(DANA_EXPIRED_TOKEN, "100004", "85000005", published()),
                Kind.UNAUTHORIZED,
                "has expired");
        assertFailure(
                () -> reporter.dailySubscriptionEvents(BOB_TOKEN, "100002", "85000002", published()),
                Kind.FORBIDDEN,
                "account 100002");
        assertFailure(
                () -> reporter.dailySubscriptions(
                        ALICE_TOKEN, "100001", "85000001", published().minusDays(380)),
                Kind.UNEXPECTED_ANSWER,
                "Reports are not available for the date specified.");

        Counted<ReporterClient> counted = countedReporter();
        sandbox.fault("GARBAGE", 1, null);
        assertFailure(
                () -> counted.client().dailySubscriptionEvents(ALICE_TOKEN, "100001", "85000001", published()),
                Kind.UNEXPECTED_ANSWER,
                "could not read");
        sandbox.fault("HTTP_500", 2, null);
        assertThat(counted.client()
                        .dailySubscriptions(ALICE_TOKEN, "100001", "85000001", published())
                        .outcome())
                .isEqualTo(ReportOutcome.DATA);
        assertThat(counted.sent(AppleProtocol.REPORTER))
                .as("garbage once, 500 twice, then the report")
                .isEqualTo(4);
        sandbox.fault("HTTP_429", 1, null);
        assertFailure(
                () -> counted.client().dailySubscriptions(ALICE_TOKEN, "100001", "85000001", published()),
                Kind.RATE_LIMITED,
                "Try again");
    }

    private LocalDate firstDayWithEvents() {
        for (int back = 0; back < 30; back++) {
            LocalDate day = published().minusDays(back);
            if (reporter.dailySubscriptionEvents(ALICE_TOKEN, "100001", "85000001", day)
                            .outcome()
                    == ReportOutcome.DATA) {
                return day;
            }
        }
        throw new AssertionError("no subscription events in 30 days");
    }

    /** docs/sandbox.md, "Subscriptions in the Sales summary": per subscription and country, charges minus refunds. */
    private static Map<String, Integer> charges(List<SubscriptionEventRow> events) {
        Map<String, Integer> units = new HashMap<>();
        for (SubscriptionEventRow event : events) {
            int q = event.quantity();
            int charged = switch (event.type()) {
                case SUBSCRIBE,
                        REACTIVATE,
                        PAID_SUBSCRIPTION_FROM_INTRODUCTORY_OFFER,
                        RENEW,
                        RENEWAL_FROM_BILLING_RETRY,
                        UPGRADE,
                        DOWNGRADE,
                        CROSSGRADE -> q;
                case START_INTRODUCTORY_OFFER, START_OFFER_CODE ->
                    event.offerType() == SubscriptionOfferType.FREE_TRIAL ? 0 : q;
                case REFUND -> -q;
                default -> 0;
            };
            units.merge(event.subscriptionAppleId() + "/" + event.country(), charged, Integer::sum);
        }
        units.values().removeIf(count -> count == 0);
        return units;
    }

    private static Map<String, Integer> subscriptionUnits(List<SalesRow> rows) {
        Map<String, Integer> units = new HashMap<>();
        for (SalesRow row : rows) {
            if ("IAY".equals(row.productTypeIdentifier())) {
                units.merge(row.appleIdentifier() + "/" + row.countryCode(), row.units(), Integer::sum);
            }
        }
        units.values().removeIf(count -> count == 0);
        return units;
    }
}
