package com.storemetrics.notices.ui;

import com.storemetrics.base.ui.Times;
import com.storemetrics.notices.SentNotices;
import com.storemetrics.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Support > E-mails: the newest e-mail notices and what became of each (sent, waiting for a retry,
 * failed with the reason, or unknown after a sender stopped mid-send). Read-only.
 */
@Route("support/mail")
@PageTitle("E-mails | Storemetrics")
@Menu(title = "E-mails", order = 11, icon = "vaadin:envelopes")
@RolesAllowed(Roles.SUPPORT)
public class SupportMailView extends VerticalLayout {

    static final int SHOWN = 500;
    private final transient SentNotices notices;
    final Select<String> state = new Select<>();
    final Grid<SentNotices.Row> grid = new Grid<>();

    public SupportMailView(SentNotices notices) {
        this.notices = notices;
        setId("support-mail");
        setSizeFull();
        state.setLabel("State");
        state.setItems(SentNotices.STATES);
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption("Every state");
        state.addValueChangeListener(change -> refresh());
        Button reload = new Button("Reload", VaadinIcon.REFRESH.create(), click -> refresh());
        HorizontalLayout filters = new HorizontalLayout(state, reload);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addColumn(row -> Times.minute(row.createdAt()))
                .setHeader("Written")
                .setAutoWidth(true);
        grid.addColumn(SentNotices.Row::customer).setHeader("Customer").setAutoWidth(true);
        grid.addColumn(row -> row.recipient() == null ? "(none)" : row.recipient())
                .setHeader("To")
                .setAutoWidth(true);
        grid.addColumn(row -> row.kind().title()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(SentNotices.Row::accountName).setHeader("Account").setAutoWidth(true);
        grid.addColumn(SentNotices.Row::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(SentNotices.Row::attempts).setHeader("Attempts").setAutoWidth(true);
        grid.addColumn(row -> row.outcome() == null ? "" : row.outcome())
                .setHeader("Outcome")
                .setFlexGrow(1);
        grid.setSizeFull();

        add(
                new H2("E-mails"),
                new Paragraph("The newest " + SHOWN + " e-mail notices. Unknown: the sender stopped after handing the"
                        + " message to the SMTP server and before hearing its answer; it may have arrived and is"
                        + " never sent again."),
                filters,
                grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(notices.newest(state.getValue(), SHOWN));
    }
}
