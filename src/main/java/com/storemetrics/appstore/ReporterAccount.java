package com.storemetrics.appstore;

/** An App Store Connect provider account as the Reporter service lists it. */
public record ReporterAccount(String number, String name) {}
