package com.storemetrics.sandbox;

/**
 * An app of a sandbox account, as {@code GET /v1/apps} lists it and as its sales lines name it.
 *
 * @param appleId Apple's 10-digit identifier (the resource id of {@code /v1/apps})
 * @param vendorNumber the vendor number its sales are reported under
 * @param popularity typical units per country and day, so apps differ in size
 */
record SandboxApp(
        String appleId,
        String name,
        String bundleId,
        String sku,
        String vendorNumber,
        String category,
        Kind kind,
        int priceTier,
        int popularity,
        String version) {

    /** How the app earns money, which decides the product types of its sales lines. */
    enum Kind {
        /** Free download ({@code 1F}, price 0) plus consumable in-app purchases ({@code IA1}). */
        FREE_WITH_IN_APP_PURCHASES,
        /** Paid download ({@code 1F} with a price). */
        PAID,
        /** Free download plus an auto-renewable monthly subscription ({@code IAY}). */
        SUBSCRIPTION
    }
}
