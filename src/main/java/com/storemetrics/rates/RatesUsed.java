package com.storemetrics.rates;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Which rates a converted figure was made with, for the page to say: the newest ECB reference day it
 * used (null: none), and the shipped table's date when some day had no stored rate on or before it
 * (null: not used), with whether any reference rate is imported at all.
 */
public record RatesUsed(LocalDate referenceDate, LocalDate shippedDate, boolean nothingImported) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

    /** Nothing converted yet: the identity of {@link #and}. */
    public static final RatesUsed NONE = new RatesUsed(null, null, false);

    /** What two conversions used together. */
    public RatesUsed and(RatesUsed other) {
        LocalDate reference = referenceDate == null
                ? other.referenceDate
                : other.referenceDate == null || referenceDate.isAfter(other.referenceDate)
                        ? referenceDate
                        : other.referenceDate;
        LocalDate shipped = shippedDate != null ? shippedDate : other.shippedDate;
        return new RatesUsed(reference, shipped, nothingImported || other.nothingImported);
    }

    /**
     * In words, as the pages show it: "ECB reference rates, Dec 4, 2026", "the shipped table of Oct
     * 31, 2025, because no reference rates are imported yet", or both ("ECB reference rates, Dec 4,
     * 2026; earlier days: the shipped table of ...").
     */
    public String describe() {
        String shipped = shippedDate == null
                ? null
                : "the shipped table of " + DAY.format(shippedDate)
                        + (nothingImported
                                ? ", because no reference rates are imported yet"
                                : ", because no reference rate is stored that early");
        if (referenceDate == null) {
            return shipped == null ? "no exchange rates" : shipped;
        }
        String reference = "ECB reference rates, " + DAY.format(referenceDate);
        return shipped == null ? reference : reference + "; earlier days: " + shipped;
    }
}
