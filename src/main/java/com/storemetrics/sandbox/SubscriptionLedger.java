package com.storemetrics.sandbox;

import com.storemetrics.sandbox.SubscriptionCatalog.AppSubscriptions;
import com.storemetrics.sandbox.SubscriptionCatalog.Grade;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo world's auto-renewable subscriptions, day by day: how many subscribers each subscription
 * has in each storefront (the Subscription report) and what happened to them that day (the
 * Subscription Event report), derived, never stored, and consistent from one day to the next.
 *
 * <p>How it stays cheap and consistent (docs/sandbox.md, "Subscriptions"): every count is a closed
 * form of (subscription, storefront, count, absolute day) - growth from the launch day, a season
 * and smooth noise - so any day costs the same. The events of a day are then derived from the
 * counts of that day and of the app's previous selling day: outflows are drawn in proportion to
 * the day before (renewals, trial ends, cancellations, billing retries), and the activations (or,
 * when counts fall, extra cancellations) make up the difference exactly. So, per subscription and
 * storefront, {@code paid(d) = paid(d-1) + paid activations + trial conversions + recoveries +
 * moves in - moves out - cancellations - refunds - billing retries} and likewise for free trials and
 * subscribers at risk, to the unit. On a day its app sells nothing in the Sales summary (the
 * vendor's quiet days and the app's own), nothing happens: no event, and the counts stay as they
 * were, so the day's paid events are exactly the day's subscription units in the Sales summary.
 */
final class SubscriptionLedger {

    /** The counts of the Subscription report the demo world fills (Apple's names: docs/sandbox.md). */
    enum Column {
        STANDARD(true, false),
        /** Standard-price subscribers past a year of paid service: their own rows, "Rate After One Year". */
        STANDARD_AFTER_ONE_YEAR(true, false),
        INTRO_FREE_TRIAL(false, false),
        INTRO_PAY_UP_FRONT(true, false),
        INTRO_PAY_AS_YOU_GO(true, false),
        PROMO_PAY_UP_FRONT(true, false),
        PROMO_PAY_AS_YOU_GO(true, false),
        CODE_PAY_UP_FRONT(true, false),
        CODE_PAY_AS_YOU_GO(true, false),
        BILLING_RETRY(false, true),
        GRACE_PERIOD(false, true);

        final boolean paid;
        final boolean atRisk;

        Column(boolean paid, boolean atRisk) {
            this.paid = paid;
            this.atRisk = atRisk;
        }
    }

    /** Apple's event names, exactly as the Subscription Event report writes them. */
    static final String START_INTRODUCTORY_OFFER = "Start Introductory Offer";

    static final String SUBSCRIBE = "Subscribe";
    static final String START_OFFER_CODE = "Start Offer Code";
    static final String REACTIVATE = "Reactivate";
    static final String PAID_FROM_INTRODUCTORY_OFFER = "Paid Subscription from Introductory Offer";
    static final String RENEW = "Renew";
    static final String CANCEL = "Cancel";
    static final String BILLING_RETRY_FROM_PAID = "Billing Retry from Paid Subscription";
    static final String BILLING_RETRY_FROM_INTRODUCTORY_OFFER = "Billing Retry from Introductory Offer";
    static final String RENEWAL_FROM_BILLING_RETRY = "Renewal from Billing Retry";
    static final String CANCELED_FROM_BILLING_RETRY = "Canceled from Billing Retry";
    static final String CANCELED_FROM_GRACE_PERIOD = "Canceled from Billing Grace Period";
    static final String REFUND = "Refund";
    static final String RATE_AFTER_ONE_YEAR = "Rate After One Year";

    /** A subscription in a storefront on a day: its count in every {@link Column}. */
    record Position(SubscriptionProduct product, Storefront store, Map<Column, Integer> counts) {
        int count(Column column) {
            return counts.getOrDefault(column, 0);
        }

        boolean isEmpty() {
            return counts.values().stream().allMatch(count -> count == 0);
        }
    }

    /**
     * A line of the Subscription Event report: {@code quantity} times {@code name} for a subscription
     * in a storefront, with the offer it concerns (or null), Apple's proceeds and cancellation
     * reasons (blank when none) and, for up-, down- and crossgrades, the subscription before.
     */
    record Event(
            String name,
            SubscriptionProduct product,
            Storefront store,
            SubscriptionOffer offer,
            String proceedsReason,
            String cancellationReason,
            SubscriptionProduct previous,
            int quantity) {

        /** Whether Apple charged the customer for it (a subscription unit in the Sales summary). */
        boolean isCharge() {
            return switch (name) {
                case SUBSCRIBE,
                        REACTIVATE,
                        PAID_FROM_INTRODUCTORY_OFFER,
                        RENEW,
                        RENEWAL_FROM_BILLING_RETRY,
                        "Upgrade",
                        "Downgrade",
                        "Crossgrade" -> true;
                case START_INTRODUCTORY_OFFER, START_OFFER_CODE -> !offer.isFreeTrial();
                default -> false;
            };
        }

        /** Units in the Sales summary: the charge, or one refunded unit less. */
        int salesUnits() {
            return isCharge() ? quantity : name.equals(REFUND) ? -quantity : 0;
        }

        /** A renewal in the Sales summary's sense (its "Subscription" column); the rest are new. */
        boolean isRenewal() {
            return switch (name) {
                case RENEW, PAID_FROM_INTRODUCTORY_OFFER, RENEWAL_FROM_BILLING_RETRY, REFUND -> true;
                default -> false;
            };
        }

        /** What the customer paid: the offer's price, or the standard price once an introductory offer converts. */
        BigDecimal customerPrice() {
            return offer != null && !name.equals(PAID_FROM_INTRODUCTORY_OFFER)
                    ? offer.price(product, store)
                    : product.standardPrice(store);
        }
    }

    private static final int DAYS_BACK_TO_A_SELLING_DAY = 60;
    private static final int KNOT_DAYS = 10;

    private SubscriptionLedger() {}

    // ---------------------------------------------------------------- the two reports

    /** A vendor's Subscription report of a day; empty (Apple: "no sales") without any subscriber. */
    static List<Position> subscriptionReport(List<SandboxApp> apps, String vendor, LocalDate date, LocalDate today) {
        List<Position> positions = new ArrayList<>();
        if (inHistory(date, today)) {
            for (SandboxApp app : apps) {
                if (app.vendorNumber().equals(vendor)) {
                    positions.addAll(positions(app, date));
                }
            }
        }
        return positions;
    }

    /** A vendor's Subscription Event report of a day; empty (Apple: "no sales") on a day without events. */
    static List<Event> eventReport(List<SandboxApp> apps, String vendor, LocalDate date, LocalDate today) {
        List<Event> events = new ArrayList<>();
        if (inHistory(date, today)) {
            for (SandboxApp app : apps) {
                if (app.vendorNumber().equals(vendor)) {
                    events.addAll(events(app, date));
                }
            }
        }
        return events;
    }

    private static boolean inHistory(LocalDate date, LocalDate today) {
        return !date.isAfter(today) && !date.isBefore(today.minusDays(SalesLedger.DAYS_OF_HISTORY - 1));
    }

    /** An app's subscribers on a day, per subscription and storefront; positions without anyone are left out. */
    static List<Position> positions(SandboxApp app, LocalDate date) {
        AppSubscriptions catalog = SubscriptionCatalog.of(app);
        if (catalog.products().isEmpty()) {
            return List.of();
        }
        long day = lastSellingDay(app, date.toEpochDay());
        List<Position> positions = new ArrayList<>();
        for (Storefront store : Storefront.ALL) {
            for (SubscriptionProduct product : catalog.products()) {
                if (product.soldIn(store)) {
                    Position position = new Position(product, store, levels(product, store, day));
                    if (!position.isEmpty()) {
                        positions.add(position);
                    }
                }
            }
        }
        return positions;
    }

    /** What happened to an app's subscribers on a day; nothing on a day the app sells nothing. */
    static List<Event> events(SandboxApp app, LocalDate date) {
        AppSubscriptions catalog = SubscriptionCatalog.of(app);
        long day = date.toEpochDay();
        if (catalog.products().isEmpty() || !SalesLedger.sellsOn(app, date)) {
            return List.of();
        }
        long previousDay = lastSellingDay(app, day - 1);
        List<Event> events = new ArrayList<>();
        for (Storefront store : Storefront.ALL) {
            Map<SubscriptionProduct, Map<Column, Integer>> before = new HashMap<>();
            Map<SubscriptionProduct, Map<Column, Integer>> after = new HashMap<>();
            for (SubscriptionProduct product : catalog.products()) {
                if (product.soldIn(store)) {
                    before.put(product, levels(product, store, previousDay));
                    after.put(product, levels(product, store, day));
                }
            }
            Map<SubscriptionProduct, Integer> movedIn = new HashMap<>();
            Map<SubscriptionProduct, Integer> movedOut = new HashMap<>();
            for (Grade grade : catalog.grades()) {
                if (!before.containsKey(grade.from()) || !before.containsKey(grade.to())) {
                    continue;
                }
                int standard = before.get(grade.from()).get(Column.STANDARD);
                SplittableRandom random =
                        random(grade.from(), store, day * 7 + grade.to().level());
                int moved = Math.min(standard, portion(standard, 0.0015, random));
                if (moved > 0 && after.get(grade.to()).get(Column.STANDARD) > 0) {
                    movedIn.merge(grade.to(), moved, Integer::sum);
                    movedOut.merge(grade.from(), moved, Integer::sum);
                    events.add(new Event(grade.event(), grade.to(), store, null, "", "", grade.from(), moved));
                }
            }
            for (SubscriptionProduct product : catalog.products()) {
                if (before.containsKey(product)) {
                    DayFlows flows = new DayFlows(
                            product,
                            store,
                            before.get(product),
                            after.get(product),
                            movedIn.getOrDefault(product, 0),
                            movedOut.getOrDefault(product, 0),
                            random(product, store, day));
                    events.addAll(flows.events());
                }
            }
        }
        return events;
    }

    /** The day itself if the app sells that day, else the last day before it that it did. */
    static long lastSellingDay(SandboxApp app, long day) {
        for (long candidate = day; candidate > day - DAYS_BACK_TO_A_SELLING_DAY; candidate--) {
            if (SalesLedger.sellsOn(app, LocalDate.ofEpochDay(candidate))) {
                return candidate;
            }
        }
        return day - DAYS_BACK_TO_A_SELLING_DAY;
    }

    // ---------------------------------------------------------------- counts in closed form

    /**
     * The counts of a subscription in a storefront at the end of an absolute day: zero before the
     * launch, then growing towards the product's size with a season and smooth noise (value noise
     * with a knot every ten days, so a day differs from the one before by about one percent at most).
     */
    static Map<Column, Integer> levels(SubscriptionProduct product, Storefront store, long day) {
        Map<Column, Integer> counts = new EnumMap<>(Column.class);
        long age = day - product.launchEpochDay();
        for (Column column : Column.values()) {
            double share = share(product, column, age);
            int count = 0;
            if (age > 0 && share > 0) {
                double growth = (1 - Math.exp(-age / 150.0)) * (1 + 0.2 * Math.min(age, 730) / 365.0);
                double season = 1 + 0.06 * Math.sin(2 * Math.PI * Math.floorMod(day, 365) / 365.0);
                double noise = 1 + 0.06 * noise(product.seed() * 41 + store.index() * 13L + column.ordinal(), day);
                count = (int) Math.floor(product.size() * store.share() * share * growth * season * noise + 0.5);
            }
            counts.put(column, count);
        }
        return counts;
    }

    /** Each count's share of the product's standard-price subscribers; zero where the product has no such offer. */
    private static double share(SubscriptionProduct product, Column column, long age) {
        SubscriptionOffer intro = product.introductory();
        SubscriptionOffer promo = product.promotional();
        SubscriptionOffer code = product.offerCode();
        return switch (column) {
            case STANDARD -> 1.0;
            case STANDARD_AFTER_ONE_YEAR -> age <= 365 ? 0 : 0.35 * Math.min(1.0, (age - 365) / 180.0);
            case INTRO_FREE_TRIAL -> intro.isFreeTrial() ? 0.02 + intro.days() / 120.0 : 0;
            case INTRO_PAY_UP_FRONT -> intro.type() == SubscriptionOffer.Type.PAY_UP_FRONT ? 0.06 : 0;
            case INTRO_PAY_AS_YOU_GO -> intro.type() == SubscriptionOffer.Type.PAY_AS_YOU_GO ? 0.08 : 0;
            case PROMO_PAY_UP_FRONT -> promo != null && promo.type() == SubscriptionOffer.Type.PAY_UP_FRONT ? 0.03 : 0;
            case PROMO_PAY_AS_YOU_GO ->
                promo != null && promo.type() == SubscriptionOffer.Type.PAY_AS_YOU_GO ? 0.03 : 0;
            case CODE_PAY_UP_FRONT -> code != null && code.type() == SubscriptionOffer.Type.PAY_UP_FRONT ? 0.025 : 0;
            case CODE_PAY_AS_YOU_GO -> code != null && code.type() == SubscriptionOffer.Type.PAY_AS_YOU_GO ? 0.025 : 0;
            case BILLING_RETRY -> 0.03;
            case GRACE_PERIOD -> product.gracePeriod() ? 0.01 : 0;
        };
    }

    /** Smooth noise in [-1, 1]: random values every {@value #KNOT_DAYS} days, eased in between. */
    private static double noise(long key, long day) {
        long knot = Math.floorDiv(day, KNOT_DAYS);
        double t = (day - knot * KNOT_DAYS) / (double) KNOT_DAYS;
        double eased = t * t * (3 - 2 * t);
        double from = unit(key * 1_000_003L + knot) * 2 - 1;
        double to = unit(key * 1_000_003L + knot + 1) * 2 - 1;
        return from + (to - from) * eased;
    }

    // ---------------------------------------------------------------- the events of one day

    /** Solves one subscription's day in one storefront: the events that turn yesterday's counts into today's. */
    private static final class DayFlows {
        private final SubscriptionProduct product;
        private final Storefront store;
        private final Map<Column, Integer> before;
        private final Map<Column, Integer> after;
        private final int movedIn;
        private final int movedOut;
        private final SplittableRandom random;
        private final List<Event> events = new ArrayList<>();

        DayFlows(
                SubscriptionProduct product,
                Storefront store,
                Map<Column, Integer> before,
                Map<Column, Integer> after,
                int movedIn,
                int movedOut,
                SplittableRandom random) {
            this.product = product;
            this.store = store;
            this.before = before;
            this.after = after;
            this.movedIn = movedIn;
            this.movedOut = movedOut;
            this.random = random;
        }

        List<Event> events() {
            SubscriptionOffer intro = product.introductory();
            // Free trials: some end today (converting, cancelling or failing to bill); new ones make up the rest.
            int trialsBefore = before.get(Column.INTRO_FREE_TRIAL);
            int trialsEnding = Math.min(trialsBefore, portion(trialsBefore, 1.0 / intro.days(), random));
            int trialStarts = after.get(Column.INTRO_FREE_TRIAL) - trialsBefore + trialsEnding;
            if (trialStarts < 0) {
                trialsEnding -= trialStarts;
                trialStarts = 0;
            }
            int trialRetries = Math.min(trialsEnding, portion(trialsEnding, 0.08, random));
            int trialCancels = Math.min(trialsEnding - trialRetries, portion(trialsEnding, 0.35, random));
            int trialConversions = trialsEnding - trialRetries - trialCancels;

            // Subscribers at risk (billing retry and grace period): some recover or lapse; new failures make up the
            // rest.
            int riskBefore = atRisk(before);
            int riskEnding = Math.min(riskBefore, portion(riskBefore, 1 / 20.0, random));
            int riskIn = atRisk(after) - riskBefore + riskEnding;
            if (riskIn < trialRetries) {
                riskEnding += trialRetries - riskIn;
                riskIn = trialRetries;
            }
            int paidRetries = riskIn - trialRetries;
            int recovered = Math.min(riskEnding, portion(riskEnding, 0.45, random));
            int lapsedInGrace =
                    product.gracePeriod() ? Math.min(riskEnding - recovered, portion(riskEnding, 0.1, random)) : 0;
            int lapsedInRetry = riskEnding - recovered - lapsedInGrace;

            // Paid subscribers: cancellations and refunds in proportion; activations make up the rest.
            int paidBefore = paid(before);
            int cancels = portion(paidBefore, cancelRate(), random);
            int refunds = portion(paidBefore, 0.0003, random);
            int activations = paid(after)
                    - paidBefore
                    - trialConversions
                    - recovered
                    - movedIn
                    + movedOut
                    + cancels
                    + refunds
                    + paidRetries;
            if (activations < 0) {
                cancels -= activations;
                activations = 0;
            }

            activations(activations);
            add(START_INTRODUCTORY_OFFER, intro, "", "", trialStarts);
            add(PAID_FROM_INTRODUCTORY_OFFER, intro, "", "", trialConversions);
            add(CANCEL, intro, "", "Canceled", trialCancels);
            add(BILLING_RETRY_FROM_INTRODUCTORY_OFFER, intro, "", "", trialRetries);
            add(BILLING_RETRY_FROM_PAID, null, "", "", paidRetries);
            add(RENEWAL_FROM_BILLING_RETRY, null, "", "", recovered);
            add(CANCELED_FROM_GRACE_PERIOD, null, "", "Canceled", lapsedInGrace);
            add(CANCELED_FROM_BILLING_RETRY, null, "", "Billing Issue", lapsedInRetry);
            add(REFUND, null, "", "", refunds);
            cancellations(cancels);
            renewals();
            return events;
        }

        /** New paid subscribers: direct, through a paid introductory offer, an offer code or a come-back offer. */
        private void activations(int activations) {
            SubscriptionOffer intro = product.introductory();
            int viaIntro = intro.isFreeTrial() ? 0 : portion(activations, 0.35, random);
            int viaCode = product.offerCode() == null ? 0 : portion(activations, 0.08, random);
            int viaPromo = product.promotional() == null ? 0 : portion(activations, 0.06, random);
            int comeBack = portion(activations, 0.08, random);
            int taken = viaIntro + viaCode + viaPromo + comeBack;
            if (taken > activations) {
                viaIntro = Math.min(viaIntro, activations);
                viaCode = Math.min(viaCode, activations - viaIntro);
                viaPromo = Math.min(viaPromo, activations - viaIntro - viaCode);
                comeBack = activations - viaIntro - viaCode - viaPromo;
            }
            add(START_INTRODUCTORY_OFFER, intro, "", "", viaIntro);
            add(START_OFFER_CODE, product.offerCode(), "", "", viaCode);
            add(REACTIVATE, product.promotional(), "", "", viaPromo);
            add(REACTIVATE, null, "", "", comeBack);
            add(SUBSCRIBE, null, "", "", activations - viaIntro - viaCode - viaPromo - comeBack);
        }

        /** Cancellations at the end of the period, with Apple's cancellation reasons. */
        private void cancellations(int cancels) {
            int notice = portion(cancels, 0.08, random);
            int consent = Math.min(cancels - notice, portion(cancels, 0.05, random));
            int other = Math.min(cancels - notice - consent, portion(cancels, 0.15, random));
            add(CANCEL, null, "", "Price Increase Notice", notice);
            add(CANCEL, null, "", "Price Increase Consent", consent);
            add(CANCEL, null, "", "Other", other);
            add(CANCEL, null, "", "Canceled", cancels - notice - consent - other);
        }

        /** Renewals, which move nobody in or out of the paid subscribers: they only charge again. */
        private void renewals() {
            SubscriptionOffer intro = product.introductory();
            int periodDays = product.period().days;
            int standard = portion(before.get(Column.STANDARD), 1.0 / periodDays, random);
            for (Column ended : List.of(
                    Column.PROMO_PAY_UP_FRONT,
                    Column.PROMO_PAY_AS_YOU_GO,
                    Column.CODE_PAY_UP_FRONT,
                    Column.CODE_PAY_AS_YOU_GO)) {
                SubscriptionOffer offer =
                        ended.name().startsWith("PROMO") ? product.promotional() : product.offerCode();
                if (offer != null) {
                    // An offer that ends renews at the standard price.
                    standard += portion(before.get(ended), 1.0 / offer.days(), random);
                    if (offer.type() == SubscriptionOffer.Type.PAY_AS_YOU_GO) {
                        add(RENEW, offer, "", "", portion(before.get(ended), 1.0 / offer.periodDays(), random));
                    }
                }
            }
            add(RENEW, null, "", "", standard);
            add(
                    RENEW,
                    null,
                    RATE_AFTER_ONE_YEAR,
                    "",
                    portion(before.get(Column.STANDARD_AFTER_ONE_YEAR), 1.0 / periodDays, random));
            if (!intro.isFreeTrial()) {
                Column column = intro.type() == SubscriptionOffer.Type.PAY_UP_FRONT
                        ? Column.INTRO_PAY_UP_FRONT
                        : Column.INTRO_PAY_AS_YOU_GO;
                add(
                        PAID_FROM_INTRODUCTORY_OFFER,
                        intro,
                        "",
                        "",
                        portion(before.get(column), 1.0 / intro.days(), random));
                if (intro.type() == SubscriptionOffer.Type.PAY_AS_YOU_GO) {
                    add(RENEW, intro, "", "", portion(before.get(column), 1.0 / intro.periodDays(), random));
                }
            }
        }

        private double cancelRate() {
            return switch (product.period()) {
                case WEEK -> 0.012;
                case MONTH -> 0.0025;
                case YEAR -> 0.0006;
            };
        }

        private void add(String name, SubscriptionOffer offer, String proceedsReason, String reason, int quantity) {
            if (quantity > 0) {
                events.add(new Event(name, product, store, offer, proceedsReason, reason, null, quantity));
            }
        }
    }

    static int paid(Map<Column, Integer> counts) {
        int sum = 0;
        for (Column column : Column.values()) {
            sum += column.paid ? counts.get(column) : 0;
        }
        return sum;
    }

    static int atRisk(Map<Column, Integer> counts) {
        return counts.get(Column.BILLING_RETRY) + counts.get(Column.GRACE_PERIOD);
    }

    // ---------------------------------------------------------------- determinism

    /** About {@code count * rate}, give or take 15 %, rounded at random: flows of whole subscribers. */
    private static int portion(int count, double rate, SplittableRandom random) {
        double expected = count * rate * (0.85 + 0.3 * random.nextDouble());
        int whole = (int) expected;
        return whole + (random.nextDouble() < expected - whole ? 1 : 0);
    }

    private static SplittableRandom random(SubscriptionProduct product, Storefront store, long day) {
        return new SplittableRandom(mix(product.seed() * 1_009 + store.index()) ^ mix(day));
    }

    /** SplitMix64's finaliser: a well-spread 64-bit hash of a number. */
    static long mix(long value) {
        long z = value + 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A number in [0, 1) derived from a key. */
    private static double unit(long key) {
        return (mix(key) >>> 11) * 0x1.0p-53;
    }
}
