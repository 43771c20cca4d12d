package com.storemetrics.appstore;

/**
 * One row of a daily Subscription report: the subscribers of one subscription at one price in one
 * country on the report day (Apple splits a subscription's subscribers into rows by price, offer,
 * proceeds rate and device). Text columns are trimmed and blank ({@code ""}) when Apple left them
 * blank or the file has no such column.
 *
 * @param standardSubscriptionDuration as Apple writes it: "7 Days", "1 Month", "1 Year"
 * @param developerProceeds per subscription, in the proceeds currency (multiply by a count: {@link Money#times})
 * @param proceedsReason "Rate After One Year" where Apple keeps 15 %, else blank
 * @param country two letters (a three-letter code in the file is turned into two)
 */
public record SubscriptionRow(
        String appName,
        String appAppleId,
        String subscriptionName,
        String subscriptionAppleId,
        String subscriptionGroupId,
        String standardSubscriptionDuration,
        String subscriptionOfferName,
        String promotionalOfferId,
        Money customerPrice,
        Money developerProceeds,
        String preservedPricing,
        String proceedsReason,
        String client,
        String device,
        String state,
        String country,
        SubscriptionCounts counts) {}
