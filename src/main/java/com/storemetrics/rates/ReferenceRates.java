package com.storemetrics.rates;

import com.storemetrics.base.NodeLocalState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The conversions every page's estimates use: a day converts at its own reference rates or the last
 * earlier stored ones (weekends and holidays at the last working day), and a day before the first
 * stored rate at the shipped table, saying so ({@link RatesUsed}). The stored rates are held in memory
 * (some 400 days of a dozen currencies) and read again after an import on this node, or after
 * {@code storemetrics.rates.refresh-after} (another node's import): no page adds a query.
 */
@Component
public class ReferenceRates implements NodeLocalState {

    private record Loaded(NavigableMap<LocalDate, DayRates> byDay, DayRates beforeFirst, long loadedAtNanos) {}

    private final RateStore store;
    private final RatesProperties properties;
    private final ShippedTable shipped;
    private final String displayCurrency;
    private volatile Loaded loaded;

    ReferenceRates(RateStore store, RatesProperties properties) {
        this.store = store;
        this.properties = properties;
        this.shipped = ShippedTable.read(properties.fallbackTable());
        this.displayCurrency = properties.displayCurrency().trim().toUpperCase(Locale.ROOT);
        if (!shipped.perEur().containsKey(displayCurrency) && !"EUR".equals(displayCurrency)) {
            throw new IllegalStateException(
                    "the display currency " + displayCurrency + " is not in the shipped exchange-rate table");
        }
    }

    /** The currency every estimate is shown in. */
    public String displayCurrency() {
        return displayCurrency;
    }

    /** The rates {@code day} converts at. */
    public DayRates on(LocalDate day) {
        Loaded current = current();
        Map.Entry<LocalDate, DayRates> entry = current.byDay.floorEntry(day);
        return entry == null ? current.beforeFirst : entry.getValue();
    }

    /** Reads the stored rates again (after an import on this node). */
    void reload() {
        NavigableMap<LocalDate, Map<String, BigDecimal>> stored = store.all();
        NavigableMap<LocalDate, DayRates> byDay = new TreeMap<>();
        stored.forEach((day, perEur) ->
                byDay.put(day, new DayRates(perEur, displayCurrency, new RatesUsed(day, null, false))));
        DayRates beforeFirst =
                new DayRates(shipped.perEur(), displayCurrency, new RatesUsed(null, shipped.date(), stored.isEmpty()));
        loaded = new Loaded(byDay, beforeFirst, System.nanoTime());
    }

    private Loaded current() {
        Loaded current = loaded;
        if (current == null
                || System.nanoTime() - current.loadedAtNanos
                        > properties.refreshAfter().toNanos()) {
            reload();
            current = loaded;
        }
        return current;
    }

    @Override
    public void clear() {
        loaded = null;
    }
}
