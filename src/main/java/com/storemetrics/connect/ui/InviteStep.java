package com.storemetrics.connect.ui;

import com.storemetrics.account.DiscoveredAccount;
import com.storemetrics.connect.ServiceRoles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 3: invite our service Apple ID in every selected account, with the roles the data the
 * customer wants needs (Sales; Finance too for Payments, the default), then confirm. With an API
 * key, "Send invitations for me" asks Apple to do it with those roles.
 */
class InviteStep extends VerticalLayout {

    final Span serviceAppleId = new Span();
    final Button copy = new Button(new Icon(VaadinIcon.COPY_O));
    final UnorderedList checklist = new UnorderedList();
    final Button sendForMe = new Button("Send invitations for me");
    final ProgressBar progress = new ProgressBar();
    final Checkbox confirmed = new Checkbox();
    /** Whether the customer wants Payments, which needs the Finance role besides Sales. */
    final Checkbox payments = new Checkbox("Payments too: what Apple pays you (needs the Finance role)", true);

    private final ListItem roleStep = new ListItem();
    final ValidationOutcome outcome = new ValidationOutcome("invite-outcome");

    private final Map<String, Span> resultByAccountKey = new LinkedHashMap<>();
    /** What only an invitation needs: hidden when our service user is a member of every selected account. */
    private final List<Component> invitationParts = new ArrayList<>();

    final Paragraph noInvitationNeeded = new Paragraph();
    final Anchor howToLink;
    private boolean invitationNeeded = true;

    InviteStep(String appleId) {
        setPadding(false);
        serviceAppleId.setText(appleId);
        serviceAppleId.setId("service-apple-id");
        serviceAppleId.addClassName("service-apple-id");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        copy.setAriaLabel("Copy our Apple ID");
        copy.setTooltipText("Copy our Apple ID");
        copy.addClickListener(click -> {
            copy.getUI().ifPresent(ui -> ui.getPage().executeJs("navigator.clipboard.writeText($0)", appleId));
            Notification.show(
                    "Copied " + appleId + ". Paste it in App Store Connect > Users and Access.",
                    4000,
                    Notification.Position.BOTTOM_START);
        });
        HorizontalLayout idRow = new HorizontalLayout(serviceAppleId, copy);
        idRow.setAlignItems(FlexComponent.Alignment.CENTER);

        OrderedList howTo = new OrderedList(
                new ListItem("In App Store Connect, open Users and Access and press +."),
                new ListItem("Enter our Apple ID above, any first and last name (e.g. Storemetrics Integration)."),
                roleStep,
                new ListItem("Repeat in every account below: each account needs its own invitation."));
        howTo.addClassNames(LumoUtility.Margin.Vertical.NONE);
        Paragraph whyRoles = new Paragraph("Our Apple ID reads only the reports its roles allow. Sales: the daily"
                + " Sales and Subscription reports (Store Metrics, Subscriptions). Finance: Apple's monthly Financial"
                + " reports, what Apple pays you (Payments). Without Finance the rest works and Payments says what is"
                + " missing; you can give the role later.");
        whyRoles.setId("why-roles");
        whyRoles.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.SMALL);
        payments.setId("want-payments");
        payments.addValueChangeListener(change -> showRoles());
        showRoles();
        howToLink = AppStoreConnectLinks.to(
                AppStoreConnectLinks.USERS, "Open Users and Access in App Store Connect (new tab)");

        sendForMe.setVisible(false);
        sendForMe.setTooltipText("Needs an API key with the Admin role");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.getElement().setAttribute("aria-label", "Sending invitations");

        confirmed.setLabel("I have invited " + appleId + " to every selected account");
        confirmed.setId("invited-confirmation");

        Paragraph lead = new Paragraph("Invite our Apple ID to your App Store Connect account:");
        lead.addClassNames(LumoUtility.Margin.NONE);
        Span accountsTitle = new Span("Selected accounts");
        accountsTitle.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        noInvitationNeeded.setId("no-invitation-needed");
        noInvitationNeeded.setText(
                "Our service user is already a member of every selected account, because a colleague "
                        + "connected it: nothing to invite. Press Finish and your integration is approved at once.");
        noInvitationNeeded.setVisible(false);
        invitationParts.addAll(List.of(lead, idRow, payments, whyRoles, howTo, howToLink, sendForMe, confirmed));
        add(
                noInvitationNeeded,
                lead,
                idRow,
                payments,
                whyRoles,
                howTo,
                howToLink,
                accountsTitle,
                checklist,
                sendForMe,
                progress,
                outcome,
                confirmed);
    }

    /** The roles to give our Apple ID, by whether the customer wants Payments. */
    ServiceRoles roles() {
        return payments.getValue() ? ServiceRoles.SALES_AND_FINANCE : ServiceRoles.SALES_ONLY;
    }

    private void showRoles() {
        roleStep.setText("Give it " + roles().inWords() + ", then Invite.");
    }

    /** False when our service user is a member of every selected account: Finish needs no confirmation then. */
    boolean invitationNeeded() {
        return invitationNeeded;
    }

    void show(List<DiscoveredAccount> selected, boolean canSendForCustomer, Set<String> alreadyMembers) {
        checklist.removeAll();
        resultByAccountKey.clear();
        invitationNeeded = selected.stream().anyMatch(account -> !alreadyMembers.contains(account.key()));
        invitationParts.forEach(part -> part.setVisible(invitationNeeded));
        noInvitationNeeded.setVisible(!invitationNeeded);
        for (DiscoveredAccount account : selected) {
            Span result =
                    new Span(alreadyMembers.contains(account.key()) ? "already a member: no invitation needed" : "");
            result.addClassNames(LumoUtility.FontSize.SMALL);
            resultByAccountKey.put(account.key(), result);
            Div row = new Div(
                    new Span(account.name()
                            + (account.accountNumber() != null ? " (account " + account.accountNumber() + ")" : "")
                            + " · vendor " + String.join(", ", account.vendorNumbers()) + " "),
                    result);
            checklist.add(new ListItem(row));
        }
        sendForMe.setVisible(canSendForCustomer && invitationNeeded);
        sendForMe.setEnabled(true);
        outcome.clear();
    }

    void showResult(DiscoveredAccount account, String text, boolean ok) {
        Span result = resultByAccountKey.get(account.key());
        if (result != null) {
            result.setText("— " + text);
            result.removeClassNames(LumoUtility.TextColor.SUCCESS, LumoUtility.TextColor.ERROR);
            result.addClassName(ok ? LumoUtility.TextColor.SUCCESS : LumoUtility.TextColor.ERROR);
        }
    }

    void sending(boolean sending) {
        progress.setVisible(sending);
        sendForMe.setEnabled(!sending);
    }
}
