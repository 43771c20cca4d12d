package com.storemetrics.subscriptions;

import com.storemetrics.appstore.SubscriptionEventType;
import com.storemetrics.appstore.SubscriptionOfferType;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a period's events add up to, by the definitions in docs/subscriptions.md (Apple's event names
 * and Subscription Offer Type): new subscriptions (activations), free trials that ended and those
 * that turned paid, paid subscriptions canceled (by reason) and refunded, reactivations; and the
 * events of a name we do not know, counted apart and in none of these figures.
 */
public final class Flows {

    private long activations;
    private long trialsEnded;
    private long trialConversions;
    private long cancellations;
    private long refunds;
    private long reactivations;
    private final Map<String, Long> cancellationsByReason = new TreeMap<>();
    private final Map<String, Long> unknownEvents = new TreeMap<>();

    /** Adds one event total (Apple's event name, offer type text and cancellation reason). */
    public void add(String event, String offerType, String reason, long quantity) {
        boolean trial = SubscriptionOfferType.of(offerType) == SubscriptionOfferType.FREE_TRIAL;
        switch (SubscriptionEventType.of(event)) {
            case START_INTRODUCTORY_OFFER, START_PROMOTIONAL_OFFER, START_OFFER_CODE, SUBSCRIBE ->
                activations += quantity;
            case REACTIVATE -> reactivations += quantity;
            case PAID_SUBSCRIPTION_FROM_INTRODUCTORY_OFFER,
                    UPGRADE_FROM_INTRODUCTORY_OFFER,
                    DOWNGRADE_FROM_INTRODUCTORY_OFFER,
                    CROSSGRADE_FROM_INTRODUCTORY_OFFER -> {
                if (trial) {
                    trialConversions += quantity;
                    trialsEnded += quantity;
                }
            }
            case CANCEL -> {
                if (trial) {
                    trialsEnded += quantity;
                } else {
                    canceled(reason.isBlank() ? "No reason given" : reason, quantity);
                }
            }
            case BILLING_RETRY_FROM_INTRODUCTORY_OFFER -> {
                if (trial) {
                    trialsEnded += quantity;
                }
            }
            case CANCELED_FROM_BILLING_RETRY, CANCELED_FROM_BILLING_GRACE_PERIOD, CANCELED_AFTER_RENEWAL_EXTENSION ->
                canceled(reason.isBlank() ? SubscriptionEventType.of(event).appleName() : reason, quantity);
            case REFUND -> refunds += quantity;
            case UNKNOWN -> unknownEvents.merge(event, quantity, Long::sum);
            default -> {
                // Renewals, billing retries of paid subscriptions, up-, down- and crossgrades, opt-ins:
                // they move no subscriber into or out of a paid subscription of the account.
            }
        }
    }

    private void canceled(String reason, long quantity) {
        cancellations += quantity;
        cancellationsByReason.merge(reason, quantity, Long::sum);
    }

    public long activations() {
        return activations;
    }

    public long trialsEnded() {
        return trialsEnded;
    }

    public long trialConversions() {
        return trialConversions;
    }

    /** Converted / ended free trials, or null when no free trial ended. */
    public Double trialConversionRate() {
        return trialsEnded == 0 ? null : trialConversions / (double) trialsEnded;
    }

    public long cancellations() {
        return cancellations;
    }

    public long refunds() {
        return refunds;
    }

    public long reactivations() {
        return reactivations;
    }

    /** Paid subscriptions that ended: canceled or refunded. */
    public long paidEnded() {
        return cancellations + refunds;
    }

    public Map<String, Long> cancellationsByReason() {
        return cancellationsByReason;
    }

    public Map<String, Long> unknownEvents() {
        return unknownEvents;
    }
}
