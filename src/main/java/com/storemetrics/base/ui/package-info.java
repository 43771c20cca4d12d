/** The application's frame and shared view pieces: layout, error pages, badges, times, background calls and Vaadin settings. */
package com.storemetrics.base.ui;
