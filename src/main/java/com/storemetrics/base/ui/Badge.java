package com.storemetrics.base.ui;

import com.vaadin.flow.component.html.Span;

/** A short status word as a Lumo badge; the tone is "" (neutral), "success", "error" or "contrast". */
public class Badge extends Span {

    public Badge(String text, String tone) {
        super(text);
        getElement().getThemeList().add(tone == null || tone.isBlank() ? "badge" : "badge " + tone);
    }
}
