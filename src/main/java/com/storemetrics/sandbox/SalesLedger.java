package com.storemetrics.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Daily sales of the demo apps, derived from a hash of (app, date): every run, every node and every
 * test sees the same numbers without storing any. Some days are empty: a vendor has a quiet day
 * about one day in eleven, and single apps skip days on their own. Lines cover first-time
 * downloads ({@code 1F}), re-downloads ({@code 3F}), updates ({@code 7F}), in-app purchases
 * ({@code IA1}) and subscriptions ({@code IAY}) with the app's SKU as Parent Identifier, restores
 * ({@code IA3}), refunds (negative units) and thirteen storefronts in eleven currencies.
 */
final class SalesLedger {

    /** How far back the demo world has sales. */
    static final int DAYS_OF_HISTORY = 400;

    static final List<String> COLUMNS = List.of(
            "Provider",
            "Provider Country",
            "SKU",
            "Developer",
            "Title",
            "Version",
            "Product Type Identifier",
            "Units",
            "Developer Proceeds",
            "Begin Date",
            "End Date",
            "Customer Currency",
            "Country Code",
            "Currency of Proceeds",
            "Apple Identifier",
            "Customer Price",
            "Promo Code",
            "Parent Identifier",
            "Subscription",
            "Period",
            "Category",
            "CMB",
            "Device",
            "Supported Platforms",
            "Proceeds Reason",
            "Preserved Pricing",
            "Client",
            "Order Type");

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    /** A storefront: where customers buy, in which currency, with which VAT included in the price. */
    private record Storefront(String country, String currency, double vat, int decimals, double[] prices) {}

    /** Price tiers 0..3 (0.99, 2.99, 4.99, 9.99 USD) as each storefront shows them. */
    private static final List<Storefront> STOREFRONTS = List.of(
            new Storefront("US", "USD", 0.0, 2, new double[] {0.99, 2.99, 4.99, 9.99}),
            new Storefront("GB", "GBP", 0.20, 2, new double[] {0.99, 2.99, 4.99, 9.99}),
            new Storefront("DE", "EUR", 0.19, 2, new double[] {0.99, 2.99, 4.99, 9.99}),
            new Storefront("FR", "EUR", 0.20, 2, new double[] {0.99, 2.99, 4.99, 9.99}),
            new Storefront("JP", "JPY", 0.10, 0, new double[] {160, 480, 800, 1600}),
            new Storefront("CA", "CAD", 0.0, 2, new double[] {1.39, 3.99, 6.99, 13.99}),
            new Storefront("AU", "AUD", 0.10, 2, new double[] {1.49, 4.49, 7.99, 14.99}),
            new Storefront("CH", "CHF", 0.081, 2, new double[] {1.00, 3.00, 5.00, 10.00}),
            new Storefront("BR", "BRL", 0.0, 2, new double[] {5.90, 16.90, 27.90, 54.90}),
            new Storefront("MX", "MXN", 0.16, 2, new double[] {17.00, 49.00, 89.00, 179.00}),
            new Storefront("IN", "INR", 0.18, 0, new double[] {89, 249, 449, 899}),
            new Storefront("KR", "KRW", 0.10, 0, new double[] {1400, 4400, 7500, 14000}),
            new Storefront("SA", "SAR", 0.15, 2, new double[] {3.99, 11.99, 18.99, 37.99}));

    /** Heavier storefronts first: the US sells most. */
    private static final int[] STOREFRONT_WEIGHTS = {40, 12, 11, 8, 9, 6, 6, 3, 5, 4, 4, 3, 2};

    private SalesLedger() {}

    /** One line of the summary, the 28 columns in {@link #COLUMNS} order. */
    record SalesLine(List<String> values) {
        String column(String name) {
            return values.get(COLUMNS.indexOf(name));
        }
    }

    /**
     * The lines of one vendor's daily summary. Empty means no sales that day (Apple answers "no
     * sales for the date"). Days outside the history are empty too; whether a date may be asked for
     * at all is the protocols' business.
     */
    static List<SalesLine> dailySummary(
            String developer, List<SandboxApp> apps, String vendorNumber, LocalDate date, LocalDate today) {
        if (date.isAfter(today) || date.isBefore(today.minusDays(DAYS_OF_HISTORY - 1))) {
            return List.of();
        }
        if (isQuietDay(vendorNumber, date)) {
            return List.of();
        }
        List<SalesLine> lines = new ArrayList<>();
        for (SandboxApp app : apps) {
            if (app.vendorNumber().equals(vendorNumber)) {
                appendAppDay(lines, developer, app, date);
            }
        }
        return lines;
    }

    /** The vendor-wide empty days: about one in eleven. */
    static boolean isQuietDay(String vendorNumber, LocalDate date) {
        return new SplittableRandom(seed(vendorNumber, date)).nextInt(11) == 0;
    }

    private static void appendAppDay(List<SalesLine> lines, String developer, SandboxApp app, LocalDate date) {
        SplittableRandom random = new SplittableRandom(seed(app.appleId(), date));
        if (random.nextInt(100) < 12) {
            return; // this app sold nothing today
        }
        // Weekends sell more, and slowly more over the year, so charts have a shape.
        double dayFactor =
                (date.getDayOfWeek().getValue() >= 6 ? 1.35 : 1.0) * (0.8 + 0.4 * (date.getDayOfYear() / 366.0));
        int storefrontCount = 1 + random.nextInt(Math.min(STOREFRONTS.size(), 2 + app.popularity() / 10));
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < storefrontCount) {
            int index = weightedStorefront(random);
            if (!chosen.contains(index)) {
                chosen.add(index);
            }
        }
        for (int index : chosen) {
            Storefront store = STOREFRONTS.get(index);
            double share = STOREFRONT_WEIGHTS[index] / 40.0;
            int units = Math.max(1, (int) Math.round(random.nextInt(1, app.popularity() + 2) * share * dayFactor));
            String device = random.nextInt(4) == 0 ? "iPad" : "iPhone";
            switch (app.kind()) {
                case PAID ->
                    lines.add(line(
                            developer,
                            app,
                            date,
                            store,
                            device,
                            app.sku(),
                            app.name(),
                            app.appleId(),
                            "1F",
                            units,
                            price(store, app.priceTier()),
                            "",
                            "",
                            ""));
                case FREE_WITH_IN_APP_PURCHASES -> {
                    lines.add(line(
                            developer,
                            app,
                            date,
                            store,
                            device,
                            app.sku(),
                            app.name(),
                            app.appleId(),
                            "1F",
                            units,
                            BigDecimal.ZERO,
                            "",
                            "",
                            ""));
                    int buyers = units / 4;
                    if (buyers > 0) {
                        lines.add(line(
                                developer,
                                app,
                                date,
                                store,
                                device,
                                app.sku() + ".GEMS",
                                "Gem Pack",
                                inAppId(app.appleId(), 1),
                                "IA1",
                                buyers,
                                price(store, app.priceTier()),
                                app.sku(),
                                "",
                                ""));
                    }
                }
                case SUBSCRIPTION -> {
                    lines.add(line(
                            developer,
                            app,
                            date,
                            store,
                            device,
                            app.sku(),
                            app.name(),
                            app.appleId(),
                            "1F",
                            units,
                            BigDecimal.ZERO,
                            "",
                            "",
                            ""));
                    int subscribers = Math.max(0, units / 3 + random.nextInt(0, 3));
                    if (subscribers > 0) {
                        lines.add(line(
                                developer,
                                app,
                                date,
                                store,
                                device,
                                app.sku() + ".MONTHLY",
                                app.name() + " Premium",
                                inAppId(app.appleId(), 2),
                                "IAY",
                                subscribers,
                                price(store, Math.min(3, app.priceTier() + 1)),
                                app.sku(),
                                random.nextInt(3) == 0 ? "New" : "Renewal",
                                "1 Month"));
                    }
                }
            }
            // Free re-downloads and updates of the app itself (Apple counts neither as app units).
            int redownloads = random.nextInt(0, 1 + units / 3);
            if (redownloads > 0) {
                lines.add(line(
                        developer,
                        app,
                        date,
                        store,
                        device,
                        app.sku(),
                        app.name(),
                        app.appleId(),
                        "3F",
                        redownloads,
                        BigDecimal.ZERO,
                        "",
                        "",
                        ""));
            }
            int updates = random.nextInt(0, 1 + units);
            if (updates > 0) {
                lines.add(line(
                        developer,
                        app,
                        date,
                        store,
                        device,
                        app.sku(),
                        app.name(),
                        app.appleId(),
                        "7F",
                        updates,
                        BigDecimal.ZERO,
                        "",
                        "",
                        ""));
            }
            // Restored purchases are listed but are not sales.
            if (app.kind() == SandboxApp.Kind.FREE_WITH_IN_APP_PURCHASES && random.nextInt(10) == 0) {
                lines.add(line(
                        developer,
                        app,
                        date,
                        store,
                        device,
                        app.sku() + ".GEMS",
                        "Gem Pack",
                        inAppId(app.appleId(), 1),
                        "IA3",
                        1,
                        BigDecimal.ZERO,
                        app.sku(),
                        "",
                        ""));
            }
        }
        // An occasional refund of what the app charges for, in the first storefront of the day.
        if (random.nextInt(100) < 4) {
            Storefront store = STOREFRONTS.get(chosen.get(0));
            switch (app.kind()) {
                case PAID ->
                    lines.add(line(
                            developer,
                            app,
                            date,
                            store,
                            "iPhone",
                            app.sku(),
                            app.name(),
                            app.appleId(),
                            "1F",
                            -1,
                            price(store, app.priceTier()),
                            "",
                            "",
                            ""));
                case FREE_WITH_IN_APP_PURCHASES ->
                    lines.add(line(
                            developer,
                            app,
                            date,
                            store,
                            "iPhone",
                            app.sku() + ".GEMS",
                            "Gem Pack",
                            inAppId(app.appleId(), 1),
                            "IA1",
                            -1,
                            price(store, app.priceTier()),
                            app.sku(),
                            "",
                            ""));
                case SUBSCRIPTION ->
                    lines.add(line(
                            developer,
                            app,
                            date,
                            store,
                            "iPhone",
                            app.sku() + ".MONTHLY",
                            app.name() + " Premium",
                            inAppId(app.appleId(), 2),
                            "IAY",
                            -1,
                            price(store, Math.min(3, app.priceTier() + 1)),
                            app.sku(),
                            "Renewal",
                            "1 Month"));
            }
        }
    }

    private static SalesLine line(
            String developer,
            SandboxApp app,
            LocalDate date,
            Storefront store,
            String device,
            String sku,
            String title,
            String appleIdentifier,
            String productType,
            int units,
            BigDecimal customerPrice,
            String parentIdentifier,
            String subscription,
            String period) {
        // Apple keeps 30% of the price without VAT; proceeds are per unit, in the storefront's currency.
        BigDecimal proceeds = customerPrice.signum() == 0
                ? BigDecimal.ZERO
                : customerPrice
                        .divide(BigDecimal.valueOf(1 + store.vat()), 6, RoundingMode.HALF_UP)
                        .multiply(BigDecimal.valueOf(0.7))
                        .setScale(store.decimals(), RoundingMode.HALF_UP);
        String day = date.format(US_DATE);
        return new SalesLine(List.of(
                "APPLE",
                "US",
                sku,
                developer,
                title,
                app.version(),
                productType,
                Integer.toString(units),
                proceeds.setScale(store.decimals(), RoundingMode.HALF_UP).toPlainString(),
                day,
                day,
                store.currency(),
                store.country(),
                store.currency(),
                appleIdentifier,
                customerPrice.setScale(store.decimals(), RoundingMode.HALF_UP).toPlainString(),
                "",
                parentIdentifier,
                subscription,
                period,
                app.category(),
                "",
                device,
                "iOS",
                "",
                "",
                "",
                ""));
    }

    private static BigDecimal price(Storefront store, int tier) {
        return BigDecimal.valueOf(store.prices()[tier]);
    }

    /** In-app products get their own 10-digit Apple identifiers, derived from the app's. */
    private static String inAppId(String appleId, int product) {
        long id = Long.parseLong(appleId) + 7_000_000_000L + product * 1_000_003L;
        return Long.toString(id % 9_000_000_000L + 1_000_000_000L);
    }

    private static int weightedStorefront(SplittableRandom random) {
        int total = 0;
        for (int weight : STOREFRONT_WEIGHTS) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < STOREFRONT_WEIGHTS.length; i++) {
            pick -= STOREFRONT_WEIGHTS[i];
            if (pick < 0) {
                return i;
            }
        }
        return 0;
    }

    /** A stable seed: String.hashCode is fixed by the language, unlike Object.hashCode. */
    private static long seed(String key, LocalDate date) {
        return key.hashCode() * 1_000_003L + date.toEpochDay();
    }

    /** The report file: header row, one tab-separated row per line, gzip-compressed as Apple sends it. */
    static byte[] gzipTsv(List<SalesLine> lines) {
        StringBuilder text = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        for (SalesLine line : lines) {
            text.append(String.join("\t", line.values())).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
