package com.storemetrics.sandbox;

import com.storemetrics.sandbox.SubscriptionOffer.Kind;
import com.storemetrics.sandbox.SubscriptionOffer.Type;
import com.storemetrics.sandbox.SubscriptionProduct.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The auto-renewable subscriptions of the demo apps that sell them ({@link SandboxApp.Kind#SUBSCRIPTION}),
 * derived from the app, so every start sees the same catalogue. Every such app has a "Premium"
 * group with a monthly subscription (the one its daily sales always showed) and a yearly one; some
 * add a weekly one and a higher "Premium Plus" level, some a second group ("Cloud"). The upgrade,
 * downgrade and crossgrade paths between them are {@link Grade}s.
 */
final class SubscriptionCatalog {

    /** A move between two subscriptions of one group, and Apple's name for it. */
    record Grade(SubscriptionProduct from, SubscriptionProduct to, String event) {}

    /** An app's subscriptions and the moves between them. */
    record AppSubscriptions(List<SubscriptionProduct> products, List<Grade> grades) {}

    private static final long FIRST_LAUNCH = LocalDate.of(2024, 1, 1).toEpochDay();
    private static final long LATE_LAUNCH = LocalDate.of(2025, 9, 1).toEpochDay();
    private static final Map<String, AppSubscriptions> BY_APP = new ConcurrentHashMap<>();

    private SubscriptionCatalog() {}

    static AppSubscriptions of(SandboxApp app) {
        if (app.kind() != SandboxApp.Kind.SUBSCRIPTION) {
            return new AppSubscriptions(List.of(), List.of());
        }
        return BY_APP.computeIfAbsent(app.appleId(), id -> derive(app));
    }

    private static AppSubscriptions derive(SandboxApp app) {
        long hash = SubscriptionLedger.mix(Long.parseLong(app.appleId()) * 7_919);
        int tier = Math.min(3, app.priceTier() + 1);
        Type[] types = Type.values();
        int rotation = (int) Math.floorMod(hash, 3L);
        long launch = FIRST_LAUNCH + Math.floorMod(hash >>> 8, 400L);
        String premium = groupId(app, 1);
        boolean grace = (hash & 8) == 0;
        double size = app.popularity() * 12.0;

        SubscriptionProduct monthly = new SubscriptionProduct(
                app,
                inAppId(app, 2),
                app.sku() + ".MONTHLY",
                app.name() + " Premium",
                premium,
                2,
                Period.MONTH,
                tier,
                1.0,
                intro(types[rotation]),
                new SubscriptionOffer(
                        Kind.PROMOTIONAL, Type.PAY_AS_YOU_GO, "3 Months", 90, 30, 0.5, "Come Back Offer", "comeback50"),
                new SubscriptionOffer(
                        Kind.OFFER_CODE, Type.PAY_UP_FRONT, "2 Months", 60, 60, 1.0, "Spring Promo Code", ""),
                grace,
                launch,
                size);
        SubscriptionProduct yearly = new SubscriptionProduct(
                app,
                inAppId(app, 4),
                app.sku() + ".YEARLY",
                app.name() + " Premium Yearly",
                premium,
                2,
                Period.YEAR,
                tier,
                8.0,
                SubscriptionOffer.introductory(Type.FREE_TRIAL, "2 Weeks", 14, 14, 0),
                new SubscriptionOffer(
                        Kind.PROMOTIONAL,
                        Type.PAY_UP_FRONT,
                        "1 Year",
                        365,
                        365,
                        0.5,
                        "Come Back Offer",
                        "comeback-yearly"),
                null,
                grace,
                launch + 30,
                size * 0.6);
        List<SubscriptionProduct> products = new ArrayList<>(List.of(monthly, yearly));
        List<Grade> grades = new ArrayList<>(List.of(new Grade(monthly, yearly, "Crossgrade")));
        if ((hash & 1) == 0) {
            SubscriptionProduct weekly = new SubscriptionProduct(
                    app,
                    inAppId(app, 3),
                    app.sku() + ".WEEKLY",
                    app.name() + " Premium Weekly",
                    premium,
                    2,
                    Period.WEEK,
                    Math.max(0, tier - 1),
                    0.7,
                    SubscriptionOffer.introductory(Type.FREE_TRIAL, "3 Days", 3, 3, 0),
                    null,
                    null,
                    grace,
                    launch + 200 + Math.floorMod(hash >>> 20, 200L),
                    size * 0.5);
            products.add(weekly);
            grades.add(new Grade(weekly, monthly, "Crossgrade"));
        }
        if ((hash & 2) == 0) {
            SubscriptionProduct plus = new SubscriptionProduct(
                    app,
                    inAppId(app, 5),
                    app.sku() + ".PLUS",
                    app.name() + " Premium Plus",
                    premium,
                    1,
                    Period.MONTH,
                    tier,
                    2.0,
                    intro(types[(rotation + 1) % 3]),
                    null,
                    new SubscriptionOffer(
                            Kind.OFFER_CODE, Type.PAY_AS_YOU_GO, "3 Months", 90, 30, 0.6, "Partner Code", ""),
                    grace,
                    LATE_LAUNCH + Math.floorMod(hash >>> 30, 300L),
                    size * 0.25);
            products.add(plus);
            grades.add(new Grade(monthly, plus, "Upgrade"));
            grades.add(new Grade(plus, monthly, "Downgrade"));
        }
        if ((hash & 4) == 0) {
            products.add(new SubscriptionProduct(
                    app,
                    inAppId(app, 6),
                    app.sku() + ".CLOUD",
                    app.name() + " Cloud Storage",
                    groupId(app, 2),
                    1,
                    Period.MONTH,
                    0,
                    1.0,
                    intro(types[(rotation + 2) % 3]),
                    null,
                    null,
                    grace,
                    LATE_LAUNCH + 120 + Math.floorMod(hash >>> 40, 240L),
                    size * 0.35));
        }
        return new AppSubscriptions(List.copyOf(products), List.copyOf(grades));
    }

    /** Monthly subscriptions' introductory offers: a week free, three months paid up front, or three half-price months. */
    private static SubscriptionOffer intro(Type type) {
        return switch (type) {
            case FREE_TRIAL -> SubscriptionOffer.introductory(Type.FREE_TRIAL, "1 Week", 7, 7, 0);
            case PAY_UP_FRONT -> SubscriptionOffer.introductory(Type.PAY_UP_FRONT, "3 Months", 90, 90, 2.0);
            case PAY_AS_YOU_GO -> SubscriptionOffer.introductory(Type.PAY_AS_YOU_GO, "3 Months", 90, 30, 0.5);
        };
    }

    private static String inAppId(SandboxApp app, int product) {
        return SalesLedger.inAppId(app.appleId(), product);
    }

    /** Subscription group ids: 8 digits, like Apple's (formerly "Family ID"). */
    private static String groupId(SandboxApp app, int group) {
        return Long.toString(20_000_000L + Math.floorMod(Long.parseLong(app.appleId()) * 31 + group, 9_000_000L));
    }
}
