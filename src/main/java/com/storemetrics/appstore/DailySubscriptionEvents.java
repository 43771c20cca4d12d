package com.storemetrics.appstore;

/** What Apple answered for one vendor's daily Subscription Event report: rows, no events, or not published yet. */
public record DailySubscriptionEvents(ReportOutcome outcome, SubscriptionEventReport report) {}
