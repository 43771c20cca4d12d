package com.storemetrics.appstore;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The events of Apple's Subscription Event report (Apple help, "Subscription events"), with the
 * older names real files carry ("Introductory Price" before "Introductory Offer", "Cancelled" with
 * two l's). Anything else is {@link #UNKNOWN}: kept with its text, counted, never dropped.
 */
public enum SubscriptionEventType {
    START_INTRODUCTORY_OFFER("Start Introductory Offer", "Start Introductory Price", "Start Free Trial"),
    SUBSCRIBE("Subscribe"),
    OPT_IN("Opt-In"),
    START_OFFER_CODE("Start Offer Code"),
    START_PROMOTIONAL_OFFER("Start Promotional Offer"),
    REACTIVATE("Reactivate"),
    PAID_SUBSCRIPTION_FROM_INTRODUCTORY_OFFER(
            "Paid Subscription from Introductory Offer",
            "Paid Subscription from Introductory Price",
            "Paid Subscription from Free Trial"),
    CROSSGRADE_FROM_INTRODUCTORY_OFFER("Crossgrade from Introductory Offer", "Crossgrade from Introductory Price"),
    DOWNGRADE_FROM_INTRODUCTORY_OFFER("Downgrade from Introductory Offer", "Downgrade from Introductory Price"),
    UPGRADE_FROM_INTRODUCTORY_OFFER("Upgrade from Introductory Offer", "Upgrade from Introductory Price"),
    RENEW("Renew"),
    RENEWAL_FROM_BILLING_RETRY("Renewal from Billing Retry"),
    CANCEL("Cancel"),
    CANCELED_FROM_BILLING_RETRY("Canceled from Billing Retry", "Cancelled from Billing Retry"),
    CANCELED_FROM_BILLING_GRACE_PERIOD("Canceled from Billing Grace Period", "Cancelled from Billing Grace Period"),
    CANCELED_AFTER_RENEWAL_EXTENSION("Canceled After Renewal Extension", "Cancelled After Renewal Extension"),
    BILLING_RETRY_FROM_PAID_SUBSCRIPTION("Billing Retry from Paid Subscription"),
    BILLING_RETRY_FROM_INTRODUCTORY_OFFER(
            "Billing Retry from Introductory Offer", "Billing Retry from Introductory Price"),
    REFUND("Refund"),
    UPGRADE("Upgrade"),
    DOWNGRADE("Downgrade"),
    CROSSGRADE("Crossgrade"),
    /** A name this client does not know (yet); the row keeps Apple's text. */
    UNKNOWN();

    private static final Map<String, SubscriptionEventType> BY_NAME = byName();

    private final List<String> names;

    SubscriptionEventType(String... names) {
        this.names = List.of(names);
    }

    /** Apple's current name; blank for {@link #UNKNOWN}. */
    public String appleName() {
        return names.isEmpty() ? "" : names.get(0);
    }

    /** The type of an event as the report writes it, ignoring case and runs of blanks. */
    public static SubscriptionEventType of(String event) {
        return BY_NAME.getOrDefault(key(event), UNKNOWN);
    }

    private static Map<String, SubscriptionEventType> byName() {
        Map<String, SubscriptionEventType> byName = new HashMap<>();
        for (SubscriptionEventType type : values()) {
            type.names.forEach(name -> byName.put(key(name), type));
        }
        return Map.copyOf(byName);
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
