/** The three-step Connect App Store Connect dialog. */
package com.storemetrics.integration.funnel.ui;
