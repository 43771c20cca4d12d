package com.storemetrics.metrics.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;

/**
 * What a table under it leaves out, and a button to show all of its rows or the top ones again. A
 * table of 100 countries is a long page on a phone, and an open view keeps every row its tables
 * show: by default a table shows its {@value #TOP} first rows (the dashboard's own order), and the
 * rest is read again when asked for. The CSV always has every row.
 */
public final class TopRows extends Div {

    /** Rows a table shows until all are asked for. */
    public static final int TOP = 10;

    private final String noun;
    private final String order;
    final Span note = new Span();
    final Button toggle = new Button();
    private boolean all;

    /**
     * @param noun   what the rows are, plural ("countries")
     * @param order  the dashboard's order of them ("most downloads first")
     * @param reread shows the figures again, read afresh, once the choice changed
     */
    public TopRows(String noun, String order, Runnable reread) {
        this.noun = noun;
        this.order = order;
        note.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addClickListener(click -> {
            all = !all;
            reread.run();
        });
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.BASELINE, LumoUtility.Gap.SMALL);
        add(note, toggle);
        setVisible(false);
    }

    /** The rows the table shows now: all of them, or a copy of the first {@value #TOP}. */
    public <T> List<T> cut(List<T> rows) {
        boolean more = rows.size() > TOP;
        setVisible(more);
        if (!more) {
            return rows;
        }
        note.setText(
                all
                        ? "All " + rows.size() + " " + noun + ", " + order + "."
                        : "The top " + TOP + " of " + rows.size() + " " + noun + ", " + order + ".");
        toggle.setText(all ? "Show the top " + TOP : "Show all " + rows.size() + " " + noun);
        // A copy: a sub-list would keep the whole list alive in the open view.
        return all ? rows : List.copyOf(rows.subList(0, TOP));
    }
}
