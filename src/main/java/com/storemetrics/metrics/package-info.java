/**
 * Store metrics: imports each Approved account's daily sales from Apple with our service Apple ID
 * and shows them to the customers who have that account Approved, and e-mails them (through the
 * notices outbox) when its data stalls.
 */
package com.storemetrics.metrics;
