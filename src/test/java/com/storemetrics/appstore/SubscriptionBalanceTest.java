package com.storemetrics.appstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storemetrics.appstore.SubscriptionBalance.Key;
import com.storemetrics.appstore.SubscriptionBalance.Mismatch;
import com.storemetrics.appstore.SubscriptionBalance.Totals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The day-to-day rule between the Subscription and Subscription Event reports, on hand-made days. */
class SubscriptionBalanceTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    @Test
    void a_day_balances_when_its_counts_are_the_day_before_plus_its_events() {
        SubscriptionReport monday = report(MONDAY, row("M", "US", 100, 10, 4), row("Y", "US", 50, 0, 0));
        SubscriptionEventReport events = events(
                event("Start Introductory Offer", "M", "US", "Free Trial", "", 3),
                event("Paid Subscription from Introductory Offer", "M", "US", "Free Trial", "", 2),
                event("Cancel", "M", "US", "", "", 1),
                event("Billing Retry from Paid Subscription", "M", "US", "", "", 2),
                event("Renewal from Billing Retry", "M", "US", "", "", 1),
                event("Canceled from Billing Retry", "M", "US", "", "", 1),
                event("Crossgrade", "Y", "US", "", "M", 5),
                event("Renew", "M", "US", "", "", 40),
                event("Subscribe", "M", "DE", "", "", 1));
        // M/US: paid 100 + 2 - 1 - 2 + 1 - 5 = 95; trials 10 + 3 - 2 = 11; at risk 4 + 2 - 1 - 1 = 4
        SubscriptionReport tuesday =
                report(TUESDAY, row("M", "US", 95, 11, 4), row("Y", "US", 55, 0, 0), row("M", "DE", 1, 0, 0));

        assertThat(SubscriptionBalance.check(monday, events, tuesday)).isEmpty();
    }

    @Test
    void a_day_that_does_not_balance_names_the_subscription_country_and_both_counts() {
        SubscriptionReport monday = report(MONDAY, row("M", "US", 100, 10, 4));
        SubscriptionEventReport events = events(event("Refund", "M", "US", "", "", 1));
        SubscriptionReport tuesday = report(TUESDAY, row("M", "US", 100, 10, 4));

        assertThat(SubscriptionBalance.check(monday, events, tuesday))
                .containsExactly(new Mismatch(new Key("M", "US"), new Totals(99, 10, 4), new Totals(100, 10, 4)));
    }

    @Test
    void an_unknown_event_changes_nothing_and_stays_visible_in_the_report() {
        SubscriptionEventReport events = events(event("Start Win-back Offer", "M", "US", "Pay Up Front", "", 2));

        assertThat(SubscriptionBalance.changes(events.rows())).isEmpty();
        assertThat(events.unknownEvents()).containsEntry("Start Win-back Offer", 2);
    }

    @Test
    void reports_of_days_that_do_not_follow_each_other_are_refused() {
        SubscriptionReport monday = report(MONDAY, row("M", "US", 1, 0, 0));

        assertThatThrownBy(() -> SubscriptionBalance.check(monday, events(), monday))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consecutive");
    }

    private static SubscriptionReport report(LocalDate date, SubscriptionRow... rows) {
        return new SubscriptionReport("85000001", date, "1_4", List.of(rows), Set.of());
    }

    private static SubscriptionEventReport events(SubscriptionEventRow... rows) {
        return new SubscriptionEventReport("85000001", TUESDAY, "1_4", List.of(rows));
    }

    /** A standard-price row with paid, free-trial and billing-retry subscribers. */
    private static SubscriptionRow row(String subscription, String country, int paid, int trials, int billingRetry) {
        Money price = new Money(new BigDecimal("2.99"), "USD");
        return new SubscriptionRow(
                "App",
                "1",
                subscription,
                subscription,
                "20000001",
                "1 Month",
                "",
                "",
                price,
                price,
                "",
                "",
                "",
                "iPhone",
                "",
                country,
                new SubscriptionCounts(paid, trials, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, billingRetry, 0, null));
    }

    private static SubscriptionEventRow event(
            String name, String subscription, String country, String offerType, String previous, int quantity) {
        return new SubscriptionEventRow(
                TUESDAY,
                name,
                "App",
                "1",
                subscription,
                subscription,
                "20000001",
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
                previous,
                null,
                "",
                null,
                quantity,
                null);
    }
}
