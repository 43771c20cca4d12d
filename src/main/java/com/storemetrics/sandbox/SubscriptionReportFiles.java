package com.storemetrics.sandbox;

import com.storemetrics.sandbox.SubscriptionLedger.Column;
import com.storemetrics.sandbox.SubscriptionLedger.Event;
import com.storemetrics.sandbox.SubscriptionLedger.Position;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;

/**
 * The Subscription and Subscription Event reports as Apple's files: tab-separated, gzip, a header
 * per report version, with what real files do (docs/sandbox.md): single-space "blank" cells, a
 * currency padded with spaces now and then, and header wording that differs between versions
 * ("Pay As You Go" in 1_3, "Pay as You Go" in 1_4; "Promotional Offer Name" in the 1_3 event
 * report, "Subscription Offer Name" in 1_4).
 */
final class SubscriptionReportFiles {

    /** The versions the sandbox writes; Apple's table says 1_3, code in the wild asks 1_4. */
    static final Set<String> VERSIONS = Set.of("1_3", "1_4");

    static final String LATEST_VERSION = "1_4";

    private static final String BLANK = " ";

    /** The Subscription report's columns in 1_3, Apple's order; 1_4 renames one and appends four. */
    private static final List<String> SUBSCRIPTION_1_3 = List.of(
            "App Name",
            "App Apple ID",
            "Subscription Name",
            "Subscription Apple ID",
            "Subscription Group ID",
            "Standard Subscription Duration",
            "Subscription Offer Name",
            "Promotional Offer ID",
            "Customer Price",
            "Customer Currency",
            "Developer Proceeds",
            "Proceeds Currency",
            "Preserved Pricing",
            "Proceeds Reason",
            "Client",
            "Device",
            "State",
            "Country",
            "Active Standard Price Subscriptions",
            "Active Free Trial Introductory Offer Subscriptions",
            "Active Pay Up Front Introductory Offer Subscriptions",
            "Active Pay As You Go Introductory Offer Subscriptions",
            "Free Trial Promotional Offer Subscriptions",
            "Pay Up Front Promotional Offer Subscriptions",
            "Pay As You Go Promotional Offer Subscriptions",
            "Free Trial Offer Code Subscriptions",
            "Pay Up Front Offer Code Subscriptions",
            "Pay As You Go Offer Code Subscriptions",
            "Marketing Opt-Ins",
            "Billing Retry",
            "Grace Period");

    private static final List<String> EVENT_1_3 = List.of(
            "Event Date",
            "Event",
            "App Name",
            "App Apple ID",
            "Subscription Name",
            "Subscription Apple ID",
            "Subscription Group ID",
            "Standard Subscription Duration",
            "Subscription Offer Type",
            "Subscription Offer Duration",
            "Marketing Opt-In",
            "Marketing Opt-In Duration",
            "Preserved Pricing",
            "Proceeds Reason",
            "Promotional Offer Name",
            "Promotional Offer ID",
            "Consecutive Paid Periods",
            "Original Start Date",
            "Device",
            "Client",
            "State",
            "Country",
            "Previous Subscription Name",
            "Previous Subscription Apple ID",
            "Days Before Canceling",
            "Cancellation Reason",
            "Days Canceled",
            "Quantity");

    /** Every count column of either version: zero unless the demo world has someone there. */
    private static final List<String> COUNT_COLUMNS = List.of(
            "Active Standard Price Subscriptions",
            "Active Free Trial Introductory Offer Subscriptions",
            "Active Pay Up Front Introductory Offer Subscriptions",
            "Active Pay As You Go Introductory Offer Subscriptions",
            "Free Trial Promotional Offer Subscriptions",
            "Pay Up Front Promotional Offer Subscriptions",
            "Pay As You Go Promotional Offer Subscriptions",
            "Free Trial Offer Code Subscriptions",
            "Pay Up Front Offer Code Subscriptions",
            "Pay As You Go Offer Code Subscriptions",
            "Marketing Opt-Ins",
            "Billing Retry",
            "Grace Period",
            "Free Trial Win-back Offers",
            "Pay Up Front Win-back Offers",
            "Pay As You Go Win-back Offers");

    private SubscriptionReportFiles() {}

    static List<String> subscriptionHeader(String version) {
        if (version.equals("1_3")) {
            return SUBSCRIPTION_1_3;
        }
        List<String> header = new ArrayList<>(SUBSCRIPTION_1_3);
        header.set(
                header.indexOf("Active Pay As You Go Introductory Offer Subscriptions"),
                "Active Pay as You Go Introductory Offer Subscriptions");
        header.addAll(List.of(
                "Subscribers",
                "Free Trial Win-back Offers",
                "Pay Up Front Win-back Offers",
                "Pay As You Go Win-back Offers"));
        return header;
    }

    static List<String> eventHeader(String version) {
        if (version.equals("1_3")) {
            return EVENT_1_3;
        }
        List<String> header = new ArrayList<>(EVENT_1_3);
        header.set(header.indexOf("Promotional Offer Name"), "Subscription Offer Name");
        header.add("Paid Service Days Recovered");
        return header;
    }

    // ---------------------------------------------------------------- Subscription report

    /** The Subscription report: per subscription and storefront, a row per price (standard, after a year, each offer). */
    static byte[] subscriptionReport(List<Position> positions, String version) {
        List<String> header = subscriptionHeader(version);
        List<Map<String, String>> rows = new ArrayList<>();
        for (Position position : positions) {
            SubscriptionProduct product = position.product();
            Storefront store = position.store();
            BigDecimal standard = product.standardPrice(store);
            addRow(
                    rows,
                    position,
                    null,
                    standard,
                    "",
                    Map.of(
                            "Active Standard Price Subscriptions", position.count(Column.STANDARD),
                            "Billing Retry", position.count(Column.BILLING_RETRY),
                            "Grace Period", position.count(Column.GRACE_PERIOD)));
            addRow(
                    rows,
                    position,
                    null,
                    standard,
                    SubscriptionLedger.RATE_AFTER_ONE_YEAR,
                    Map.of("Active Standard Price Subscriptions", position.count(Column.STANDARD_AFTER_ONE_YEAR)));
            SubscriptionOffer intro = product.introductory();
            addRow(
                    rows,
                    position,
                    intro,
                    intro.price(product, store),
                    "",
                    Map.of(
                            "Active Free Trial Introductory Offer Subscriptions",
                                    position.count(Column.INTRO_FREE_TRIAL),
                            "Active Pay Up Front Introductory Offer Subscriptions",
                                    position.count(Column.INTRO_PAY_UP_FRONT),
                            "Active Pay As You Go Introductory Offer Subscriptions",
                                    position.count(Column.INTRO_PAY_AS_YOU_GO)));
            if (product.promotional() != null) {
                addRow(
                        rows,
                        position,
                        product.promotional(),
                        product.promotional().price(product, store),
                        "",
                        Map.of(
                                "Pay Up Front Promotional Offer Subscriptions",
                                        position.count(Column.PROMO_PAY_UP_FRONT),
                                "Pay As You Go Promotional Offer Subscriptions",
                                        position.count(Column.PROMO_PAY_AS_YOU_GO)));
            }
            if (product.offerCode() != null) {
                addRow(
                        rows,
                        position,
                        product.offerCode(),
                        product.offerCode().price(product, store),
                        "",
                        Map.of(
                                "Pay Up Front Offer Code Subscriptions", position.count(Column.CODE_PAY_UP_FRONT),
                                "Pay As You Go Offer Code Subscriptions", position.count(Column.CODE_PAY_AS_YOU_GO)));
            }
        }
        return gzip(text(header, rows, SubscriptionReportFiles::subscriptionKey));
    }

    private static void addRow(
            List<Map<String, String>> rows,
            Position position,
            SubscriptionOffer offer,
            BigDecimal price,
            String proceedsReason,
            Map<String, Integer> counts) {
        int active = counts.entrySet().stream()
                .filter(count -> !count.getKey().equals("Billing Retry"))
                .mapToInt(Map.Entry::getValue)
                .sum();
        if (counts.values().stream().allMatch(count -> count == 0)) {
            return;
        }
        SubscriptionProduct product = position.product();
        Storefront store = position.store();
        Map<String, String> row = new LinkedHashMap<>();
        row.put("App Name", product.app().name());
        row.put("App Apple ID", product.app().appleId());
        row.put("Subscription Name", product.name());
        row.put("Subscription Apple ID", product.appleId());
        row.put("Subscription Group ID", product.groupId());
        row.put("Standard Subscription Duration", product.period().label);
        boolean named = offer != null && offer.kind() != SubscriptionOffer.Kind.INTRODUCTORY;
        row.put("Subscription Offer Name", named ? offer.name() : BLANK);
        row.put(
                "Promotional Offer ID",
                named && !offer.promotionalOfferId().isEmpty() ? offer.promotionalOfferId() : BLANK);
        row.put("Customer Price", price.toPlainString());
        row.put("Customer Currency", store.currency());
        row.put(
                "Developer Proceeds",
                store.proceeds(
                                price,
                                proceedsReason.isEmpty() ? Storefront.STANDARD_SHARE : Storefront.AFTER_ONE_YEAR_SHARE)
                        .toPlainString());
        // Real files pad a currency with spaces now and then ("RUB      ").
        boolean padded = Math.floorMod(SubscriptionLedger.mix(product.seed() + store.index()), 3) == 0;
        row.put("Proceeds Currency", padded ? String.format("%-9s", store.currency()) : store.currency());
        row.put("Preserved Pricing", "");
        row.put("Proceeds Reason", proceedsReason);
        row.put("Client", "");
        row.put("Device", product.device(store));
        row.put("State", BLANK);
        row.put("Country", store.country());
        for (String column : COUNT_COLUMNS) {
            row.put(column, "0");
        }
        counts.forEach((column, count) -> row.put(column, Integer.toString(count)));
        // Apple fills Subscribers (family members included) only for rows of more than three subscriptions.
        row.put("Subscribers", active > 3 ? Long.toString(Math.round(active * 1.08)) : BLANK);
        rows.add(row);
    }

    /** The 1_3 name a header cell stands for (1_4 spells one column differently). */
    private static String subscriptionKey(String header) {
        return header.equals("Active Pay as You Go Introductory Offer Subscriptions")
                ? "Active Pay As You Go Introductory Offer Subscriptions"
                : header;
    }

    // ---------------------------------------------------------------- Subscription Event report

    static byte[] eventReport(List<Event> events, LocalDate date, String version) {
        List<String> header = eventHeader(version);
        List<Map<String, String>> rows = new ArrayList<>();
        for (Event event : events) {
            SubscriptionProduct product = event.product();
            SubscriptionOffer offer = event.offer();
            Map<String, String> row = new LinkedHashMap<>();
            row.put("Event Date", date.toString());
            row.put("Event", event.name());
            row.put("App Name", product.app().name());
            row.put("App Apple ID", product.app().appleId());
            row.put("Subscription Name", product.name());
            row.put("Subscription Apple ID", product.appleId());
            row.put("Subscription Group ID", product.groupId());
            row.put("Standard Subscription Duration", product.period().label);
            row.put("Subscription Offer Type", offer == null ? "" : offer.type().label);
            row.put("Subscription Offer Duration", offer == null ? BLANK : offer.duration());
            row.put("Marketing Opt-In Duration", BLANK);
            row.put("Proceeds Reason", event.proceedsReason());
            boolean named = offer != null && offer.kind() != SubscriptionOffer.Kind.INTRODUCTORY;
            row.put("Subscription Offer Name", named ? offer.name() : BLANK);
            row.put(
                    "Promotional Offer ID",
                    named && !offer.promotionalOfferId().isEmpty() ? offer.promotionalOfferId() : BLANK);
            row.put("Device", product.device(event.store()));
            row.put("State", BLANK);
            row.put("Country", event.store().country());
            if (event.previous() != null) {
                row.put("Previous Subscription Name", event.previous().name());
                row.put("Previous Subscription Apple ID", event.previous().appleId());
            }
            row.put("Cancellation Reason", event.cancellationReason());
            row.put("Quantity", Integer.toString(event.quantity()));
            rows.add(row);
        }
        return gzip(
                text(header, rows, name -> name.equals("Promotional Offer Name") ? "Subscription Offer Name" : name));
    }

    // ---------------------------------------------------------------- files

    private static String text(List<String> header, List<Map<String, String>> rows, UnaryOperator<String> keyOf) {
        StringBuilder text = new StringBuilder(String.join("\t", header)).append('\n');
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>(header.size());
            for (String column : header) {
                cells.add(row.getOrDefault(keyOf.apply(column), ""));
            }
            text.append(String.join("\t", cells)).append('\n');
        }
        return text.toString();
    }

    /** A report file as Apple sends it: gzip-compressed text. */
    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
