/**
 * Store metrics: imports each Approved account's daily sales from Apple with our service Apple ID
 * and shows them to the customers who have that account Approved.
 */
package com.storemetrics.metrics;
