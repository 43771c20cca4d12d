package com.storemetrics.appstore;

/**
 * The counts of one Subscription report row, by Apple's columns (docs/apple-wire-contract.md,
 * section 6). A column the file's version does not have reads 0 ({@link SubscriptionReport#countColumns()}
 * says which it had).
 *
 * @param subscribers Apple's "Subscribers" (1_4: family members included), null where Apple leaves it
 *     blank (rows of three subscriptions or fewer) or the version has no such column
 */
public record SubscriptionCounts(
        int activeStandardPrice,
        int activeFreeTrialIntroductoryOffer,
        int activePayUpFrontIntroductoryOffer,
        int activePayAsYouGoIntroductoryOffer,
        int freeTrialPromotionalOffer,
        int payUpFrontPromotionalOffer,
        int payAsYouGoPromotionalOffer,
        int freeTrialOfferCode,
        int payUpFrontOfferCode,
        int payAsYouGoOfferCode,
        int freeTrialWinBackOffer,
        int payUpFrontWinBackOffer,
        int payAsYouGoWinBackOffer,
        int marketingOptIns,
        int billingRetry,
        int gracePeriod,
        Integer subscribers) {

    /** Paying subscribers: standard price and every pay-up-front and pay-as-you-go offer. */
    public int activePaid() {
        return activeStandardPrice
                + activePayUpFrontIntroductoryOffer
                + activePayAsYouGoIntroductoryOffer
                + payUpFrontPromotionalOffer
                + payAsYouGoPromotionalOffer
                + payUpFrontOfferCode
                + payAsYouGoOfferCode
                + payUpFrontWinBackOffer
                + payAsYouGoWinBackOffer;
    }

    /** Subscribers in a free trial of any kind of offer. */
    public int activeFreeTrials() {
        return activeFreeTrialIntroductoryOffer
                + freeTrialPromotionalOffer
                + freeTrialOfferCode
                + freeTrialWinBackOffer;
    }

    /** Subscribers Apple could not bill: in billing retry or in the billing grace period. */
    public int atRisk() {
        return billingRetry + gracePeriod;
    }
}
