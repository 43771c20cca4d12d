package com.storemetrics.sandbox;

import java.math.BigDecimal;

/**
 * An offer on an auto-renewable subscription, as App Store Connect sets it up: an introductory
 * offer for new subscribers, a promotional offer (the demo world gives it to lapsed subscribers who
 * come back) or an offer code.
 *
 * @param duration how Apple's reports write the offer's length ("1 Week", "3 Months")
 * @param days the offer's length in days
 * @param periodDays for pay-as-you-go, how often the offer price is charged; otherwise {@code days}
 * @param priceFactor the offer price against the standard price (per period for pay-as-you-go; 0 for a free trial)
 * @param name the reference name (blank for introductory offers, which have none in the reports)
 * @param promotionalOfferId the identifier (promotional offers only; Apple has none for custom offer codes)
 */
record SubscriptionOffer(
        Kind kind,
        Type type,
        String duration,
        int days,
        int periodDays,
        double priceFactor,
        String name,
        String promotionalOfferId) {

    enum Kind {
        INTRODUCTORY,
        PROMOTIONAL,
        OFFER_CODE
    }

    /** The offer's pricing, written as Apple's reports write it. */
    enum Type {
        FREE_TRIAL("Free Trial"),
        PAY_UP_FRONT("Pay Up Front"),
        PAY_AS_YOU_GO("Pay As You Go");

        final String label;

        Type(String label) {
            this.label = label;
        }
    }

    static SubscriptionOffer introductory(Type type, String duration, int days, int periodDays, double priceFactor) {
        return new SubscriptionOffer(Kind.INTRODUCTORY, type, duration, days, periodDays, priceFactor, "", "");
    }

    boolean isFreeTrial() {
        return type == Type.FREE_TRIAL;
    }

    /** What a customer pays for the offer in a storefront (per period for pay-as-you-go). */
    BigDecimal price(SubscriptionProduct product, Storefront store) {
        if (isFreeTrial()) {
            return store.round(BigDecimal.ZERO);
        }
        return store.priceOf(product.priceTier(), product.priceFactor() * priceFactor);
    }
}
