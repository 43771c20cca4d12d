package com.storemetrics.appstore;

import java.util.Locale;

/** The pricing of a subscription offer as the Subscription Event report writes it ("Subscription Offer Type"). */
public enum SubscriptionOfferType {
    FREE_TRIAL,
    PAY_UP_FRONT,
    PAY_AS_YOU_GO,
    /** No offer (blank). */
    NONE,
    /** A value this client does not know; the row keeps Apple's text. */
    OTHER;

    public static SubscriptionOfferType of(String text) {
        String key = text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return switch (key) {
            case "" -> NONE;
            case "free trial" -> FREE_TRIAL;
            case "pay up front" -> PAY_UP_FRONT;
            case "pay as you go" -> PAY_AS_YOU_GO;
            default -> OTHER;
        };
    }
}
