package com.storemetrics.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.storemetrics.sandbox.SubscriptionLedger.Column;
import com.storemetrics.sandbox.SubscriptionLedger.Event;
import com.storemetrics.sandbox.SubscriptionLedger.Position;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The demo world's subscriptions: the day-to-day rule of docs/sandbox.md holds to the unit over the
 * whole history, the Sales summary's subscription units are the day's paid events, and the
 * catalogue has what the reports need to show.
 */
class SubscriptionLedgerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final DemoWorld.AccountSeed PIXEL_FORGE = DemoWorld.ACCOUNTS.get(0);
    private static final DemoWorld.AccountSeed ALICE_MARTIN = DemoWorld.ACCOUNTS.get(1);
    private static final DemoWorld.AccountSeed NORTHWIND = DemoWorld.ACCOUNTS.get(2);
    private static final DemoWorld.AccountSeed BLUEBIRD = DemoWorld.ACCOUNTS.get(3);

    /** A row key of the rule: a subscription in a country. */
    private record Key(String subscriptionAppleId, String country) {}

    /** The three counts the rule balances. */
    private record Totals(int paid, int trials, int atRisk) {
        Totals plus(Totals other) {
            return new Totals(paid + other.paid, trials + other.trials, atRisk + other.atRisk);
        }
    }

    @Test
    void every_days_counts_follow_from_the_day_before_and_the_days_events_over_the_whole_history() {
        for (DemoWorld.AccountSeed account : List.of(PIXEL_FORGE, BLUEBIRD)) {
            String vendor = account.vendors().get(0);
            assertRuleHolds(account, vendor, SalesLedger.DAYS_OF_HISTORY - 1);
        }
    }

    @Test
    void the_rule_holds_for_the_large_account_too() {
        assertRuleHolds(NORTHWIND, "85000003", 45);
        assertRuleHolds(NORTHWIND, "85000004", 45);
    }

    @Test
    void the_sales_summarys_subscription_units_are_the_days_paid_events_minus_refunds() {
        int daysWithUnits = 0;
        for (int back = 0; back < SalesLedger.DAYS_OF_HISTORY; back++) {
            LocalDate day = TODAY.minusDays(back);
            Map<String, Integer> sales = new HashMap<>();
            for (SalesLedger.SalesLine line :
                    SalesLedger.dailySummary(PIXEL_FORGE.name(), PIXEL_FORGE.apps(), "85000001", day, TODAY)) {
                if (line.column("Product Type Identifier").equals("IAY")) {
                    sales.merge(
                            line.column("Apple Identifier") + "/" + line.column("Country Code"),
                            Integer.parseInt(line.column("Units")),
                            Integer::sum);
                }
            }
            Map<String, Integer> charged = new HashMap<>();
            for (Event event : SubscriptionLedger.eventReport(PIXEL_FORGE.apps(), "85000001", day, TODAY)) {
                int units = paidUnits(event.name(), offerType(event), event.quantity());
                if (units != 0) {
                    charged.merge(
                            event.product().appleId() + "/" + event.store().country(), units, Integer::sum);
                }
            }
            charged.values().removeIf(units -> units == 0);
            sales.values().removeIf(units -> units == 0);
            assertThat(sales).as("IAY units on %s", day).isEqualTo(charged);
            daysWithUnits += sales.isEmpty() ? 0 : 1;
        }
        assertThat(daysWithUnits).isGreaterThan(300);
    }

    @Test
    void a_past_day_is_the_same_on_every_call_and_whatever_today_is() {
        LocalDate day = TODAY.minusDays(40);

        assertThat(SubscriptionLedger.subscriptionReport(PIXEL_FORGE.apps(), "85000001", day, TODAY))
                .isEqualTo(
                        SubscriptionLedger.subscriptionReport(PIXEL_FORGE.apps(), "85000001", day, TODAY.plusDays(9)));
        assertThat(SubscriptionLedger.eventReport(PIXEL_FORGE.apps(), "85000001", day, TODAY))
                .isEqualTo(SubscriptionLedger.eventReport(PIXEL_FORGE.apps(), "85000001", day, TODAY.plusDays(9)));
    }

    @Test
    void pixel_forge_has_several_groups_durations_storefronts_offers_and_every_kind_of_subscriber() {
        List<SubscriptionProduct> products = PIXEL_FORGE.apps().stream()
                .flatMap(app -> SubscriptionCatalog.of(app).products().stream())
                .toList();
        assertThat(products.stream()
                        .map(SubscriptionProduct::groupId)
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(3);
        assertThat(products.stream().map(product -> product.period().label)).contains("7 Days", "1 Month", "1 Year");
        assertThat(products.stream().map(product -> product.introductory().type()))
                .contains(SubscriptionOffer.Type.values());

        Set<Column> seen = new HashSet<>();
        Set<String> currencies = new HashSet<>();
        for (Position position :
                SubscriptionLedger.subscriptionReport(PIXEL_FORGE.apps(), "85000001", TODAY.minusDays(3), TODAY)) {
            currencies.add(position.store().currency());
            for (Column column : Column.values()) {
                assertThat(position.count(column)).isNotNegative();
                if (position.count(column) > 0) {
                    seen.add(column);
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(Column.values());
        assertThat(currencies.size()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void a_year_has_every_event_the_reports_know_with_apples_cancellation_reasons() {
        Set<String> events = new HashSet<>();
        Set<String> reasons = new HashSet<>();
        for (int back = 0; back < 365; back++) {
            for (Event event :
                    SubscriptionLedger.eventReport(PIXEL_FORGE.apps(), "85000001", TODAY.minusDays(back), TODAY)) {
                assertThat(event.quantity()).isPositive();
                events.add(event.name());
                if (!event.cancellationReason().isEmpty()) {
                    reasons.add(event.name() + ": " + event.cancellationReason());
                }
            }
        }
        assertThat(events)
                .containsExactlyInAnyOrder(
                        "Start Introductory Offer",
                        "Subscribe",
                        "Start Offer Code",
                        "Reactivate",
                        "Paid Subscription from Introductory Offer",
                        "Renew",
                        "Cancel",
                        "Billing Retry from Introductory Offer",
                        "Billing Retry from Paid Subscription",
                        "Renewal from Billing Retry",
                        "Canceled from Billing Retry",
                        "Canceled from Billing Grace Period",
                        "Refund",
                        "Upgrade",
                        "Downgrade",
                        "Crossgrade");
        assertThat(reasons)
                .contains(
                        "Cancel: Canceled",
                        "Cancel: Price Increase Notice",
                        "Cancel: Price Increase Consent",
                        "Cancel: Other",
                        "Canceled from Billing Retry: Billing Issue");
    }

    @Test
    void a_quiet_day_has_subscribers_but_no_events_and_a_vendor_without_subscriptions_has_neither() {
        LocalDate quiet = TODAY.minusDays(2);
        while (!SalesLedger.isQuietDay("85000001", quiet)) {
            quiet = quiet.minusDays(1);
        }

        assertThat(SubscriptionLedger.eventReport(PIXEL_FORGE.apps(), "85000001", quiet, TODAY))
                .isEmpty();
        assertThat(SubscriptionLedger.subscriptionReport(PIXEL_FORGE.apps(), "85000001", quiet, TODAY))
                .isNotEmpty();
        assertThat(SubscriptionLedger.subscriptionReport(ALICE_MARTIN.apps(), "85000002", TODAY.minusDays(3), TODAY))
                .isEmpty();
        assertThat(SubscriptionLedger.eventReport(ALICE_MARTIN.apps(), "85000002", TODAY.minusDays(3), TODAY))
                .isEmpty();
    }

    @Test
    void a_subscription_launched_within_the_history_has_nobody_before_its_launch() {
        SubscriptionProduct late = PIXEL_FORGE.apps().stream()
                .flatMap(app -> SubscriptionCatalog.of(app).products().stream())
                .filter(product ->
                        product.launchEpochDay() > TODAY.minusDays(365).toEpochDay())
                .findFirst()
                .orElseThrow();
        LocalDate before = LocalDate.ofEpochDay(late.launchEpochDay());

        assertThat(SubscriptionLedger.positions(late.app(), before))
                .noneMatch(position -> position.product().equals(late));
        assertThat(SubscriptionLedger.positions(late.app(), before.plusDays(60)))
                .anyMatch(position -> position.product().equals(late));
    }

    @Test
    void every_subscription_of_the_demo_world_has_its_own_ten_digit_apple_id() {
        List<String> ids = new ArrayList<>();
        DemoWorld.ACCOUNTS.forEach(account -> account.apps().forEach(app -> {
            ids.add(app.appleId());
            ids.add(SalesLedger.inAppId(app.appleId(), 1));
            SubscriptionCatalog.of(app).products().forEach(product -> ids.add(product.appleId()));
        }));

        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[1-9]\\d{9}"));
    }

    // ---------------------------------------------------------------- the rule, written out again

    private static void assertRuleHolds(DemoWorld.AccountSeed account, String vendor, int days) {
        Map<Key, Totals> before =
                totals(SubscriptionLedger.subscriptionReport(account.apps(), vendor, TODAY.minusDays(days), TODAY));
        int checked = 0;
        for (int back = days - 1; back >= 0; back--) {
            LocalDate day = TODAY.minusDays(back);
            Map<Key, Totals> after = totals(SubscriptionLedger.subscriptionReport(account.apps(), vendor, day, TODAY));
            Map<Key, Totals> expected = new HashMap<>(before);
            changes(SubscriptionLedger.eventReport(account.apps(), vendor, day, TODAY))
                    .forEach((key, change) -> expected.merge(key, change, Totals::plus));
            expected.values().removeIf(totals -> totals.equals(new Totals(0, 0, 0)));
            Set<Key> keys = new HashSet<>(expected.keySet());
            keys.addAll(after.keySet());
            List<String> mismatches = new ArrayList<>();
            for (Key key : keys) {
                if (!Objects.equals(expected.get(key), after.get(key))) {
                    mismatches.add(key + ": expected " + expected.get(key) + ", reported " + after.get(key));
                }
            }
            assertThat(mismatches)
                    .as("%s %s on %s", account.name(), vendor, day)
                    .isEmpty();
            checked += after.size();
            before = after;
        }
        assertThat(checked).isGreaterThan(days);
    }

    private static Map<Key, Totals> totals(List<Position> positions) {
        Map<Key, Totals> totals = new HashMap<>();
        for (Position position : positions) {
            int paid = 0;
            for (Column column : Column.values()) {
                paid += column.paid ? position.count(column) : 0;
            }
            Totals row = new Totals(
                    paid,
                    position.count(Column.INTRO_FREE_TRIAL),
                    position.count(Column.BILLING_RETRY) + position.count(Column.GRACE_PERIOD));
            totals.merge(new Key(position.product().appleId(), position.store().country()), row, Totals::plus);
        }
        totals.values().removeIf(row -> row.equals(new Totals(0, 0, 0)));
        return totals;
    }

    /** docs/sandbox.md, "The day-to-day rule", by event name and whether the offer is a free trial. */
    private static Map<Key, Totals> changes(List<Event> events) {
        Map<Key, Totals> changes = new HashMap<>();
        for (Event event : events) {
            Key key = new Key(event.product().appleId(), event.store().country());
            int q = event.quantity();
            boolean trial = offerType(event).equals("Free Trial");
            Totals change = switch (event.name()) {
                case "Start Introductory Offer", "Start Offer Code", "Reactivate" ->
                    trial ? new Totals(0, q, 0) : new Totals(q, 0, 0);
                case "Subscribe" -> new Totals(q, 0, 0);
                case "Paid Subscription from Introductory Offer" -> trial ? new Totals(q, -q, 0) : new Totals(0, 0, 0);
                case "Renew" -> new Totals(0, 0, 0);
                case "Cancel" -> trial ? new Totals(0, -q, 0) : new Totals(-q, 0, 0);
                case "Refund" -> new Totals(-q, 0, 0);
                case "Billing Retry from Paid Subscription" -> new Totals(-q, 0, q);
                case "Billing Retry from Introductory Offer" -> trial ? new Totals(0, -q, q) : new Totals(-q, 0, q);
                case "Renewal from Billing Retry" -> new Totals(q, 0, -q);
                case "Canceled from Billing Retry", "Canceled from Billing Grace Period" -> new Totals(0, 0, -q);
                case "Upgrade", "Downgrade", "Crossgrade" -> {
                    changes.merge(
                            new Key(event.previous().appleId(), event.store().country()),
                            new Totals(-q, 0, 0),
                            Totals::plus);
                    yield new Totals(q, 0, 0);
                }
                default -> throw new AssertionError("an event the rule does not know: " + event.name());
            };
            changes.merge(key, change, Totals::plus);
        }
        return changes;
    }

    private static String offerType(Event event) {
        return event.offer() == null ? "" : event.offer().type().label;
    }

    /** docs/sandbox.md, "Subscriptions in the Sales summary": charges count, refunds count negative. */
    private static int paidUnits(String event, String offerType, int quantity) {
        return switch (event) {
            case "Subscribe",
                    "Reactivate",
                    "Paid Subscription from Introductory Offer",
                    "Renew",
                    "Renewal from Billing Retry",
                    "Upgrade",
                    "Downgrade",
                    "Crossgrade" -> quantity;
            case "Start Introductory Offer", "Start Offer Code" -> offerType.equals("Free Trial") ? 0 : quantity;
            case "Refund" -> -quantity;
            default -> 0;
        };
    }
}
