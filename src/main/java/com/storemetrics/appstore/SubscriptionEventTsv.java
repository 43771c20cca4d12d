package com.storemetrics.appstore;

import com.storemetrics.appstore.ReportTable.Column;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The daily Subscription Event report (gzip TSV, versions 1_3, 1_4 and older files), by header
 * name: Apple's current names and the older ones real files carry ("Promotional Offer Name",
 * "Subscription Duration", and in files of 2017 "Trial" and "Trial Duration" for the offer's type
 * and length). Unknown columns are ignored; the date, event, subscription, country and quantity are
 * required; an event name this client does not know is kept as written (see
 * {@link SubscriptionEventReport#unknownEvents()}).
 */
final class SubscriptionEventTsv {

    private static final List<Column> COLUMNS = List.of(
            Column.required("Event Date"),
            Column.required("Event"),
            Column.optional("App Name"),
            Column.required("App Apple ID"),
            Column.optional("Subscription Name"),
            Column.required("Subscription Apple ID"),
            Column.optional("Subscription Group ID"),
            Column.optional("Standard Subscription Duration", "Subscription Duration"),
            Column.optional("Subscription Offer Type", "Trial"),
            Column.optional("Subscription Offer Duration", "Trial Duration"),
            Column.optional("Marketing Opt-In"),
            Column.optional("Marketing Opt-In Duration"),
            Column.optional("Preserved Pricing"),
            Column.optional("Proceeds Reason"),
            Column.optional("Subscription Offer Name", "Promotional Offer Name"),
            Column.optional("Promotional Offer ID"),
            Column.optional("Consecutive Paid Periods"),
            Column.optional("Original Start Date"),
            Column.optional("Device"),
            Column.optional("Client"),
            Column.optional("State"),
            Column.required("Country"),
            Column.optional("Previous Subscription Name"),
            Column.optional("Previous Subscription Apple ID"),
            Column.optional("Days Before Canceling"),
            Column.optional("Cancellation Reason"),
            Column.optional("Days Canceled"),
            Column.required("Quantity"),
            Column.optional("Paid Service Days Recovered"));

    private SubscriptionEventTsv() {}

    /** What a file held: its rows and the columns this reader does not know. */
    record Parsed(List<SubscriptionEventRow> rows, Set<String> unknownColumns) {}

    static Parsed parseGzipWithColumns(byte[] gzip, long maxUncompressedBytes) {
        return GzipReports.parse(gzip, maxUncompressedBytes, SubscriptionEventTsv::parseWithColumns);
    }

    static List<SubscriptionEventRow> parseGzip(byte[] gzip, long maxUncompressedBytes) {
        return parseGzipWithColumns(gzip, maxUncompressedBytes).rows();
    }

    static List<SubscriptionEventRow> parse(Reader tsv) {
        return parseWithColumns(tsv).rows();
    }

    static Parsed parseWithColumns(Reader tsv) {
        ReportTable table = ReportTable.read(tsv, "Subscription Event", COLUMNS);
        List<SubscriptionEventRow> rows = new ArrayList<>();
        for (ReportTable.Line line : table.lines()) {
            rows.add(new SubscriptionEventRow(
                    line.date("Event Date"),
                    line.required("Event"),
                    line.text("App Name"),
                    line.required("App Apple ID"),
                    line.text("Subscription Name"),
                    line.required("Subscription Apple ID"),
                    line.text("Subscription Group ID"),
                    line.text("Standard Subscription Duration"),
                    line.text("Subscription Offer Type"),
                    line.text("Subscription Offer Duration"),
                    line.text("Marketing Opt-In"),
                    line.text("Marketing Opt-In Duration"),
                    line.text("Preserved Pricing"),
                    line.text("Proceeds Reason"),
                    line.text("Subscription Offer Name"),
                    line.text("Promotional Offer ID"),
                    line.optionalCount("Consecutive Paid Periods"),
                    line.optionalDate("Original Start Date"),
                    line.text("Device"),
                    line.text("Client"),
                    line.text("State"),
                    Countries.alpha2(line, "Country"),
                    line.text("Previous Subscription Name"),
                    line.text("Previous Subscription Apple ID"),
                    line.optionalCount("Days Before Canceling"),
                    line.text("Cancellation Reason"),
                    line.optionalCount("Days Canceled"),
                    line.count("Quantity"),
                    line.optionalCount("Paid Service Days Recovered")));
        }
        return new Parsed(List.copyOf(rows), table.unknownColumns());
    }
}
