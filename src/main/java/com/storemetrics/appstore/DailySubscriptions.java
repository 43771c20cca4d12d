package com.storemetrics.appstore;

/** What Apple answered for one vendor's daily Subscription report: rows, no subscriptions, or not published yet. */
public record DailySubscriptions(ReportOutcome outcome, SubscriptionReport report) {}
