package com.storemetrics.metrics.ui;

import com.storemetrics.metrics.Dashboard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the view writes numbers, money and dates: one place, so screen, chart text and CSV agree. */
public final class Figures {

    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    private Figures() {}

    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    public static String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount.setScale(2, RoundingMode.HALF_UP)) + " " + currency;
    }

    /** The per-currency amounts, e.g. "12.30 EUR, 1,200.00 JPY". */
    static String perCurrency(Dashboard.Totals totals) {
        if (totals.proceeds().isEmpty()) {
            return "-";
        }
        return totals.proceeds().entrySet().stream()
                .map(entry -> money(entry.getValue(), entry.getKey()))
                .collect(Collectors.joining(", "));
    }

    /** The change from {@code previous} to {@code current} in percent, or a note when there is nothing to compare. */
    static String change(double current, double previous) {
        if (previous == 0) {
            return current == 0 ? "no change vs previous period" : "no sales in previous period";
        }
        long percent = Math.round((current - previous) * 100.0 / Math.abs(previous));
        return (percent > 0 ? "+" : "") + percent + "% vs previous period";
    }
}
