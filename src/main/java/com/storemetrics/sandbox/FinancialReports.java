package com.storemetrics.sandbox;

import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Apple's Financial reports of the demo world (shared/design/payments.md, docs/sandbox.md
 * "Financial reports"): one file per vendor, region currency and fiscal month, settling exactly the
 * proceeds of that month's daily Sales reports in that currency, except for three differences played
 * on purpose, every month, by fixed rules: refunds of a month's last {@value #LATE_REFUND_DAYS} days
 * and the Americas' sales of its last day are processed (and settled) in the next month, and every
 * quarter's last month carries a tax adjustment in the Euro-zone. Pure functions of the days, like
 * the Sales numbers; computed months are kept in a small cache because a Northwind month sums
 * thousands of lines.
 */
final class FinancialReports {

    /** Apple's columns of the FINANCIAL report, in Apple's order (Apple help, "Financial report fields"). */
    static final List<String> COLUMNS = List.of(
            "Start Date",
            "End Date",
            "UPC",
            "ISRC/ISBN",
            "Vendor Identifier",
            "Quantity",
            "Partner Share",
            "Extended Partner Share",
            "Partner Share Currency",
            "Sales or Return",
            "Apple Identifier",
            "Artist/Show/Developer/Author",
            "Title",
            "Label/Studio/Network/Developer/Publisher",
            "Grid",
            "Product Type Identifier",
            "ISAN/Other Identifier",
            "Country Of Sale",
            "Pre-order Flag",
            "Promo Code",
            "Customer Price",
            "Customer Currency");

    /** The regions the sandbox's storefronts sell in, one per currency, as Apple cuts them (DE and FR: EU). */
    static final Map<String, String> REGION_BY_CURRENCY = regions();

    /** Every region code Apple names for Financial reports; ZZ asks for all at once. */
    static final Set<String> APPLE_REGIONS = Set.of(
            "US", "AU", "BR", "CA", "CH", "CL", "CN", "CO", "CZ", "DK", "EG", "EU", "GB", "HK", "HU", "ID", "IL", "IN",
            "JP", "KR", "KZ", "LL", "MX", "MY", "NG", "NO", "NZ", "PE", "PH", "PK", "PL", "QA", "RO", "RU", "SA", "SE",
            "SG", "TH", "TR", "TW", "TZ", "AE", "VN", "ZA", "ZZ");

    /** Refunds made in a fiscal month's last days are processed in the next month. */
    static final int LATE_REFUND_DAYS = 3;
    /** The region whose sales of a month's last day fall into the next month's report. */
    static final String EDGE_REGION = "US";
    /** The region of the quarterly tax adjustment, and its size: this share of the month's settled sales. */
    static final String TAX_REGION = "EU";

    static final BigDecimal TAX_SHARE = new BigDecimal("0.01");
    /** How the adjustment row names itself, in the ISAN/Other Identifier column (the sandbox's choice). */
    static final String TAX_ADJUSTMENT = "TAX ADJUSTMENT";

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final int CACHED_MONTHS = 48;
    private static final Map<String, Map<String, List<Row>>> CACHE =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, List<Row>>> eldest) {
                    return size() > CACHED_MONTHS;
                }
            });

    private FinancialReports() {}

    /** One row of the report: a product, country, price and partner share, sales and returns apart. */
    record Row(
            String vendorIdentifier,
            int quantity,
            BigDecimal partnerShare,
            String currency,
            String salesOrReturn,
            String appleIdentifier,
            String developer,
            String title,
            String productType,
            String otherIdentifier,
            String country,
            BigDecimal customerPrice,
            String customerCurrency) {

        BigDecimal extendedPartnerShare() {
            return partnerShare.multiply(BigDecimal.valueOf(quantity));
        }
    }

    /** The rows a region's report of a fiscal month settles; empty when Apple would say "no sales". */
    static List<Row> rows(SandboxWorld.AccountFacts account, String vendor, String region, FiscalMonth month) {
        String key = account.number() + "/" + vendor + "/" + month.fiscalYear() + "/" + month.period();
        return CACHE.computeIfAbsent(key, k -> settle(account, vendor, month)).getOrDefault(region, List.of());
    }

    /**
     * Whether a sales line of {@code day} (in {@code month}) settles in the next month's report: a
     * refund of the month's last days, or a sale of its last day in the Americas.
     */
    static boolean deferred(SalesLedger.SalesLine line, LocalDate day, FiscalMonth month) {
        int units = Integer.parseInt(line.column("Units"));
        String region = REGION_BY_CURRENCY.get(line.column("Currency of Proceeds"));
        return units < 0 && day.isAfter(month.end().minusDays(LATE_REFUND_DAYS))
                || units > 0 && day.equals(month.end()) && EDGE_REGION.equals(region);
    }

    private static Map<String, List<Row>> settle(SandboxWorld.AccountFacts account, String vendor, FiscalMonth month) {
        record Key(String region, List<String> values) {}
        Map<Key, Integer> quantities = new LinkedHashMap<>();
        FiscalMonth previous = month.previous();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = previous.end().minusDays(LATE_REFUND_DAYS - 1L);
                !day.isAfter(month.end());
                day = day.plusDays(1)) {
            days.add(day);
        }
        for (LocalDate day : days) {
            FiscalMonth soldIn = month.contains(day) ? month : previous;
            for (SalesLedger.SalesLine line : SalesLedger.dayLines(account.name(), account.apps(), vendor, day)) {
                BigDecimal proceeds = new BigDecimal(line.column("Developer Proceeds"));
                if (proceeds.signum() == 0 || deferred(line, day, soldIn) != (soldIn == previous)) {
                    continue;
                }
                int units = Integer.parseInt(line.column("Units"));
                String currency = line.column("Currency of Proceeds");
                Key key = new Key(
                        REGION_BY_CURRENCY.get(currency),
                        List.of(
                                line.column("SKU"),
                                proceeds.toPlainString(),
                                currency,
                                units < 0 ? "R" : "S",
                                line.column("Apple Identifier"),
                                line.column("Developer"),
                                line.column("Title"),
                                line.column("Product Type Identifier"),
                                line.column("Country Code"),
                                line.column("Customer Price"),
                                line.column("Customer Currency")));
                quantities.merge(key, units, Integer::sum);
            }
        }
        Map<String, List<Row>> byRegion = new LinkedHashMap<>();
        quantities.forEach((key, quantity) -> {
            List<String> v = key.values();
            byRegion.computeIfAbsent(key.region(), r -> new ArrayList<>())
                    .add(new Row(
                            v.get(0),
                            quantity,
                            new BigDecimal(v.get(1)),
                            v.get(2),
                            v.get(3),
                            v.get(4),
                            v.get(5),
                            v.get(6),
                            v.get(7),
                            "",
                            v.get(8),
                            new BigDecimal(v.get(9)),
                            v.get(10)));
        });
        List<Row> taxed = byRegion.get(TAX_REGION);
        if (month.period() % 3 == 0 && taxed != null) {
            taxed.add(taxAdjustment(taxed));
        }
        byRegion.replaceAll((region, rows) -> List.copyOf(rows));
        return Map.copyOf(byRegion);
    }

    /**
     * A quarter's tax adjustment: a correction Apple processes with the month, not a sale of it. One
     * return row of the region's first product, {@value #TAX_ADJUSTMENT} in ISAN/Other Identifier,
     * one percent of the month's settled sales (at least a cent).
     */
    private static Row taxAdjustment(List<Row> rows) {
        BigDecimal sales = rows.stream().map(Row::extendedPartnerShare).reduce(BigDecimal.ZERO, BigDecimal::add);
        Row first = rows.get(0);
        int decimals = first.partnerShare().scale();
        BigDecimal amount = sales.multiply(TAX_SHARE)
                .setScale(decimals, RoundingMode.HALF_UP)
                .abs();
        BigDecimal atLeast = BigDecimal.ONE.movePointLeft(decimals);
        return new Row(
                first.vendorIdentifier(),
                -1,
                amount.max(atLeast),
                first.currency(),
                "R",
                first.appleIdentifier(),
                first.developer(),
                first.title(),
                first.productType(),
                TAX_ADJUSTMENT,
                first.country(),
                BigDecimal.ZERO.setScale(decimals),
                first.customerCurrency());
    }

    /** The file as Apple sends it: header, rows, the three trailer lines, gzip-compressed. */
    static byte[] gzipTsv(List<Row> rows, FiscalMonth month) {
        return gzipTsv(rows, month, false);
    }

    /**
     * The file, or with {@code inconsistent} one whose {@code Total_Amount} is off by the currency's
     * smallest unit (the control API's INCONSISTENT_TRAILER fault).
     */
    static byte[] gzipTsv(List<Row> rows, FiscalMonth month, boolean inconsistent) {
        StringBuilder text = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        String start = month.start().format(US_DATE);
        String end = month.end().format(US_DATE);
        BigDecimal total = BigDecimal.ZERO;
        long units = 0;
        for (Row row : rows) {
            total = total.add(row.extendedPartnerShare());
            units += row.quantity();
            text.append(String.join(
                            "\t",
                            start,
                            end,
                            "",
                            "",
                            row.vendorIdentifier(),
                            Integer.toString(row.quantity()),
                            row.partnerShare().toPlainString(),
                            row.extendedPartnerShare().toPlainString(),
                            row.currency(),
                            row.salesOrReturn(),
                            row.appleIdentifier(),
                            row.developer(),
                            row.title(),
                            row.developer(),
                            "",
                            row.productType(),
                            row.otherIdentifier(),
                            row.country(),
                            "",
                            "",
                            row.customerPrice().toPlainString(),
                            row.customerCurrency()))
                    .append('\n');
        }
        if (inconsistent) {
            total = total.add(BigDecimal.ONE.movePointLeft(Math.max(0, total.scale())));
        }
        text.append("Total_Rows\t").append(rows.size()).append('\n');
        text.append("Total_Amount\t").append(total.toPlainString()).append('\n');
        text.append("Total_Units\t").append(units).append('\n');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Apple names the file VENDOR_MMYY_REGION after the fiscal month's calendar name (the sandbox's reading). */
    static String fileName(String vendor, String region, FiscalMonth month) {
        Month calendarMonth = Month.OCTOBER.plus(month.period() - 1L);
        int year = month.period() <= 3 ? month.fiscalYear() - 1 : month.fiscalYear();
        return String.format("%s_%02d%02d_%s.txt.gz", vendor, calendarMonth.getValue(), year % 100, region);
    }

    private static Map<String, String> regions() {
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("USD", "US");
        regions.put("EUR", "EU");
        regions.put("GBP", "GB");
        regions.put("JPY", "JP");
        regions.put("CAD", "CA");
        regions.put("AUD", "AU");
        regions.put("CHF", "CH");
        regions.put("BRL", "BR");
        regions.put("MXN", "MX");
        regions.put("INR", "IN");
        regions.put("KRW", "KR");
        regions.put("SAR", "SA");
        return Collections.unmodifiableMap(regions);
    }
}
