/** The application's frame and shared view pieces: layout, error pages, badges, times and background calls. */
package com.storemetrics.base.ui;
