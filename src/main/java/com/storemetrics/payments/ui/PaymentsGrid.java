package com.storemetrics.payments.ui;

import com.storemetrics.base.ui.NarrowScreens;
import com.storemetrics.payments.PaymentsOverview.Line;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;

/**
 * One line per fiscal month and region currency: Apple's settled amount and units, the Sales
 * estimate of the same days, the difference, and the line's status with what explains it, in words.
 * Its rich cells are Lit templates (no component per row). On phones and tablets in portrait
 * ({@link NarrowScreens}) only the month and the settled amount stay, and the month's cell shows the
 * status, which says the difference in words.
 */
class PaymentsGrid extends Grid<Line> {

    PaymentsGrid() {
        // The month's cell also carries the status, shown only where the status column is hidden (styles.css).
        addColumn(LitRenderer.<Line>of("<div class='" + LumoUtility.Display.FLEX + " "
                                + LumoUtility.FlexDirection.COLUMN + "'>"
                                + "<span class='" + LumoUtility.FontWeight.SEMIBOLD + "'>${item.name}</span>"
                                + "<span class='cell-detail " + LumoUtility.FontSize.XSMALL + " "
                                + LumoUtility.TextColor.SECONDARY + "'>${item.days}</span>"
                                + "<span class='payments-narrow-status " + LumoUtility.FontSize.XSMALL
                                + "'>${item.status}</span></div>")
                        .withProperty(
                                "name",
                                line -> PaymentTexts.fiscalName(line.month()) + " · " + PaymentTexts.currency(line))
                        .withProperty(
                                "days",
                                line -> PaymentTexts.days(line.month())
                                        + (line.regions().isEmpty() ? "" : " · " + PaymentTexts.regions(line)))
                        .withProperty("status", Line::status))
                .setHeader("Fiscal month and currency")
                // Narrow enough for a 390 px phone beside the settled amount; wider screens give it more.
                .setWidth("12rem")
                .setFlexGrow(1)
                .setKey("month");
        amount("Settled by Apple", line -> PaymentTexts.money(line.settled(), line.currency()), "settled");
        Column<Line> units = amount("Units", PaymentTexts::units, "units");
        Column<Line> estimate =
                amount("Sales estimate", line -> PaymentTexts.money(line.estimate(), line.currency()), "estimate");
        Column<Line> difference = amount("Difference", PaymentTexts::difference, "difference");
        Column<Line> status = addColumn(LitRenderer.<Line>of("<div class='" + LumoUtility.Display.FLEX + " "
                                + LumoUtility.FlexDirection.COLUMN + " " + LumoUtility.Gap.XSMALL + "'>"
                                + "<span>${item.status}</span>"
                                + "<span class='cell-detail " + LumoUtility.FontSize.XSMALL
                                + "' ?hidden=${item.noEvidence}>${item.evidence}</span>"
                                + "<span class='cell-detail " + LumoUtility.FontSize.XSMALL + " "
                                + LumoUtility.TextColor.SECONDARY + "' ?hidden=${item.noReasons}>${item.reasons}</span>"
                                + "</div>")
                        .withProperty("status", Line::status)
                        .withProperty("evidence", PaymentTexts::evidence)
                        .withProperty("noEvidence", line -> line.evidence().isEmpty())
                        .withProperty("reasons", PaymentTexts::possibleReasons)
                        .withProperty("noReasons", line -> line.reasons().isEmpty()))
                .setHeader("Status and reasons")
                .setFlexGrow(3)
                .setWidth("16rem")
                .setKey("status");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        setAriaLabel("Payments per fiscal month and currency: Apple's settled amount, the Sales estimate and the"
                + " difference");
        NarrowScreens.hideOnPhones(this, List.of(units, estimate, difference, status));
    }

    private Column<Line> amount(String header, ValueProvider<Line, String> text, String key) {
        return addColumn(text)
                .setHeader(header)
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey(key);
    }
}
