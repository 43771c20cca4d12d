package com.storemetrics.payments.ui;

import com.storemetrics.metrics.ui.Figures;
import com.storemetrics.payments.PaymentsOverview;
import com.storemetrics.payments.PaymentsOverview.MonthTotal;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Each shown fiscal month's lines added up in the display currency, marked as converted and naming
 * the rates (the ECB's of the month's last day, or the shipped table) and the currencies left out.
 * The per-currency amounts of the table stay what Apple settled.
 */
final class MonthTotals extends Div {

    private final Div months = new Div();

    MonthTotals() {
        setId("payments-totals");
        add(new H3("Converted totals (estimated)"), months);
    }

    void show(PaymentsOverview overview, List<MonthTotal> totals) {
        months.removeAll();
        setVisible(!totals.isEmpty());
        for (MonthTotal total : totals) {
            Paragraph month = new Paragraph(text(total, overview.displayCurrency()));
            month.setId("payments-total-FY" + total.month().fiscalYear() + "-P"
                    + total.month().period());
            months.add(month);
        }
    }

    /**
     * "FY2027 P2 (Nov), Nov 1 – Nov 28, 2026: settled by Apple 1,234.56 USD, Sales estimate 1,230.00
     * USD, converted at ECB reference rates, Nov 27, 2026. Not converted (no exchange rate): SAR."
     */
    static String text(MonthTotal total, String currency) {
        List<String> parts = new ArrayList<>();
        if (total.settled() != null) {
            parts.add("settled by Apple " + Figures.money(total.settled(), currency));
        }
        if (total.estimate() != null) {
            parts.add("Sales estimate " + Figures.money(total.estimate(), currency));
        }
        String amounts = parts.isEmpty() ? "nothing to convert" : String.join(", ", parts);
        return PaymentTexts.fiscalName(total.month()) + ", " + PaymentTexts.days(total.month()) + ": " + amounts
                + ", converted at " + total.rates().describe() + "."
                + (total.excluded().isEmpty()
                        ? ""
                        : " Not converted (no exchange rate), left out: " + String.join(", ", total.excluded()) + ".");
    }

    static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
