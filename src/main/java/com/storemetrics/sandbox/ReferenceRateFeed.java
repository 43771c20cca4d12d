package com.storemetrics.sandbox;

import com.storemetrics.base.TargetCalendar;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The European Central Bank's euro reference rates as the sandbox plays them: one rate per currency
 * and working day, deterministic (a function of the day alone) and drifting day to day, for the ECB
 * currencies among those the demo world sells in. The sandbox's currencies without an ECB rate (SAR)
 * are absent, as they are from the real feed. Days and publication follow {@link TargetCalendar}:
 * working days only, each appearing at 16:00 Frankfurt time.
 */
final class ReferenceRateFeed {

    /** The full history reaches this far back in the sandbox (the real one starts in 1999). */
    static final int HISTORY_DAYS = 800;

    /** Units per euro around late 2025; the order is the ECB's. */
    private static final Map<String, Double> BASE = baseRates();

    private static Map<String, Double> baseRates() {
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("USD", 1.16);
        rates.put("JPY", 178.0);
        rates.put("GBP", 0.878);
        rates.put("CHF", 0.928);
        rates.put("AUD", 1.77);
        rates.put("BRL", 6.24);
        rates.put("CAD", 1.62);
        rates.put("INR", 102.7);
        rates.put("KRW", 1657.0);
        rates.put("MXN", 21.5);
        return rates;
    }

    private ReferenceRateFeed() {}

    /** The currencies the feed quotes, in the ECB's order. */
    static Set<String> currencies() {
        return BASE.keySet();
    }

    /** A day's rates, units per euro with five significant digits as the ECB writes them. */
    static Map<String, BigDecimal> ratesOn(LocalDate day) {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        long n = day.toEpochDay();
        int index = 0;
        for (Map.Entry<String, Double> base : BASE.entrySet()) {
            double drift = 1 + 0.04 * Math.sin(n / 41.0 + index) + 0.008 * Math.sin(n / 5.3 + 2.0 * index);
            rates.put(base.getKey(), new BigDecimal(base.getValue() * drift, new MathContext(5)));
            index++;
        }
        return rates;
    }

    /** The working days published by {@code now} within the last {@code days} calendar days, newest first. */
    static List<LocalDate> publishedDays(Instant now, int days) {
        LocalDate newest = TargetCalendar.newestPublished(now);
        LocalDate first = LocalDate.ofInstant(now, TargetCalendar.ECB_ZONE).minusDays(days - 1L);
        List<LocalDate> result = new ArrayList<>();
        for (LocalDate day = newest; !day.isBefore(first); day = day.minusDays(1)) {
            if (TargetCalendar.isWorkingDay(day)) {
                result.add(day);
            }
        }
        return result;
    }

    /**
     * The daily file: the ECB's own shape (tabs, single quotes), {@code eurofxref-daily.xml}.
     */
    static String dailyXml(Instant now) {
        LocalDate day = TargetCalendar.newestPublished(now);
        StringBuilder xml = header();
        xml.append("\t<Cube>\n\t\t<Cube time='").append(day).append("'>\n");
        ratesOn(day)
                .forEach((currency, rate) -> xml.append("\t\t\t<Cube currency='")
                        .append(currency)
                        .append("' rate='")
                        .append(rate.toPlainString())
                        .append("'/>\n"));
        xml.append("\t\t</Cube>\n\t</Cube>\n</gesmes:Envelope>");
        return xml.toString();
    }

    /**
     * A history file ({@code eurofxref-hist-90d.xml}, {@code eurofxref-hist.xml}): the same envelope,
     * one time Cube per working day, newest first, each on its own line with double quotes as the ECB
     * writes its history files.
     */
    static String historyXml(Instant now, int days) {
        StringBuilder xml = header();
        xml.append("<Cube>");
        for (LocalDate day : publishedDays(now, days)) {
            xml.append("<Cube time=\"").append(day).append("\">");
            ratesOn(day)
                    .forEach((currency, rate) -> xml.append("<Cube currency=\"")
                            .append(currency)
                            .append("\" rate=\"")
                            .append(rate.toPlainString())
                            .append("\"/>"));
            xml.append("</Cube>\n");
        }
        xml.append("</Cube>\n</gesmes:Envelope>");
        return xml.toString();
    }

    private static StringBuilder header() {
        return new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\""
                + " xmlns=\"http://www.ecb.int/vocabulary/2002-08-01/eurofxref\">\n"
                + "\t<gesmes:subject>Reference rates</gesmes:subject>\n"
                + "\t<gesmes:Sender>\n\t\t<gesmes:name>European Central Bank</gesmes:name>\n\t</gesmes:Sender>\n");
    }
}
