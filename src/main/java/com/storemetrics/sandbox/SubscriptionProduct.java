package com.storemetrics.sandbox;

import java.math.BigDecimal;

/**
 * An auto-renewable subscription of a demo app: its identifiers, group, standard duration and price,
 * its offers and when it went on sale. {@link SubscriptionCatalog} derives them from the app.
 *
 * @param level its level of service within the group (1 is the highest), which tells an upgrade
 *     from a downgrade or a crossgrade as Apple does
 * @param promotional the promotional offer, or null
 * @param offerCode the offer code, or null
 * @param launchEpochDay the first day it was on sale (an absolute date, so past reports never change)
 * @param size standard-price subscribers in the US once the product is mature
 */
record SubscriptionProduct(
        SandboxApp app,
        String appleId,
        String sku,
        String name,
        String groupId,
        int level,
        Period period,
        int priceTier,
        double priceFactor,
        SubscriptionOffer introductory,
        SubscriptionOffer promotional,
        SubscriptionOffer offerCode,
        boolean gracePeriod,
        long launchEpochDay,
        double size) {

    /** Standard durations, written as the Subscription reports write them. */
    enum Period {
        WEEK("7 Days", 7),
        MONTH("1 Month", 30),
        YEAR("1 Year", 365);

        final String label;
        final int days;

        Period(String label, int days) {
            this.label = label;
            this.days = days;
        }
    }

    /** The standard price in a storefront: the app's price tier as is, or a multiple shown as that storefront would. */
    BigDecimal standardPrice(Storefront store) {
        return priceFactor == 1.0 ? store.price(priceTier) : store.priceOf(priceTier, priceFactor);
    }

    /** A stable number for hashing (its Apple ID). */
    long seed() {
        return Long.parseLong(appleId);
    }

    /** Sold in the US, Britain and Germany always, and in about half of the other storefronts. */
    boolean soldIn(Storefront store) {
        int index = store.index();
        return index < 3 || Math.floorMod(SubscriptionLedger.mix(seed() * 131 + index), 100) < 50;
    }

    /** The device its subscribers in a storefront use most (the reports split rows by device). */
    String device(Storefront store) {
        return Math.floorMod(SubscriptionLedger.mix(seed() * 17 + store.index()), 5) == 0 ? "iPad" : "iPhone";
    }
}
