/** Customers' integrations of App Store Connect accounts: the accounts, the integrations with their history and notices, the one write path that changes them, and the read sides for customers and support. */
package com.storemetrics.integration;
