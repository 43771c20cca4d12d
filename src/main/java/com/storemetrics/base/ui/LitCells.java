package com.storemetrics.base.ui;

import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * Rich grid cells as Lit templates: the browser builds them from a few JSON properties per row, so
 * the server keeps no component per row (a component-rendered cell costs a tree of server-side
 * components and state nodes for every row the browser has loaded). Lit binds text and attributes as
 * text, never as markup, so names from Apple or customers cannot inject HTML.
 */
public final class LitCells {

    private static final String COLUMN =
            LumoUtility.Display.FLEX + " " + LumoUtility.FlexDirection.COLUMN + " " + LumoUtility.AlignItems.START;
    private static final String SMALL = LumoUtility.FontSize.XSMALL;

    private LitCells() {}

    /** A semibold first line and a small secondary second line. */
    public static <T> LitRenderer<T> twoLines(ValueProvider<T, String> first, ValueProvider<T, String> second) {
        return LitRenderer.<T>of("<div class='" + COLUMN + "'>"
                        + "<span class='" + LumoUtility.FontWeight.SEMIBOLD + "'>${item.first}</span>"
                        + "<span class='cell-detail " + SMALL + " " + LumoUtility.TextColor.SECONDARY
                        + "'>${item.second}</span></div>")
                .withProperty("first", first)
                .withProperty("second", second);
    }

    /**
     * A Lumo badge with an optional small line under it. {@code tone} is a badge theme ("", "success",
     * "error", "contrast"); {@code detailColor} a Lumo text colour class; a null detail hides the line.
     */
    public static <T> LitRenderer<T> badge(
            ValueProvider<T, String> label,
            ValueProvider<T, String> tone,
            ValueProvider<T, String> detail,
            ValueProvider<T, String> detailColor) {
        return badge(label, tone, detail, detailColor, row -> null);
    }

    /**
     * A badge as above with a second small line under the detail, in the body's colour (something to
     * act on, such as a missing role); a null note hides it.
     */
    public static <T> LitRenderer<T> badge(
            ValueProvider<T, String> label,
            ValueProvider<T, String> tone,
            ValueProvider<T, String> detail,
            ValueProvider<T, String> detailColor,
            ValueProvider<T, String> note) {
        return LitRenderer.<T>of("<div class='" + COLUMN + " " + LumoUtility.Gap.XSMALL + "'>"
                        + "<span theme='badge ${item.tone}'>${item.label}</span>"
                        + "<span class='cell-detail " + SMALL
                        + " ${item.detailColor}' ?hidden=${item.noDetail}>${item.detail}</span>"
                        + "<span class='cell-note " + SMALL + " " + LumoUtility.TextColor.BODY
                        + "' ?hidden=${item.noNote}>${item.note}</span></div>")
                .withProperty("label", label)
                .withProperty("tone", row -> nullToEmpty(tone.apply(row)))
                .withProperty("detail", row -> nullToEmpty(detail.apply(row)))
                .withProperty("noDetail", row -> detail.apply(row) == null)
                .withProperty("detailColor", row -> nullToEmpty(detailColor.apply(row)))
                .withProperty("note", row -> nullToEmpty(note.apply(row)))
                .withProperty("noNote", row -> note.apply(row) == null);
    }

    /**
     * A {@code vaadin-button} for a template: an icon-only button carries its name in
     * {@code aria-label} (for screen readers) and a tooltip (for the mouse); it calls the renderer's
     * function {@code function}. {@code ariaLabel} and {@code text} may hold {@code ${item.x}}
     * bindings; {@code hiddenWhen} names a boolean property that hides the button, or is null.
     */
    public static String button(
            String function,
            String theme,
            String icon,
            String text,
            String ariaLabel,
            String tooltip,
            String hiddenWhen) {
        return "<vaadin-button theme='" + theme + "' aria-label='" + ariaLabel + "'"
                + (hiddenWhen == null ? "" : " ?hidden=${item." + hiddenWhen + "}")
                + " @click=${" + function + "}>"
                + (icon == null
                        ? ""
                        : "<vaadin-icon icon='vaadin:" + icon + "'" + (text == null ? "" : " slot='prefix'")
                                + "></vaadin-icon>")
                + (text == null ? "" : text)
                + (tooltip == null ? "" : "<vaadin-tooltip slot='tooltip' text='" + tooltip + "'></vaadin-tooltip>")
                + "</vaadin-button>";
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
