package com.storemetrics.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Objects;

/**
 * A polite live region that screen readers read out when its text changes: one sentence per change
 * a user would want to hear (an account approved, an import finished), never one per push. It is
 * visually hidden; what it says is on screen as well.
 */
public final class Announcer extends Div {

    private String last;

    public Announcer(String id) {
        setId(id);
        getElement().setAttribute("role", "status");
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("aria-atomic", "true");
        addClassNames(LumoUtility.Accessibility.SCREEN_READER_ONLY);
    }

    /** Says {@code sentence} unless it is what was said last: a repeated push repeats nothing. */
    public void announce(String sentence) {
        if (sentence == null || sentence.isBlank() || Objects.equals(sentence, last)) {
            return;
        }
        last = sentence;
        setText(sentence);
    }

    /** Takes {@code sentence} as said without saying it: it is already on screen when the page opens. */
    public void remember(String sentence) {
        last = sentence;
    }

    /** What was said last (null: nothing yet). */
    public String said() {
        return last;
    }
}
