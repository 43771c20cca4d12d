package com.storemetrics.appstore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The day-to-day rule between the two subscription reports (docs/apple-wire-contract.md, section
 * 6): per subscription and country, a day's active paid subscriptions, free trials and subscribers
 * at risk equal the day before's plus what that day's events did to them. The sandbox keeps it to
 * the unit; with Apple's own files a mismatch is a finding to record, not something to fix.
 * Events of a name this client does not know change nothing here (see
 * {@link SubscriptionEventReport#unknownEvents()}).
 */
public final class SubscriptionBalance {

    /** A key of the rule: a subscription in a country (two letters). */
    public record Key(String subscriptionAppleId, String country) {}

    /** The counts the rule balances: {@link SubscriptionCounts#activePaid()}, {@code activeFreeTrials()}, {@code atRisk()}. */
    public record Totals(int activePaid, int activeFreeTrials, int atRisk) {

        public static final Totals ZERO = new Totals(0, 0, 0);

        public Totals plus(Totals other) {
            return new Totals(
                    activePaid + other.activePaid, activeFreeTrials + other.activeFreeTrials, atRisk + other.atRisk);
        }
    }

    /** A key whose reported counts differ from the day before plus the day's events. */
    public record Mismatch(Key key, Totals expected, Totals reported) {}

    private SubscriptionBalance() {}

    /** A Subscription report's counts per key (its rows summed). */
    public static Map<Key, Totals> totals(List<SubscriptionRow> rows) {
        Map<Key, Totals> totals = new HashMap<>();
        for (SubscriptionRow row : rows) {
            SubscriptionCounts counts = row.counts();
            totals.merge(
                    new Key(row.subscriptionAppleId(), row.country()),
                    new Totals(counts.activePaid(), counts.activeFreeTrials(), counts.atRisk()),
                    Totals::plus);
        }
        return totals;
    }

    /**
     * What a day's events do to the counts, per key. With q the quantity and "trial" meaning the
     * row's Subscription Offer Type is Free Trial:
     * <ul>
     *   <li>Start Introductory Offer, Start Offer Code, Start Promotional Offer, Reactivate: trial ? trials +q : paid +q
     *   <li>Subscribe: paid +q
     *   <li>Paid Subscription from Introductory Offer: trial ? trials -q, paid +q : no change (paid stays paid)
     *   <li>Renew, Opt-In: no change
     *   <li>Cancel: trial ? trials -q : paid -q; Canceled After Renewal Extension, Refund: paid -q
     *   <li>Billing Retry from Paid Subscription: paid -q, at risk +q
     *   <li>Billing Retry from Introductory Offer: (trial ? trials : paid) -q, at risk +q
     *   <li>Renewal from Billing Retry: at risk -q, paid +q
     *   <li>Canceled from Billing Retry, Canceled from Billing Grace Period: at risk -q
     *   <li>Upgrade, Downgrade, Crossgrade: paid +q here, paid -q on the Previous Subscription Apple ID
     *   <li>Up-, Down- or Crossgrade from Introductory Offer: paid +q here, (trial ? trials : paid) -q on the previous one
     * </ul>
     */
    public static Map<Key, Totals> changes(List<SubscriptionEventRow> events) {
        Map<Key, Totals> changes = new HashMap<>();
        for (SubscriptionEventRow event : events) {
            Key key = new Key(event.subscriptionAppleId(), event.country());
            Key previous = event.previousSubscriptionAppleId().isEmpty()
                    ? key
                    : new Key(event.previousSubscriptionAppleId(), event.country());
            int q = event.quantity();
            boolean trial = event.offerType() == SubscriptionOfferType.FREE_TRIAL;
            Totals offerHolder = trial ? new Totals(0, q, 0) : new Totals(q, 0, 0);
            Totals offerHolderLeaves = trial ? new Totals(0, -q, 0) : new Totals(-q, 0, 0);
            switch (event.type()) {
                case START_INTRODUCTORY_OFFER, START_OFFER_CODE, START_PROMOTIONAL_OFFER, REACTIVATE ->
                    add(changes, key, offerHolder);
                case SUBSCRIBE -> add(changes, key, new Totals(q, 0, 0));
                case PAID_SUBSCRIPTION_FROM_INTRODUCTORY_OFFER -> {
                    if (trial) {
                        add(changes, key, new Totals(q, -q, 0));
                    }
                }
                case CANCEL -> add(changes, key, offerHolderLeaves);
                case CANCELED_AFTER_RENEWAL_EXTENSION, REFUND -> add(changes, key, new Totals(-q, 0, 0));
                case BILLING_RETRY_FROM_PAID_SUBSCRIPTION -> add(changes, key, new Totals(-q, 0, q));
                case BILLING_RETRY_FROM_INTRODUCTORY_OFFER ->
                    add(changes, key, offerHolderLeaves.plus(new Totals(0, 0, q)));
                case RENEWAL_FROM_BILLING_RETRY -> add(changes, key, new Totals(q, 0, -q));
                case CANCELED_FROM_BILLING_RETRY, CANCELED_FROM_BILLING_GRACE_PERIOD ->
                    add(changes, key, new Totals(0, 0, -q));
                case UPGRADE, DOWNGRADE, CROSSGRADE -> {
                    add(changes, key, new Totals(q, 0, 0));
                    add(changes, previous, new Totals(-q, 0, 0));
                }
                case UPGRADE_FROM_INTRODUCTORY_OFFER,
                        DOWNGRADE_FROM_INTRODUCTORY_OFFER,
                        CROSSGRADE_FROM_INTRODUCTORY_OFFER -> {
                    add(changes, key, new Totals(q, 0, 0));
                    add(changes, previous, offerHolderLeaves);
                }
                case RENEW, OPT_IN, UNKNOWN -> {
                    // No change to the balanced counts (an unknown event is reported by the report itself).
                }
            }
        }
        return changes;
    }

    /**
     * Checks a day against the day before and the day's events; empty when every key balances. The
     * reports must be of consecutive days of one vendor.
     */
    public static List<Mismatch> check(
            SubscriptionReport dayBefore, SubscriptionEventReport events, SubscriptionReport day) {
        if (!dayBefore.date().plusDays(1).equals(day.date()) || !events.date().equals(day.date())) {
            throw new IllegalArgumentException("the reports are not of consecutive days: " + dayBefore.date() + ", "
                    + events.date() + ", " + day.date());
        }
        Map<Key, Totals> expected = totals(dayBefore.rows());
        changes(events.rows()).forEach((key, change) -> expected.merge(key, change, Totals::plus));
        Map<Key, Totals> reported = totals(day.rows());
        Set<Key> keys = new HashSet<>(expected.keySet());
        keys.addAll(reported.keySet());
        List<Mismatch> mismatches = new ArrayList<>();
        for (Key key : keys) {
            Totals want = expected.getOrDefault(key, Totals.ZERO);
            Totals got = reported.getOrDefault(key, Totals.ZERO);
            if (!Objects.equals(want, got)) {
                mismatches.add(new Mismatch(key, want, got));
            }
        }
        return mismatches;
    }

    private static void add(Map<Key, Totals> changes, Key key, Totals change) {
        changes.merge(key, change, Totals::plus);
    }
}
