/** The Subscriptions view (My Account > Subscriptions) and its chart, tables and CSV. */
package com.storemetrics.subscriptions.ui;
