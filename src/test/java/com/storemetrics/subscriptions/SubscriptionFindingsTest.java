package com.storemetrics.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.SpringTest;
import com.storemetrics.appstore.DailySubscriptionEvents;
import com.storemetrics.appstore.DailySubscriptions;
import com.storemetrics.appstore.Money;
import com.storemetrics.appstore.ReportOutcome;
import com.storemetrics.appstore.SubscriptionCounts;
import com.storemetrics.appstore.SubscriptionEventReport;
import com.storemetrics.appstore.SubscriptionEventRow;
import com.storemetrics.appstore.SubscriptionReport;
import com.storemetrics.appstore.SubscriptionRow;
import com.storemetrics.metrics.DailyReport;
import com.storemetrics.metrics.DayStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Apple's files as they come, odd ones included: a day whose Subscription report disagrees with the
 * day before plus its events is stored as sent and flagged; event names, columns and apps new to us
 * are stored and recorded. The reports are built here as our client would hand them over.
 */
class SubscriptionFindingsTest extends SpringTest {

    private static final long ACCOUNT = 8_240_001L;
    private static final String VENDOR = "88000001";
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    @Autowired
    SubscriptionDays days;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_day_that_disagrees_with_the_day_before_and_its_events_is_stored_as_apple_sent_it_and_flagged() {
        // Tuesday first, as the back-fill goes: it cannot be checked before Monday is in.
        store(MONDAY.plusDays(1), List.of(row("S1", "US", 15, 2)), List.of(event("Subscribe", "S1", "US", "", "", 3)));
        assertThat(balance(MONDAY.plusDays(1))).isEqualTo("UNCHECKED");

        store(MONDAY, List.of(row("S1", "US", 10, 2), row("S2", "US", 4, 0)), List.of());

        // S1: 10 + 3 subscribed is 13, Apple says 15; S2: 4 the day before, gone without an event.
        assertThat(balance(MONDAY.plusDays(1))).isEqualTo("MISMATCH");
        assertThat(jdbc.queryForObject(
                        "SELECT mismatched_pairs FROM subscription_report_day WHERE account_id = ? AND report_date = ?",
                        Integer.class,
                        ACCOUNT,
                        MONDAY.plusDays(1)))
                .isEqualTo(2);
        assertThat(SubscriptionsFixture.storedCounts(jdbc, ACCOUNT, MONDAY.plusDays(1)))
                .as("as Apple sent it, not fixed")
                .isEqualTo(Map.of("S1", List.of(15L, 2L, 0L)));
        assertThat(balance(MONDAY)).as("its own day before is not stored").isEqualTo("UNCHECKED");

        store(
                MONDAY.plusDays(2),
                List.of(row("S1", "US", 14, 2)),
                List.of(event("Cancel", "S1", "US", "", "Other", 1)));
        assertThat(balance(MONDAY.plusDays(2))).isEqualTo("BALANCED");
    }

    @Test
    void event_names_columns_and_apps_new_to_us_are_stored_and_recorded_with_the_day() {
        SubscriptionReport subscriptions = new SubscriptionReport(
                VENDOR,
                MONDAY,
                "1_4",
                List.of(row("S1", "US", 10, 0)),
                Set.of("Active Standard Price Subscriptions"),
                Set.of("Retention Offer ID"));
        SubscriptionEventReport events = new SubscriptionEventReport(
                VENDOR,
                MONDAY,
                "1_4",
                List.of(event("Start Win-back Offer", "S1", "US", "Pay Up Front", "", 2)),
                Set.of());

        DailyReport.Answer answer = days.published(
                ACCOUNT,
                new DailySubscriptions(ReportOutcome.DATA, subscriptions),
                new DailySubscriptionEvents(ReportOutcome.DATA, events));
        answer.store().run();

        assertThat(answer.status()).isEqualTo(DayStatus.DATA);
        assertThat(answer.note())
                .contains(
                        "events we do not know yet, stored as Apple named them: Start Win-back Offer (2)",
                        "columns we do not read: Subscription: Retention Offer ID",
                        "apps not in the account's Sales reports: Mystery App (999)");
        assertThat(jdbc.queryForMap(
                        "SELECT unknown_events, unknown_columns, unknown_apps FROM subscription_report_day"
                                + " WHERE account_id = ? AND report_date = ?",
                        ACCOUNT,
                        MONDAY))
                .containsValues("Start Win-back Offer (2)", "Subscription: Retention Offer ID", "Mystery App (999)");
        assertThat(SubscriptionsFixture.storedEvents(jdbc, ACCOUNT, MONDAY))
                .isEqualTo(Map.of("Start Win-back Offer", 2L));
        assertThat(jdbc.queryForObject(
                        "SELECT name FROM subscription_product WHERE account_id = ? AND subscription_id = 'S1'",
                        String.class,
                        ACCOUNT))
                .isEqualTo("Mystery App S1");
    }

    private void store(LocalDate day, List<SubscriptionRow> rows, List<SubscriptionEventRow> events) {
        days.published(
                        ACCOUNT,
                        new DailySubscriptions(
                                rows.isEmpty() ? ReportOutcome.NO_SALES : ReportOutcome.DATA,
                                new SubscriptionReport(VENDOR, day, "1_4", rows, Set.of())),
                        new DailySubscriptionEvents(
                                events.isEmpty() ? ReportOutcome.NO_SALES : ReportOutcome.DATA,
                                new SubscriptionEventReport(VENDOR, day, "1_4", events)))
                .store()
                .run();
    }

    private String balance(LocalDate day) {
        return jdbc.queryForObject(
                "SELECT balance FROM subscription_report_day WHERE account_id = ? AND report_date = ?",
                String.class,
                ACCOUNT,
                day);
    }

    static SubscriptionRow row(String subscription, String country, int paid, int trials) {
        return new SubscriptionRow(
                "Mystery App",
                "999",
                "Mystery App " + subscription,
                subscription,
                "G1",
                "1 Month",
                "",
                "",
                new Money(new BigDecimal("2.99"), "USD"),
                new Money(new BigDecimal("2.09"), "USD"),
                "",
                "",
                "",
                "iPhone",
                "",
                country,
                new SubscriptionCounts(paid, trials, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null));
    }

    static SubscriptionEventRow event(
            String event, String subscription, String country, String offerType, String reason, int quantity) {
        return new SubscriptionEventRow(
                MONDAY,
                event,
                "Mystery App",
                "999",
                "Mystery App " + subscription,
                subscription,
                "G1",
                "1 Month",
                offerType,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                null,
                null,
                "iPhone",
                "",
                "",
                country,
                "",
                "",
                null,
                reason,
                null,
                quantity,
                null);
    }
}
