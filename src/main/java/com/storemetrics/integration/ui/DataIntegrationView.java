package com.storemetrics.integration.ui;

import com.storemetrics.security.Roles;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

@Route("my-account/data-integration")
@PageTitle("Data Integration | Storemetrics")
@Menu(title = "Data Integration", order = 1, icon = "vaadin:connect")
@RolesAllowed(Roles.CUSTOMER)
public class DataIntegrationView extends VerticalLayout {

    public DataIntegrationView() {
        setId("data-integration");
        add(new H2("Data Integration"),
                new Paragraph("Connect your App Store Connect account to see real store numbers for your apps."));
    }
}
