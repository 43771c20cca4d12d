package com.storemetrics.appstore;

/** An app from {@code GET /v1/apps}. */
public record AppleApp(String id, String name, String bundleId, String sku, String primaryLocale) {}
