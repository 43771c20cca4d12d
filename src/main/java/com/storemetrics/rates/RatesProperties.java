package com.storemetrics.rates;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The reference-rate import and conversion ({@code storemetrics.rates.*}).
 *
 * @param ecbUrl           base of the ECB's files, ending before {@code eurofxref-daily.xml}; blank means
 *                         this application's embedded sandbox (development and tests)
 * @param checkInterval    how often the import looks whether a newer working day is due (it fetches only then)
 * @param historyDays      how far back rates are kept: what the pages convert (a year of sales and the period before)
 * @param connectTimeout   the connection's time-out
 * @param readTimeout      the whole answer's time-out
 * @param maxResponseBytes the largest file read (the ECB's full history is about 6 MB)
 * @param fallbackTable    a CSV replacing the shipped table for days before the first stored rate (blank: the shipped one)
 * @param displayCurrency  the currency estimates are shown in
 * @param refreshAfter     how long a node keeps the stored rates in memory before reading them again
 *                         (the node that imports reads them at once)
 */
@ConfigurationProperties("storemetrics.rates")
public record RatesProperties(
        @DefaultValue("https://www.ecb.europa.eu/stats/eurofxref/")
        String ecbUrl,

        @DefaultValue("1h") Duration checkInterval,
        @DefaultValue("400") int historyDays,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("16MB") DataSize maxResponseBytes,
        @DefaultValue("") String fallbackTable,
        @DefaultValue("USD") String displayCurrency,
        @DefaultValue("5m") Duration refreshAfter) {

    public RatesProperties {
        if (historyDays < 7) {
            throw new IllegalArgumentException("storemetrics.rates.history-days must be at least 7");
        }
    }
}
