package com.storemetrics.subscriptions;

/**
 * Which subscriptions the view shows besides "all": one app's, one subscription group's or one
 * subscription. {@code key} is the App Apple ID, Subscription Group ID or Subscription Apple ID.
 */
public record SubscriptionChoice(Kind kind, String key, String label) {

    public enum Kind {
        APP,
        GROUP,
        SUBSCRIPTION
    }
}
