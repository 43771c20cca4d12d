package com.storemetrics.appstore;

import java.time.LocalDate;

/**
 * One row of a daily Subscription Event report: {@code quantity} events of one kind for one
 * subscription in one country. Text columns are trimmed and blank ({@code ""}) when Apple left them
 * blank or the file has no such column; optional numbers and dates are null then.
 *
 * @param event Apple's text, kept as written; {@link #type()} reads it ({@link SubscriptionEventType#UNKNOWN} if new)
 * @param subscriptionOfferType Apple's text ("Free Trial", "Pay Up Front", "Pay As You Go" or blank); see {@link #offerType()}
 * @param country two letters (a three-letter code in the file is turned into two)
 * @param previousSubscriptionAppleId for up-, down- and crossgrades: the subscription moved from
 */
public record SubscriptionEventRow(
        LocalDate eventDate,
        String event,
        String appName,
        String appAppleId,
        String subscriptionName,
        String subscriptionAppleId,
        String subscriptionGroupId,
        String standardSubscriptionDuration,
        String subscriptionOfferType,
        String subscriptionOfferDuration,
        String marketingOptIn,
        String marketingOptInDuration,
        String preservedPricing,
        String proceedsReason,
        String subscriptionOfferName,
        String promotionalOfferId,
        Integer consecutivePaidPeriods,
        LocalDate originalStartDate,
        String device,
        String client,
        String state,
        String country,
        String previousSubscriptionName,
        String previousSubscriptionAppleId,
        Integer daysBeforeCanceling,
        String cancellationReason,
        Integer daysCanceled,
        int quantity,
        Integer paidServiceDaysRecovered) {

    public SubscriptionEventType type() {
        return SubscriptionEventType.of(event);
    }

    public SubscriptionOfferType offerType() {
        return SubscriptionOfferType.of(subscriptionOfferType);
    }
}
