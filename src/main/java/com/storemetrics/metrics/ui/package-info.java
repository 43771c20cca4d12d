/** My Account > Store Metrics: a customer's store figures of their Approved accounts, with cards, chart, tables and CSV. */
package com.storemetrics.metrics.ui;
