package com.storemetrics.metrics;

import com.storemetrics.base.FiscalCalendar.FiscalMonth;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Apple settled for the whole fiscal months inside some days of an account, per currency, from
 * its Financial reports. The payments feature implements it (payments -> metrics), so Store Metrics
 * shows it without knowing payments. Callers have checked that the customer may see the account.
 */
public interface SettledByApple {

    /** The whole fiscal months, oldest first, and Apple's Total_Amount per currency (never converted or added across). */
    record Settled(List<FiscalMonth> months, Map<String, BigDecimal> amounts) {}

    /**
     * The fiscal months lying wholly within {@code from} to {@code to}, when Apple has settled every
     * report region of every one of them (a file, or "no sales"); empty otherwise (none inside, a
     * month not published or not read yet, a failed file, the Finance role refused).
     */
    Optional<Settled> within(long accountId, LocalDate from, LocalDate to);
}
