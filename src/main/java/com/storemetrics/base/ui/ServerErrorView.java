package com.storemetrics.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any unexpected failure while navigating: logged with a reference the customer can quote to
 * support; the page shows that reference and no technical detail.
 */
@PageTitle("Something went wrong | Storemetrics")
@AnonymousAllowed
public class ServerErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error(
                "Navigation to '{}' failed (reference {})",
                event.getLocation().getPath(),
                reference,
                parameter.getCaughtException());
        removeAll();
        add(
                new H2("Something went wrong"),
                new Paragraph("Please try again. If it keeps happening, contact support and quote reference "
                        + reference + "."),
                new Anchor("", "Go to the start page"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
