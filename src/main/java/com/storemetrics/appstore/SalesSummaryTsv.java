package com.storemetrics.appstore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tab-separated daily sales summary both protocols deliver (gzip). Columns are found by header
 * name, never by position; the columns we cannot do without are required, the rest are optional.
 */
final class SalesSummaryTsv {

    static final String UNITS = "Units";
    static final String DEVELOPER_PROCEEDS = "Developer Proceeds";
    static final String TITLE = "Title";
    static final String APPLE_IDENTIFIER = "Apple Identifier";
    static final String BEGIN_DATE = "Begin Date";
    static final String END_DATE = "End Date";
    static final String CURRENCY_OF_PROCEEDS = "Currency of Proceeds";
    static final List<String> REQUIRED_COLUMNS =
            List.of(TITLE, UNITS, DEVELOPER_PROCEEDS, BEGIN_DATE, END_DATE, CURRENCY_OF_PROCEEDS, APPLE_IDENTIFIER);

    private static final DateTimeFormatter US_DATE =
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private SalesSummaryTsv() {}

    /** Gunzips and parses; stops with an error once the text exceeds {@code maxUncompressedBytes} (gzip bombs). */
    static List<SalesRow> parseGzip(byte[] gzip, long maxUncompressedBytes) {
        return GzipReports.parse(gzip, maxUncompressedBytes, SalesSummaryTsv::parse);
    }

    static List<SalesRow> parse(Reader tsv) {
        try {
            BufferedReader lines = new BufferedReader(tsv);
            String headerLine = lines.readLine();
            if (headerLine == null || headerLine.isBlank()) {
                throw new UnreadableAnswer("the report has no header row");
            }
            Columns columns = new Columns(headerLine.replace("\uFEFF", "").split("\t", -1));
            List<SalesRow> rows = new ArrayList<>();
            int lineNumber = 1;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                rows.add(row(columns, line.split("\t", -1), lineNumber));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SalesRow row(Columns columns, String[] fields, int lineNumber) {
        Row row = new Row(columns, fields, lineNumber);
        return new SalesRow(
                row.text("Provider"),
                row.text("SKU"),
                row.text("Developer"),
                row.required(TITLE),
                row.text("Version"),
                row.text("Product Type Identifier"),
                row.units(),
                row.decimal(DEVELOPER_PROCEEDS),
                row.date(BEGIN_DATE),
                row.date(END_DATE),
                row.text("Customer Currency"),
                row.text("Country Code"),
                row.required(CURRENCY_OF_PROCEEDS),
                row.required(APPLE_IDENTIFIER),
                row.decimal("Customer Price"),
                row.text("Parent Identifier"),
                row.text("Device"));
    }

    /** Header name (case and surrounding blanks ignored) to position. */
    private static final class Columns {
        private final Map<String, Integer> positionByName = new HashMap<>();

        Columns(String[] header) {
            for (int i = 0; i < header.length; i++) {
                positionByName.putIfAbsent(key(header[i]), i);
            }
            List<String> missing = REQUIRED_COLUMNS.stream()
                    .filter(name -> !positionByName.containsKey(key(name)))
                    .toList();
            if (!missing.isEmpty()) {
                throw new UnreadableAnswer("the report lacks the column(s) " + missing);
            }
        }

        int positionOf(String name) {
            return positionByName.getOrDefault(key(name), -1);
        }

        private static String key(String name) {
            return name.trim().toLowerCase(Locale.ROOT);
        }
    }

    private record Row(Columns columns, String[] fields, int lineNumber) {

        /** An optional column's value; null when the column is absent, blank becomes empty. */
        String text(String column) {
            int position = columns.positionOf(column);
            if (position < 0) {
                return null;
            }
            // Trailing empty fields may be cut off; a short row just has blanks there.
            return position < fields.length ? fields[position].trim() : "";
        }

        String required(String column) {
            String value = text(column);
            if (value == null || value.isEmpty()) {
                throw new UnreadableAnswer("line " + lineNumber + ": no " + column);
            }
            return value;
        }

        int units() {
            String value = required(UNITS);
            try {
                return new BigDecimal(value).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new UnreadableAnswer("line " + lineNumber + ": Units is not a whole number: " + clip(value), e);
            }
        }

        /** A decimal with a dot; blank means zero (free apps leave prices blank in some reports). */
        BigDecimal decimal(String column) {
            String value = text(column);
            if (value == null || value.isEmpty()) {
                return BigDecimal.ZERO;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new UnreadableAnswer(
                        "line " + lineNumber + ": " + column + " is not a number: " + clip(value), e);
            }
        }

        LocalDate date(String column) {
            String value = required(column);
            try {
                return LocalDate.parse(value, US_DATE);
            } catch (DateTimeParseException e) {
                throw new UnreadableAnswer(
                        "line " + lineNumber + ": " + column + " is not MM/DD/YYYY: " + clip(value), e);
            }
        }

        private static String clip(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "..." : value;
        }
    }
}
