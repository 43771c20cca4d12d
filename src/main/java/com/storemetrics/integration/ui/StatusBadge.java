package com.storemetrics.integration.ui;

import com.storemetrics.integration.IntegrationStatus;
import com.vaadin.flow.component.html.Span;

/** An integration's status as a Lumo badge: the customer's grid, details and support all show it alike. */
public class StatusBadge extends Span {

    public StatusBadge(IntegrationStatus status) {
        super(status.label());
        getElement().getThemeList().add(switch (status) {
            case APPROVED -> "badge success";
            case EXPIRED, REMOVED -> "badge error";
            case PENDING -> "badge";
        });
    }
}
