package com.storemetrics.notices.ui;

import com.storemetrics.notices.NoticeKind;
import com.storemetrics.notices.NotificationSettings;
import com.storemetrics.security.Roles;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.Map;

/**
 * My Account > Notifications: where e-mail notices go and which kinds the customer gets. Every
 * switch saves at once; the address saves with its button once it is a usable address.
 */
@Route("my-account/notifications")
@PageTitle("Notifications | Storemetrics")
@Menu(title = "Notifications", order = 4, icon = "vaadin:envelope")
@RolesAllowed(Roles.CUSTOMER)
public class NotificationsView extends VerticalLayout {

    private final transient NotificationSettings settings;
    final EmailField email = new EmailField("E-mail address");
    final Button saveEmail = new Button("Save address");
    final Map<NoticeKind, Checkbox> switches = new EnumMap<>(NoticeKind.class);

    public NotificationsView(NotificationSettings settings) {
        this.settings = settings;
        setId("notifications");
        setMaxWidth("48rem");
        NotificationSettings.Settings mine = settings.mine();

        email.setValue(mine.email());
        email.setWidth("22rem");
        email.setMaxLength(254);
        email.setHelperText("E-mail notices go here. Changing it affects messages written from now on.");
        saveEmail.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveEmail.addClickListener(click -> saveEmail());
        email.addKeyPressListener(Key.ENTER, enter -> saveEmail());
        HorizontalLayout address = new HorizontalLayout(email, saveEmail);
        address.setAlignItems(FlexComponent.Alignment.BASELINE);
        address.setWrap(true);

        add(
                new H2("Notifications"),
                new Paragraph("We e-mail you when one of your integrations needs you or changes while you are not"
                        + " looking. Each e-mail also has a link that switches its kind off."),
                address,
                new H3("Send me an e-mail"));
        for (NoticeKind kind : NoticeKind.values()) {
            Checkbox toggle = new Checkbox(kind.title(), mine.enabled().contains(kind));
            toggle.setHelperText(kind.description());
            toggle.setId("notice-" + kind.key());
            toggle.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    settings.setEnabled(kind, change.getValue());
                    saved((change.getValue() ? "On: " : "Off: ") + kind.title());
                }
            });
            switches.put(kind, toggle);
            add(toggle);
        }
    }

    private void saveEmail() {
        try {
            email.setValue(settings.changeEmail(email.getValue()));
            email.setInvalid(false);
            saved("E-mail notices go to " + email.getValue());
        } catch (NotificationSettings.InvalidAddress invalid) {
            email.setErrorMessage(invalid.getMessage());
            email.setInvalid(true);
        }
    }

    private static void saved(String what) {
        Notification.show(what, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
