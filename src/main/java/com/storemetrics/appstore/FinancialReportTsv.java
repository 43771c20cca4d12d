package com.storemetrics.appstore;

import com.storemetrics.appstore.ReportTable.Column;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Apple's Financial report (docs/apple-wire-contract.md, section 7), read by header name: rows, then
 * the trailer lines {@code Total_Rows}, {@code Total_Amount} and {@code Total_Units}, which must
 * agree with the rows. A file without its trailer is cut short ({@link UnreadableAnswer}); a trailer
 * that disagrees, or a row whose Extended Partner Share is not Quantity x Partner Share, makes the
 * file inconsistent ({@link InconsistentReport}). Cells are trimmed, so padded values read as meant;
 * unknown columns are ignored and reported.
 */
final class FinancialReportTsv {

    static final String REPORT = "Financial";
    static final String TOTAL_ROWS = "Total_Rows";
    static final String TOTAL_AMOUNT = "Total_Amount";
    static final String TOTAL_UNITS = "Total_Units";

    private static final List<Column> COLUMNS = List.of(
            Column.required("Start Date"),
            Column.required("End Date"),
            Column.required("Vendor Identifier"),
            Column.required("Quantity"),
            Column.required("Partner Share"),
            Column.required("Extended Partner Share"),
            Column.required("Partner Share Currency"),
            Column.required("Sales or Return"),
            Column.required("Apple Identifier"),
            Column.required("Country Of Sale"),
            Column.optional("Title"),
            Column.optional("Product Type Identifier"),
            Column.optional("ISAN/Other Identifier"),
            Column.optional("Customer Price"),
            Column.optional("Customer Currency"),
            // Known, unused: listed so they are not reported as unknown.
            Column.optional("UPC"),
            Column.optional("ISRC/ISBN"),
            Column.optional("Artist/Show/Developer/Author"),
            Column.optional("Label/Studio/Network/Developer/Publisher"),
            Column.optional("Grid"),
            Column.optional("Pre-order Flag"),
            Column.optional("Promo Code"));

    private FinancialReportTsv() {}

    /** The rows, the report's one currency (blank for a file without rows), Apple's totals and the columns we did not know. */
    record Parsed(
            List<FinancialRow> rows,
            String currency,
            BigDecimal totalAmount,
            long totalUnits,
            Set<String> unknownColumns) {}

    static Parsed parseGzip(byte[] gzip, long maxUncompressedBytes) {
        return GzipReports.parse(gzip, maxUncompressedBytes, FinancialReportTsv::parse);
    }

    static Parsed parse(Reader tsv) {
        StringBuilder table = new StringBuilder();
        Map<String, String> trailer = new LinkedHashMap<>();
        try {
            BufferedReader text = new BufferedReader(tsv);
            int number = 0;
            for (String line = text.readLine(); line != null; line = text.readLine()) {
                number++;
                String first = line.split("\t", -1)[0].trim();
                if (first.regionMatches(true, 0, "Total_", 0, 6)) {
                    String[] fields = line.split("\t", -1);
                    String name = canonicalTrailer(first);
                    if (fields.length < 2 || fields[1].isBlank()) {
                        throw new UnreadableAnswer(
                                "line " + number + " of the Financial report: " + first + " has no value");
                    }
                    if (trailer.put(name, fields[1].trim()) != null) {
                        throw new UnreadableAnswer("the Financial report has " + name + " twice");
                    }
                } else if (!trailer.isEmpty() && !line.isBlank()) {
                    throw new UnreadableAnswer(
                            "line " + number + " of the Financial report comes after its trailer lines");
                } else {
                    // Blank lines stay, so ReportTable's line numbers are the file's.
                    table.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ReportTable read = ReportTable.read(new StringReader(table.toString()), REPORT, COLUMNS);
        List<FinancialRow> rows = new ArrayList<>();
        for (ReportTable.Line line : read.lines()) {
            rows.add(row(line));
        }
        List<String> missing = List.of(TOTAL_ROWS, TOTAL_AMOUNT, TOTAL_UNITS).stream()
                .filter(name -> !trailer.containsKey(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new UnreadableAnswer(
                    "the Financial report is cut short: it lacks Apple's trailer line(s) " + missing);
        }
        return check(rows, trailer, read.unknownColumns());
    }

    private static FinancialRow row(ReportTable.Line line) {
        String salesOrReturn = line.required("Sales or Return").toUpperCase(Locale.ROOT);
        if (!salesOrReturn.equals("S") && !salesOrReturn.equals("R")) {
            throw line.unreadable("Sales or Return", "is neither S nor R: " + salesOrReturn);
        }
        int quantity = line.signedWhole("Quantity");
        BigDecimal share = line.decimal("Partner Share");
        BigDecimal extended = line.decimal("Extended Partner Share");
        if (share.multiply(BigDecimal.valueOf(quantity)).compareTo(extended) != 0) {
            throw new InconsistentReport(
                    "line " + line.number() + ": Extended Partner Share " + extended.toPlainString()
                            + " is not Quantity " + quantity + " x Partner Share " + share.toPlainString());
        }
        String customerCurrency = line.text("Customer Currency");
        return new FinancialRow(
                line.date("Start Date"),
                line.date("End Date"),
                line.required("Vendor Identifier"),
                quantity,
                share,
                extended,
                line.currency("Partner Share Currency"),
                salesOrReturn.equals("R"),
                line.required("Apple Identifier"),
                line.text("Title"),
                line.text("Product Type Identifier"),
                line.text("ISAN/Other Identifier"),
                line.required("Country Of Sale").toUpperCase(Locale.ROOT),
                line.optionalDecimal("Customer Price"),
                customerCurrency.isEmpty() ? "" : line.currency("Customer Currency"));
    }

    /** Apple's totals against the rows: the count, the amount to the last digit, the units (signed or not). */
    private static Parsed check(List<FinancialRow> rows, Map<String, String> trailer, Set<String> unknownColumns) {
        long totalRows = number(trailer, TOTAL_ROWS).longValueExact();
        BigDecimal totalAmount = number(trailer, TOTAL_AMOUNT);
        long totalUnits = number(trailer, TOTAL_UNITS).longValueExact();
        if (totalRows != rows.size()) {
            throw new InconsistentReport("Total_Rows says " + totalRows + ", the file has " + rows.size() + " row(s)");
        }
        BigDecimal amount =
                rows.stream().map(FinancialRow::extendedPartnerShare).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount.compareTo(totalAmount) != 0) {
            throw new InconsistentReport("Total_Amount says " + totalAmount.toPlainString() + ", the rows add up to "
                    + amount.toPlainString());
        }
        long signedUnits = rows.stream().mapToLong(FinancialRow::quantity).sum();
        long absoluteUnits =
                rows.stream().mapToLong(row -> Math.abs(row.quantity())).sum();
        // Whether Apple counts returns negative in Total_Units is unconfirmed: either reading agrees.
        if (totalUnits != signedUnits && totalUnits != absoluteUnits) {
            throw new InconsistentReport("Total_Units says " + totalUnits + ", the rows add up to " + signedUnits + " ("
                    + absoluteUnits + " without signs)");
        }
        List<String> currencies =
                rows.stream().map(FinancialRow::currency).distinct().toList();
        if (currencies.size() > 1) {
            throw new InconsistentReport("one region's report has several Partner Share Currencies " + currencies);
        }
        return new Parsed(
                List.copyOf(rows),
                currencies.isEmpty() ? "" : currencies.get(0),
                totalAmount,
                totalUnits,
                Set.copyOf(unknownColumns));
    }

    private static BigDecimal number(Map<String, String> trailer, String name) {
        String value = trailer.get(name);
        try {
            BigDecimal number = new BigDecimal(value);
            if (!name.equals(TOTAL_AMOUNT)) {
                number.longValueExact();
            }
            return number;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UnreadableAnswer("the Financial report's " + name + " is not a number: "
                    + (value.length() > 40 ? value.substring(0, 40) + "..." : value));
        }
    }

    private static String canonicalTrailer(String name) {
        for (String known : List.of(TOTAL_ROWS, TOTAL_AMOUNT, TOTAL_UNITS)) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        return name;
    }
}
