package com.storemetrics.appstore;

import com.storemetrics.appstore.ReportTable.Column;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The daily Subscription report (gzip TSV, versions 1_2 to 1_4 and later), by header name: Apple's
 * current names and the older ones real files carry ("Promotional Offer Name" for "Subscription
 * Offer Name"; "Pay as You Go" and "Win-Back" spellings match regardless of case). Unknown columns
 * are ignored; the identifying, price and standard-price columns are required; every count column
 * present must hold a whole number, zero or more.
 */
final class SubscriptionReportTsv {

    static final String ACTIVE_STANDARD_PRICE = "Active Standard Price Subscriptions";

    /** Every count column, by its current name, in {@link SubscriptionCounts}' order. */
    static final List<String> COUNT_COLUMNS = List.of(
            ACTIVE_STANDARD_PRICE,
            "Active Free Trial Introductory Offer Subscriptions",
            "Active Pay Up Front Introductory Offer Subscriptions",
            "Active Pay As You Go Introductory Offer Subscriptions",
            "Free Trial Promotional Offer Subscriptions",
            "Pay Up Front Promotional Offer Subscriptions",
            "Pay As You Go Promotional Offer Subscriptions",
            "Free Trial Offer Code Subscriptions",
            "Pay Up Front Offer Code Subscriptions",
            "Pay As You Go Offer Code Subscriptions",
            "Free Trial Win-back Offers",
            "Pay Up Front Win-back Offers",
            "Pay As You Go Win-back Offers",
            "Marketing Opt-Ins",
            "Billing Retry",
            "Grace Period");

    private static final List<Column> COLUMNS = columns();

    private SubscriptionReportTsv() {}

    /** What a file held: its rows, the count columns it had, and the columns this reader does not know. */
    record Parsed(List<SubscriptionRow> rows, Set<String> countColumns, Set<String> unknownColumns) {}

    static Parsed parseGzip(byte[] gzip, long maxUncompressedBytes) {
        return GzipReports.parse(gzip, maxUncompressedBytes, SubscriptionReportTsv::parse);
    }

    static Parsed parse(Reader tsv) {
        ReportTable table = ReportTable.read(tsv, "Subscription", COLUMNS);
        List<SubscriptionRow> rows = new ArrayList<>();
        for (ReportTable.Line line : table.lines()) {
            rows.add(new SubscriptionRow(
                    line.text("App Name"),
                    line.required("App Apple ID"),
                    line.required("Subscription Name"),
                    line.required("Subscription Apple ID"),
                    line.text("Subscription Group ID"),
                    line.required("Standard Subscription Duration"),
                    line.text("Subscription Offer Name"),
                    line.text("Promotional Offer ID"),
                    new Money(line.decimal("Customer Price"), line.currency("Customer Currency")),
                    new Money(line.decimal("Developer Proceeds"), line.currency("Proceeds Currency")),
                    line.text("Preserved Pricing"),
                    line.text("Proceeds Reason"),
                    line.text("Client"),
                    line.text("Device"),
                    line.text("State"),
                    Countries.alpha2(line, "Country"),
                    counts(line)));
        }
        return new Parsed(rows, table.present(COUNT_COLUMNS), table.unknownColumns());
    }

    private static SubscriptionCounts counts(ReportTable.Line line) {
        int[] counts = new int[COUNT_COLUMNS.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = line.count(COUNT_COLUMNS.get(i));
        }
        return new SubscriptionCounts(
                counts[0],
                counts[1],
                counts[2],
                counts[3],
                counts[4],
                counts[5],
                counts[6],
                counts[7],
                counts[8],
                counts[9],
                counts[10],
                counts[11],
                counts[12],
                counts[13],
                counts[14],
                counts[15],
                line.optionalCount("Subscribers"));
    }

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>(List.of(
                Column.optional("App Name"),
                Column.required("App Apple ID"),
                Column.required("Subscription Name"),
                Column.required("Subscription Apple ID"),
                Column.optional("Subscription Group ID"),
                Column.required("Standard Subscription Duration", "Subscription Duration"),
                Column.optional("Subscription Offer Name", "Promotional Offer Name"),
                Column.optional("Promotional Offer ID"),
                Column.required("Customer Price"),
                Column.required("Customer Currency"),
                Column.required("Developer Proceeds"),
                Column.required("Proceeds Currency", "Currency of Proceeds"),
                Column.optional("Preserved Pricing"),
                Column.optional("Proceeds Reason"),
                Column.optional("Client"),
                Column.optional("Device"),
                Column.optional("State"),
                Column.required("Country"),
                Column.optional("Subscribers")));
        for (String count : COUNT_COLUMNS) {
            columns.add(count.equals(ACTIVE_STANDARD_PRICE) ? Column.required(count) : Column.optional(count));
        }
        return List.copyOf(columns);
    }
}
