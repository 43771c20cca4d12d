package com.storemetrics.metrics;

import com.storemetrics.appstore.SalesRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One vendor's day of sales as the store takes it: each report line with its bucket, the app it
 * belongs to (an in-app purchase or subscription belongs to its parent app: Parent Identifier = the
 * app's SKU), country, currency of proceeds, signed units and net proceeds (units x per-unit
 * Developer Proceeds, in the original currency; refunds are negative); restores are left out. The
 * database adds the lines up ({@link SalesDayWriter}). Also the apps the lines name.
 */
record SalesLines(List<Line> lines, Collection<AppName> apps) {

    private static final Logger log = LoggerFactory.getLogger(SalesLines.class);
    private static final Set<String> REPORTED_UNKNOWN = ConcurrentHashMap.newKeySet();

    record Line(String appKey, Bucket bucket, String country, String currency, long units, BigDecimal proceeds) {}

    record AppName(String appKey, String appleIdentifier, String title) {}

    static SalesLines of(Collection<SalesRow> rows) {
        List<Line> lines = new ArrayList<>(rows.size());
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
            lines.add(new Line(
                    clip(appKey),
                    bucket,
                    orUnknown(row.countryCode()),
                    orUnknown(row.currencyOfProceeds()),
                    row.units(),
                    row.developerProceeds().multiply(BigDecimal.valueOf(row.units()))));
        }
        return new SalesLines(lines, apps.values());
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
