package com.storemetrics.metrics;

import com.storemetrics.appstore.SalesRow;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One vendor's day of sales, aggregated to the grain the view reads: per (app, bucket, country,
 * currency of proceeds) the units sold, the units refunded and the net proceeds (units x per-unit
 * Developer Proceeds, in the original currency; refunds subtract). An in-app purchase belongs to
 * its parent app (Parent Identifier = the app's SKU); restores are left out.
 */
record DayFigures(List<Figure> figures, Map<String, AppName> apps) {

    private static final Logger log = LoggerFactory.getLogger(DayFigures.class);
    private static final Set<String> REPORTED_UNKNOWN = ConcurrentHashMap.newKeySet();

    record Key(String appKey, Bucket bucket, String country, String currency) {}

    record Figure(Key key, long units, long refundUnits, BigDecimal proceeds) {}

    record AppName(String appKey, String appleIdentifier, String title) {}

    static DayFigures of(Collection<SalesRow> rows) {
        Map<Key, long[]> units = new LinkedHashMap<>();
        Map<Key, BigDecimal> proceeds = new LinkedHashMap<>();
        Map<String, AppName> apps = new LinkedHashMap<>();
        for (SalesRow row : rows) {
            if (!Bucket.isKnown(row.productTypeIdentifier())
                    && REPORTED_UNKNOWN.add(String.valueOf(row.productTypeIdentifier()))) {
                log.warn(
                        "Unknown Product Type Identifier \"{}\" in a sales report: counted as Other",
                        clip(row.productTypeIdentifier()));
            }
            Bucket bucket = Bucket.of(row.productTypeIdentifier()).orElse(null);
            if (bucket == null) {
                continue;
            }
            String parent = blankToNull(row.parentIdentifier());
            String appKey =
                    parent != null ? parent : blankToNull(row.sku()) != null ? row.sku() : row.appleIdentifier();
            if (parent == null) {
                apps.putIfAbsent(appKey, new AppName(appKey, row.appleIdentifier(), row.title()));
            }
            Key key = new Key(clip(appKey), bucket, orUnknown(row.countryCode()), orUnknown(row.currencyOfProceeds()));
            long[] counts = units.computeIfAbsent(key, k -> new long[2]);
            if (row.units() >= 0) {
                counts[0] += row.units();
            } else {
                counts[1] -= row.units();
            }
            proceeds.merge(key, row.developerProceeds().multiply(BigDecimal.valueOf(row.units())), BigDecimal::add);
        }
        List<Figure> figures = units.entrySet().stream()
                .map(entry -> new Figure(
                        entry.getKey(), entry.getValue()[0], entry.getValue()[1], proceeds.get(entry.getKey())))
                .toList();
        return new DayFigures(figures, apps);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String orUnknown(String value) {
        String trimmed = value == null ? "" : value.trim();
        return trimmed.isEmpty() ? "??" : trimmed.length() > 8 ? trimmed.substring(0, 8) : trimmed;
    }

    private static String clip(String value) {
        if (value == null) {
            return "";
        }
        return value.length() > 100 ? value.substring(0, 100) : value;
    }
}
