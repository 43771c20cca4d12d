package com.storemetrics.payments;

import java.util.Map;

/**
 * The currency of each of Apple's Financial report regions (Apple help, "Financial report regions
 * and currencies"; /work/shared/design/payments.md): one report per region, in its currency; two
 * regions may share one (US and LL, Latin America and the Caribbean, both USD). A region's report
 * names its currency itself; this table names it for a region that settled nothing ("no sales"),
 * whose file does not exist.
 */
final class RegionCurrencies {

    private static final Map<String, String> CURRENCY = Map.ofEntries(
            Map.entry("US", "USD"),
            Map.entry("LL", "USD"),
            Map.entry("EU", "EUR"),
            Map.entry("GB", "GBP"),
            Map.entry("JP", "JPY"),
            Map.entry("CA", "CAD"),
            Map.entry("AU", "AUD"),
            Map.entry("NZ", "NZD"),
            Map.entry("CH", "CHF"),
            Map.entry("NO", "NOK"),
            Map.entry("SE", "SEK"),
            Map.entry("DK", "DKK"),
            Map.entry("PL", "PLN"),
            Map.entry("CZ", "CZK"),
            Map.entry("HU", "HUF"),
            Map.entry("RO", "RON"),
            Map.entry("RU", "RUB"),
            Map.entry("TR", "TRY"),
            Map.entry("IL", "ILS"),
            Map.entry("AE", "AED"),
            Map.entry("SA", "SAR"),
            Map.entry("QA", "QAR"),
            Map.entry("EG", "EGP"),
            Map.entry("NG", "NGN"),
            Map.entry("TZ", "TZS"),
            Map.entry("ZA", "ZAR"),
            Map.entry("KZ", "KZT"),
            Map.entry("IN", "INR"),
            Map.entry("PK", "PKR"),
            Map.entry("CN", "CNY"),
            Map.entry("HK", "HKD"),
            Map.entry("TW", "TWD"),
            Map.entry("KR", "KRW"),
            Map.entry("SG", "SGD"),
            Map.entry("MY", "MYR"),
            Map.entry("TH", "THB"),
            Map.entry("ID", "IDR"),
            Map.entry("PH", "PHP"),
            Map.entry("VN", "VND"),
            Map.entry("BR", "BRL"),
            Map.entry("MX", "MXN"),
            Map.entry("CL", "CLP"),
            Map.entry("CO", "COP"),
            Map.entry("PE", "PEN"));

    private RegionCurrencies() {}

    /** The region's currency, or null when this table does not know the region. */
    static String of(String region) {
        return CURRENCY.get(region);
    }
}
