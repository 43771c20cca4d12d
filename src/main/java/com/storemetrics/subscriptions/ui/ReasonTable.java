package com.storemetrics.subscriptions.ui;

import com.storemetrics.metrics.ui.Figures;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The period's cancellations by Apple's Cancellation Reason (or the event, where Apple gives no
 * reason): a plain HTML table of a handful of rows, built with the Element API. A grid did the same
 * at several times the memory of every open view (docs/benchmarks.md, issue 24), and a native table
 * is what screen readers know best: column headers, row by row, nothing to scroll.
 */
@Tag("table")
class ReasonTable extends Component {

    record Reason(String reason, long count, double share) {}

    private final Element body = new Element("tbody");
    private List<Reason> shown = List.of();

    ReasonTable() {
        getElement().setAttribute("class", "figure-table");
        getElement().setAttribute("aria-label", "Cancellations by reason");
        Element head = new Element("tr");
        head.appendChild(header("Reason", false), header("Cancellations", true), header("Share", true));
        getElement().appendChild(new Element("thead").appendChild(head), body);
    }

    static List<Reason> of(Map<String, Long> byReason) {
        long total = byReason.values().stream().mapToLong(Long::longValue).sum();
        List<Reason> reasons = new ArrayList<>();
        byReason.forEach(
                (reason, count) -> reasons.add(new Reason(reason, count, total == 0 ? 0 : count / (double) total)));
        reasons.sort(Comparator.comparingLong(Reason::count).reversed().thenComparing(Reason::reason));
        return reasons;
    }

    void show(Map<String, Long> byReason) {
        shown = of(byReason);
        body.removeAllChildren();
        if (shown.isEmpty()) {
            Element none = cell("td", "No cancellations in this period.", false);
            none.setAttribute("colspan", "3");
            body.appendChild(new Element("tr").appendChild(none));
            return;
        }
        for (Reason reason : shown) {
            Element row = new Element("tr");
            Element name = cell("th", reason.reason(), false);
            name.setAttribute("scope", "row");
            row.appendChild(
                    name,
                    cell("td", Figures.count(reason.count()), true),
                    cell("td", String.format(Locale.US, "%.1f%%", reason.share() * 100), true));
            body.appendChild(row);
        }
    }

    /** The rows on screen (for tests). */
    List<Reason> shown() {
        return shown;
    }

    private static Element header(String text, boolean number) {
        Element header = cell("th", text, number);
        header.setAttribute("scope", "col");
        return header;
    }

    private static Element cell(String tag, String text, boolean number) {
        Element cell = new Element(tag);
        cell.setText(text);
        if (number) {
            cell.setAttribute("class", "number");
        }
        return cell;
    }
}
