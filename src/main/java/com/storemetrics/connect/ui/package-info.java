/** The three-step Connect App Store Connect dialog. */
package com.storemetrics.connect.ui;
