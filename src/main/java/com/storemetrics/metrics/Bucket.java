package com.storemetrics.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a sales line counts as, by Apple's Product Type Identifier (docs/metrics.md). */
public enum Bucket {
    DOWNLOADS("Downloads"),
    REDOWNLOADS("Re-downloads"),
    UPDATES("Updates"),
    IN_APP_PURCHASES("In-app purchases"),
    SUBSCRIPTIONS("Subscriptions"),
    BUNDLES("Bundles"),
    OTHER("Other");

    private static final Map<String, Bucket> BY_CODE = Map.ofEntries(
            Map.entry("1", DOWNLOADS),
            Map.entry("1F", DOWNLOADS),
            Map.entry("1T", DOWNLOADS),
            Map.entry("F1", DOWNLOADS),
            Map.entry("1E", DOWNLOADS),
            Map.entry("1EP", DOWNLOADS),
            Map.entry("1EU", DOWNLOADS),
            Map.entry("1-B", BUNDLES),
            Map.entry("F1-B", BUNDLES),
            Map.entry("3", REDOWNLOADS),
            Map.entry("3F", REDOWNLOADS),
            Map.entry("7", UPDATES),
            Map.entry("7F", UPDATES),
            Map.entry("7T", UPDATES),
            Map.entry("F7", UPDATES),
            Map.entry("IA1", IN_APP_PURCHASES),
            Map.entry("IA1-M", IN_APP_PURCHASES),
            Map.entry("FI1", IN_APP_PURCHASES),
            Map.entry("IA9", SUBSCRIPTIONS),
            Map.entry("IA9-M", SUBSCRIPTIONS),
            Map.entry("IAY", SUBSCRIPTIONS),
            Map.entry("IAY-M", SUBSCRIPTIONS));

    /** Restored purchases are listed in the report but are not sales. */
    static final String RESTORE = "IA3";

    private final String label;

    Bucket(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The bucket of a product type; empty for restores, which are not counted at all. */
    static Optional<Bucket> of(String productTypeIdentifier) {
        String code = productTypeIdentifier == null
                ? ""
                : productTypeIdentifier.trim().toUpperCase(Locale.ROOT);
        if (code.equals(RESTORE)) {
            return Optional.empty();
        }
        return Optional.of(BY_CODE.getOrDefault(code, OTHER));
    }

    static boolean isKnown(String productTypeIdentifier) {
        String code = productTypeIdentifier == null
                ? ""
                : productTypeIdentifier.trim().toUpperCase(Locale.ROOT);
        return code.equals(RESTORE) || BY_CODE.containsKey(code);
    }
}
