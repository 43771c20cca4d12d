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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return dayLines(developer, apps, vendorNumber, date);
    }

    /**
     * What the vendor's apps sold on a day, whatever the Sales endpoints keep: the Financial reports
     * settle days the Sales reports no longer serve. A pure function of the day, like every number here.
     */
    static List<SalesLine> dayLines(String developer, List<SandboxApp> apps, String vendorNumber, LocalDate date) {
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
        int storefrontCount = 1 + random.nextInt(Math.min(Storefront.ALL.size(), 2 + app.popularity() / 10));
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < storefrontCount) {
            int index = weightedStorefront(random);
            if (!chosen.contains(index)) {
                chosen.add(index);
            }
        }
        for (int index : chosen) {
            Storefront store = Storefront.ALL.get(index);
            double share = store.share();
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
                            store.price(app.priceTier()),
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
                                store.price(app.priceTier()),
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
                    // Its subscription units come from its subscribers' events (appendSubscriptionLines).
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
            Storefront store = Storefront.ALL.get(chosen.get(0));
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
                            store.price(app.priceTier()),
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
                            store.price(app.priceTier()),
                            app.sku(),
                            "",
                            ""));
                case SUBSCRIPTION -> {
                    // Refunds of subscriptions are Refund events of its subscribers.
                }
            }
        }
        if (app.kind() == SandboxApp.Kind.SUBSCRIPTION) {
            appendSubscriptionLines(lines, developer, app, date);
        }
    }

    /**
     * Whether an app sells anything on a day: not on its vendor's quiet days, nor on about one day
     * in eight of its own. Its subscribers have no events on the days it does not.
     */
    static boolean sellsOn(SandboxApp app, LocalDate date) {
        return !isQuietDay(app.vendorNumber(), date)
                && new SplittableRandom(seed(app.appleId(), date)).nextInt(100) >= 12;
    }

    /**
     * The app's subscription units ({@code IAY}): exactly what its subscribers were charged that day
     * (the paid events of the Subscription Event report), one line per subscription, storefront, price,
     * proceeds rate and new-or-renewal, and refunds as negative units at the standard price.
     */
    private static void appendSubscriptionLines(
            List<SalesLine> lines, String developer, SandboxApp app, LocalDate date) {
        record Key(
                SubscriptionProduct product,
                Storefront store,
                BigDecimal price,
                String proceedsReason,
                String subscription,
                boolean refund) {}
        Map<Key, Integer> units = new LinkedHashMap<>();
        for (SubscriptionLedger.Event event : SubscriptionLedger.events(app, date)) {
            if (event.salesUnits() != 0) {
                Key key = new Key(
                        event.product(),
                        event.store(),
                        event.customerPrice(),
                        event.proceedsReason(),
                        event.isRenewal() ? "Renewal" : "New",
                        event.salesUnits() < 0);
                units.merge(key, event.salesUnits(), Integer::sum);
            }
        }
        units.forEach((key, count) -> lines.add(line(
                developer,
                app,
                date,
                key.store(),
                key.product().device(key.store()),
                key.product().sku(),
                key.product().name(),
                key.product().appleId(),
                "IAY",
                count,
                key.price(),
                app.sku(),
                key.subscription(),
                key.product().period().label,
                key.proceedsReason())));
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
        return line(
                developer,
                app,
                date,
                store,
                device,
                sku,
                title,
                appleIdentifier,
                productType,
                units,
                customerPrice,
                parentIdentifier,
                subscription,
                period,
                "");
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
            String period,
            String proceedsReason) {
        // Apple keeps 30% of the price without VAT (15% after a year of a subscription); proceeds are
        // per unit, in the storefront's currency.
        BigDecimal proceeds = store.proceeds(
                customerPrice, proceedsReason.isEmpty() ? Storefront.STANDARD_SHARE : Storefront.AFTER_ONE_YEAR_SHARE);
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
                proceedsReason,
                "",
                "",
                ""));
    }

    /** In-app products get their own 10-digit Apple identifiers, derived from the app's. */
    static String inAppId(String appleId, int product) {
        long id = Long.parseLong(appleId) + 7_000_000_000L + product * 1_000_003L;
        return Long.toString(id % 9_000_000_000L + 1_000_000_000L);
    }

    private static int weightedStorefront(SplittableRandom random) {
        int total = Storefront.ALL.stream().mapToInt(Storefront::weight).sum();
        int pick = random.nextInt(total);
        for (int i = 0; i < Storefront.ALL.size(); i++) {
            pick -= Storefront.ALL.get(i).weight();
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
