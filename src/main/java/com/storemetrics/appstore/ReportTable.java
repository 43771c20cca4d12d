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
import java.util.Set;
import java.util.TreeSet;

/**
 * A tab-separated report read by header name, for the subscription and Financial reports: header names match
 * ignoring case and runs of blanks, with each column's known aliases (older wordings); unknown
 * columns are ignored; a missing required column, a row cut short or a value that is not what the
 * column holds is an {@link UnreadableAnswer} that names the line and the column. Cells are
 * trimmed, so padded values ("RUB      ") and single-space "blank" cells read as Apple meant them.
 */
final class ReportTable {

    /** A column by its current name, the other names it has had, and whether a report is unreadable without it. */
    record Column(String name, List<String> aliases, boolean required) {

        static Column required(String name, String... aliases) {
            return new Column(name, List.of(aliases), true);
        }

        static Column optional(String name, String... aliases) {
            return new Column(name, List.of(aliases), false);
        }
    }

    private static final DateTimeFormatter US_DATE =
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private final String report;
    private final int width;
    private final Map<String, Integer> positionByColumn = new HashMap<>();
    private final Set<String> unknownColumns = new TreeSet<>();
    private final List<Line> lines = new ArrayList<>();

    private ReportTable(String report, String[] header, List<Column> columns) {
        this.report = report;
        this.width = header.length;
        Map<String, Integer> positionByHeader = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            positionByHeader.putIfAbsent(key(header[i]), i);
        }
        List<String> missing = new ArrayList<>();
        for (Column column : columns) {
            Integer position = positionByHeader.get(key(column.name()));
            for (int i = 0; position == null && i < column.aliases().size(); i++) {
                position = positionByHeader.get(key(column.aliases().get(i)));
            }
            if (position != null) {
                positionByColumn.put(column.name(), position);
            } else if (column.required()) {
                missing.add(column.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new UnreadableAnswer("the " + report + " report lacks the column(s) " + missing);
        }
        for (int i = 0; i < header.length; i++) {
            if (!header[i].isBlank() && !positionByColumn.containsValue(i)) {
                unknownColumns.add(header[i].trim());
            }
        }
    }

    /** Reads the header and every non-blank line; the lines are checked as they are read. */
    static ReportTable read(Reader tsv, String report, List<Column> columns) {
        try {
            BufferedReader text = new BufferedReader(tsv);
            String headerLine = text.readLine();
            if (headerLine == null || headerLine.isBlank()) {
                throw new UnreadableAnswer("the " + report + " report has no header row");
            }
            ReportTable table =
                    new ReportTable(report, headerLine.replace("\uFEFF", "").split("\t", -1), columns);
            int number = 1;
            for (String line = text.readLine(); line != null; line = text.readLine()) {
                number++;
                if (!line.isBlank()) {
                    table.add(line.split("\t", -1), number);
                }
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(String[] fields, int number) {
        if (fields.length != width) {
            throw new UnreadableAnswer("line " + number + " of the " + report + " report has " + fields.length
                    + " fields where the header has " + width
                    + (fields.length < width ? " (the file is cut short)" : ""));
        }
        lines.add(new Line(number, fields));
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Header names this reader has no column for, as the file wrote them (ignored when reading). */
    Set<String> unknownColumns() {
        return Set.copyOf(unknownColumns);
    }

    boolean has(String column) {
        return positionByColumn.containsKey(column);
    }

    /** The columns of {@code candidates} this file has, by their current names. */
    Set<String> present(List<String> candidates) {
        Set<String> present = new TreeSet<>();
        for (String candidate : candidates) {
            if (has(candidate)) {
                present.add(candidate);
            }
        }
        return present;
    }

    private static String key(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** One line of the report; every reading names the line and column when the value does not fit. */
    final class Line {
        private final int number;
        private final String[] fields;

        private Line(int number, String[] fields) {
            this.number = number;
            this.fields = fields;
        }

        int number() {
            return number;
        }

        /** The trimmed value; blank when the cell is blank or the file has no such column. */
        String text(String column) {
            Integer position = positionByColumn.get(column);
            return position == null ? "" : fields[position].trim();
        }

        String required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                throw unreadable(column, "is blank");
            }
            return value;
        }

        /** A count: a whole number, zero or more. Zero when the file has no such column; blank is unreadable. */
        int count(String column) {
            if (!has(column)) {
                return 0;
            }
            return wholeNumber(column, required(column));
        }

        /** A whole number zero or more, or null for a blank cell or a missing column. */
        Integer optionalCount(String column) {
            String value = text(column);
            return value.isEmpty() ? null : wholeNumber(column, value);
        }

        /** A whole number that may be negative (a Financial report's Quantity of a return). */
        int signedWhole(String column) {
            String value = required(column);
            try {
                return new BigDecimal(value).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw unreadable(column, "is not a whole number: " + clip(value));
            }
        }

        /** A number, or null for a blank cell or a missing column. */
        BigDecimal optionalDecimal(String column) {
            return text(column).isEmpty() ? null : decimal(column);
        }

        BigDecimal decimal(String column) {
            String value = required(column);
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw unreadable(column, "is not a number: " + clip(value));
            }
        }

        /** An ISO date (2026-11-27), as the subscription reports write them, or Sales' 11/27/2026. */
        LocalDate date(String column) {
            return parseDate(column, required(column));
        }

        /** A date, or null for a blank cell or a missing column. */
        LocalDate optionalDate(String column) {
            String value = text(column);
            return value.isEmpty() ? null : parseDate(column, value);
        }

        /** A three-letter currency code, upper case. */
        String currency(String column) {
            String value = required(column).toUpperCase(Locale.ROOT);
            if (!value.matches("[A-Z]{3}")) {
                throw unreadable(column, "is not a currency code: " + clip(value));
            }
            return value;
        }

        private LocalDate parseDate(String column, String value) {
            try {
                return value.contains("/") ? LocalDate.parse(value, US_DATE) : LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw unreadable(column, "is not a date (YYYY-MM-DD or MM/DD/YYYY): " + clip(value));
            }
        }

        private int wholeNumber(String column, String value) {
            int number;
            try {
                number = new BigDecimal(value).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw unreadable(column, "is not a whole number: " + clip(value));
            }
            if (number < 0) {
                throw unreadable(column, "is negative: " + number);
            }
            return number;
        }

        UnreadableAnswer unreadable(String column, String why) {
            return new UnreadableAnswer("line " + number + " of the " + report + " report: " + column + " " + why);
        }

        private static String clip(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "..." : value;
        }
    }
}
