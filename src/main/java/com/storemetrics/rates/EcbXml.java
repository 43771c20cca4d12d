package com.storemetrics.rates;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the ECB's reference-rate files (the daily file and both history files share one shape: a
 * {@code gesmes:Envelope} holding {@code Cube / Cube time=... / Cube currency=... rate=...}) into
 * units per euro by day. StAX with DTDs and external entities off: a file with a DOCTYPE (an XXE
 * probe, a billion-laughs bomb) is refused before any entity is expanded.
 */
final class EcbXml {

    static final String ECB_NAMESPACE = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final XMLInputFactory FACTORY = safeFactory();

    private EcbXml() {}

    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /**
     * The file's rates, units per euro by day (oldest first). An envelope without any day is an
     * empty map; anything else than the ECB's shape is an {@link UnreadableFeed} saying what is wrong.
     */
    static NavigableMap<LocalDate, Map<String, BigDecimal>> parse(InputStream xml) {
        NavigableMap<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
        XMLStreamReader reader = null;
        try {
            // Decoded here, strictly: the ECB writes UTF-8, and the JDK's parser would print its own
            // encoding errors to standard error before throwing them.
            reader = FACTORY.createXMLStreamReader(new InputStreamReader(
                    xml,
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)));
            boolean envelope = false;
            LocalDate day = null;
            Map<String, BigDecimal> rates = null;
            int depth = 0;
            int dayDepth = -1;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new UnreadableFeed("the rate file declares a DTD, which a reference-rate file never does:"
                            + " refused (no entity is expanded)");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new UnreadableFeed("the rate file refers to the entity &" + reader.getLocalName()
                            + "; which a reference-rate file never does: refused");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = reader.getLocalName();
                    if (!envelope) {
                        if (!"Envelope".equals(name)) {
                            throw new UnreadableFeed(
                                    "the rate file is not a gesmes:Envelope (it starts with <" + name + ">)");
                        }
                        envelope = true;
                    } else if ("Cube".equals(name)) {
                        String time = reader.getAttributeValue(null, "time");
                        String currency = reader.getAttributeValue(null, "currency");
                        if (time != null) {
                            day = date(time.trim());
                            rates = new LinkedHashMap<>();
                            dayDepth = depth;
                            if (days.put(day, rates) != null) {
                                throw new UnreadableFeed("the rate file has the day " + day + " twice");
                            }
                        } else if (currency != null) {
                            if (rates == null) {
                                throw new UnreadableFeed(
                                        "the rate file has a rate (" + currency.trim() + ") outside a day");
                            }
                            String code = currency.trim().toUpperCase(Locale.ROOT);
                            rates.put(code, rate(code, reader.getAttributeValue(null, "rate"), day));
                        }
                    }
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    // A rate after its day's Cube has closed belongs to no day.
                    if (depth == dayDepth) {
                        rates = null;
                        dayDepth = -1;
                    }
                    depth--;
                }
            }
            if (!envelope) {
                throw new UnreadableFeed("the rate file is empty");
            }
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof CharacterCodingException
                    || e.getCause() instanceof CharacterCodingException) {
                throw new UnreadableFeed("the rate file is not well-formed XML: its bytes are not UTF-8", e);
            }
            throw new UnreadableFeed("the rate file is not well-formed XML: " + firstLine(e.getMessage()), e);
        } finally {
            close(reader);
        }
        days.values().removeIf(Map::isEmpty);
        days.replaceAll((day, rates) -> Collections.unmodifiableMap(rates));
        return days;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UnreadableFeed("the rate file's day '" + text + "' is not a date (yyyy-mm-dd)");
        }
    }

    private static BigDecimal rate(String currency, String text, LocalDate day) {
        if (!CURRENCY.matcher(currency).matches()) {
            throw new UnreadableFeed(
                    "the rate file's currency '" + currency + "' of " + day + " is not a currency code");
        }
        if (text == null) {
            throw new UnreadableFeed("the rate file's " + currency + " of " + day + " has no rate");
        }
        try {
            BigDecimal rate = new BigDecimal(text.trim());
            if (rate.signum() <= 0) {
                throw new UnreadableFeed("the rate file's " + currency + " of " + day + " is not positive: " + text);
            }
            return rate;
        } catch (NumberFormatException e) {
            throw new UnreadableFeed("the rate file's " + currency + " of " + day + " is not a number: '" + text + "'");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines()
                .filter(text -> !text.isBlank())
                .reduce((a, b) -> b)
                .orElse(message);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Nothing was held that closing could release.
            }
        }
    }
}
