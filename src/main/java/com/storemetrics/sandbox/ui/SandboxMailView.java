package com.storemetrics.sandbox.ui;

import com.storemetrics.sandbox.SandboxMailServer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;

/**
 * The development mailbox: every e-mail the app sent to the sandbox's GreenMail, newest first, with
 * its plain text (links included), so whoever follows the README sees each notice arrive. Registered
 * by {@link SandboxConsoleRoute} only while the sandbox's mail server runs.
 */
@PageTitle("Development mailbox | Storemetrics")
@Menu(title = "Development mailbox", order = 51, icon = "vaadin:envelopes-o")
@PermitAll
class SandboxMailView extends VerticalLayout {

    static final String ROUTE = "sandbox/mail";

    private final transient SandboxMailServer mail;
    final VerticalLayout messages = new VerticalLayout();

    SandboxMailView(SandboxMailServer mail) {
        this.mail = mail;
        setId("sandbox-mail");
        setMaxWidth("70rem");
        messages.setPadding(false);
        Paragraph intro = new Paragraph("What the app sent to the development mail server (GreenMail: SMTP "
                + mail.smtpPort() + " on this machine). Every recipient is a mailbox; an IMAP client reaches it on"
                + " the configured IMAP port with the address as user name and password.");
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);
        Button reload = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> refresh());
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button empty = new Button("Empty every mailbox", VaadinIcon.TRASH.create(), click -> {
            mail.clear();
            refresh();
        });
        empty.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        add(new H2("Development mailbox"), intro, new HorizontalLayout(reload, empty), messages);
        refresh();
    }

    private void refresh() {
        messages.removeAll();
        var received = mail.received();
        if (received.isEmpty()) {
            messages.add(new Paragraph("No e-mail yet."));
            return;
        }
        for (SandboxMailServer.Received message : received) {
            Pre text = new Pre(message.text() == null ? "" : message.text());
            text.getStyle().set("white-space", "pre-wrap");
            Details details = new Details(
                    ConsoleParts.TIME.format(message.at()) + "  To " + message.to() + ": " + message.subject(), text);
            details.setWidthFull();
            messages.add(details);
        }
    }
}
