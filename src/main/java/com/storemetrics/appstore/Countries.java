package com.storemetrics.appstore;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Country codes as the reports write them: two letters in the Subscription report, three in some
 * Subscription Event reports ("USA" in files of 2017), turned into the two-letter ISO 3166 codes.
 */
final class Countries {

    private static final Map<String, String> ALPHA2_BY_ALPHA3 = alpha2ByAlpha3();

    private Countries() {}

    /** The line's country as two capital letters; anything that is not a country code is unreadable. */
    static String alpha2(ReportTable.Line line, String column) {
        String code = line.required(column).toUpperCase(Locale.ROOT);
        if (code.matches("[A-Z]{2}")) {
            return code;
        }
        String alpha2 = code.matches("[A-Z]{3}") ? ALPHA2_BY_ALPHA3.get(code) : null;
        if (alpha2 == null) {
            throw line.unreadable(
                    column, "is not a country code: " + (code.length() > 12 ? code.substring(0, 12) : code));
        }
        return alpha2;
    }

    private static Map<String, String> alpha2ByAlpha3() {
        Map<String, String> codes = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            codes.put(new Locale("", alpha2).getISO3Country(), alpha2);
        }
        return Map.copyOf(codes);
    }
}
