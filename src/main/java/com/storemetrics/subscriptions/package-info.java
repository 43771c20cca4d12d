/**
 * Subscriptions: imports each Approved account's daily Subscription and Subscription Event reports
 * from Apple with our service Apple ID (through the store-metrics importer) and shows what a
 * subscription business lives by to the customers who have that account Approved.
 */
package com.storemetrics.subscriptions;
