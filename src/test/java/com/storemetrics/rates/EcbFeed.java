package com.storemetrics.rates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's ECB files as a test reads them itself, over HTTP and with a regular expression of
 * their shape (not the application's parser): what the stored and converted figures must equal.
 */
public final class EcbFeed {

    private static final Pattern CUBE = Pattern.compile(
            "<Cube time=['\"](\\d{4}-\\d{2}-\\d{2})['\"]>|<Cube currency=['\"]([A-Z]{3})['\"] rate=['\"]([0-9.]+)['\"]/>");

    private EcbFeed() {}

    /** The sandbox's full history, units per euro by day. */
    public static NavigableMap<LocalDate, Map<String, BigDecimal>> history(int port) {
        return read(port, "eurofxref-hist.xml");
    }

    public static NavigableMap<LocalDate, Map<String, BigDecimal>> read(int port, String file) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + port + "/sandbox/ecb/stats/eurofxref/" + file))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            NavigableMap<LocalDate, Map<String, BigDecimal>> days = new TreeMap<>();
            Map<String, BigDecimal> day = null;
            Matcher matcher = CUBE.matcher(response.body());
            while (matcher.find()) {
                if (matcher.group(1) != null) {
                    day = new LinkedHashMap<>();
                    days.put(LocalDate.parse(matcher.group(1)), day);
                } else {
                    day.put(matcher.group(2), new BigDecimal(matcher.group(3)));
                }
            }
            return days;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the sandbox's " + file, e);
        }
    }

    /** {@code amount} of {@code currency} in USD at one day's units-per-euro rates. */
    public static BigDecimal inUsd(Map<String, BigDecimal> perEur, String currency, BigDecimal amount) {
        BigDecimal usdPerEur = perEur.get("USD");
        BigDecimal perEurOfCurrency = "EUR".equals(currency) ? BigDecimal.ONE : perEur.get(currency);
        return amount.multiply(usdPerEur).divide(perEurOfCurrency, MathContext.DECIMAL64);
    }
}
