package com.storemetrics.support.ui;

import com.storemetrics.security.Roles;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("support/integrations")
@PageTitle("Integrations | Support | Storemetrics")
@Menu(title = "Integrations", order = 10, icon = "vaadin:clipboard-check")
@RolesAllowed(Roles.SUPPORT)
public class SupportIntegrationsView extends VerticalLayout {

    public SupportIntegrationsView() {
        setId("support-integrations");
        add(new H2("Integrations"),
                new Paragraph("Every customer's App Store Connect integrations, their history and the verifier's health."));
    }
}
