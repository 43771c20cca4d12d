package com.storemetrics.sandbox.ui;

import static com.storemetrics.sandbox.ui.ConsoleParts.TIME;
import static com.storemetrics.sandbox.ui.ConsoleParts.label;
import static com.storemetrics.sandbox.ui.ConsoleParts.row;
import static com.storemetrics.sandbox.ui.ConsoleParts.styleCard;

import com.storemetrics.sandbox.SandboxWorld;
import com.storemetrics.sandbox.WorldSnapshot;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.List;

/**
 * One account of the demo world on the console: its members (remove one, as an Account Holder or
 * Admin would), its pending invitations (accept as the invitee, or let one expire) and inviting our
 * service Apple ID. Every button is one call of {@link SandboxWorld} through the console's action.
 */
class AccountCard extends Div {

    /** A console action: do it, say {@code success} or the sandbox's refusal, redraw. */
    @FunctionalInterface
    interface Action {
        void run(String success, Runnable action);
    }

    AccountCard(WorldSnapshot.Account account, String serviceAppleId, SandboxWorld world, Action act) {
        H4 title = new H4(account.name() + " (" + account.number() + ")");
        Span facts = new Span(
                "Vendor numbers " + String.join(", ", account.vendors()) + " · " + account.appCount() + " apps");
        facts.addClassNames(LumoUtility.TextColor.SECONDARY);

        VerticalLayout members = new VerticalLayout();
        members.setPadding(false);
        members.setSpacing(false);
        members.add(label("Members"));
        for (WorldSnapshot.Member member : account.members()) {
            Span who = new Span(member.email() + " · " + String.join(", ", member.roles()));
            if (member.roles().contains("ACCOUNT_HOLDER")) {
                members.add(row(who));
            } else {
                Button remove = new Button(
                        "Remove",
                        e -> act.run(
                                member.email() + " removed from " + account.name(),
                                () -> world.removeMember(account.number(), member.email())));
                remove.setId("remove-" + account.number() + "-" + member.email());
                remove.addThemeVariants(
                        ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                remove.setAriaLabel("Remove " + member.email() + " from " + account.name());
                members.add(row(who, financeToggle(account, member, world, act), remove));
            }
        }

        VerticalLayout invitations = new VerticalLayout();
        invitations.setPadding(false);
        invitations.setSpacing(false);
        invitations.add(label("Pending invitations"));
        if (account.pendingInvitations().isEmpty()) {
            Span none = new Span("None");
            none.addClassNames(LumoUtility.TextColor.SECONDARY);
            invitations.add(none);
        }
        for (WorldSnapshot.Invitation invitation : account.pendingInvitations()) {
            Span what = new Span(invitation.email() + " · " + String.join(", ", invitation.roles()) + " · expires "
                    + TIME.format(invitation.expiresAt()));
            what.setId("invitation-" + invitation.id());
            Button accept = new Button(
                    "Accept as invitee",
                    e -> act.run(
                            invitation.email() + " joined " + account.name(),
                            () -> world.acceptInvitation(invitation.id())));
            accept.setId("accept-" + invitation.id());
            accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            Button expire = new Button(
                    "Expire now",
                    e -> act.run(
                            "Invitation for " + invitation.email() + " expired",
                            () -> world.expireInvitation(invitation.id())));
            expire.setId("expire-" + invitation.id());
            expire.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            invitations.add(row(what, accept, expire));
        }

        boolean serviceIsMember =
                account.members().stream().anyMatch(m -> m.email().equalsIgnoreCase(serviceAppleId));
        boolean serviceIsInvited =
                account.pendingInvitations().stream().anyMatch(i -> i.email().equalsIgnoreCase(serviceAppleId));
        Button invite = new Button(
                "Invite " + serviceAppleId + " (Sales)",
                VaadinIcon.ENVELOPE_O.create(),
                e -> act.run(
                        "Invitation sent to " + serviceAppleId + " in " + account.name(),
                        () -> world.inviteFromConsole(account.number(), serviceAppleId, List.of("SALES"))));
        invite.setId("invite-service-" + account.number());
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        invite.setEnabled(!serviceIsMember && !serviceIsInvited);

        add(title, facts, members, invitations, invite);
        styleCard(this);
        setId("account-" + account.number());
    }

    /**
     * Gives or takes the Finance role, as an Admin would in Users and Access: Financial reports need
     * it (or Admin); Sales alone reads only Sales and Trends.
     */
    private static Button financeToggle(
            WorldSnapshot.Account account, WorldSnapshot.Member member, SandboxWorld world, Action act) {
        boolean hasFinance = member.roles().contains("FINANCE");
        List<String> roles = new ArrayList<>(member.roles());
        if (hasFinance) {
            roles.remove("FINANCE");
        } else {
            roles.add("FINANCE");
        }
        Button toggle = new Button(
                hasFinance ? "Take Finance role" : "Give Finance role",
                e -> act.run(
                        member.email() + (hasFinance ? " no longer has" : " now has") + " the Finance role in "
                                + account.name(),
                        () -> world.changeRoles(account.number(), member.email(), roles)));
        toggle.setId("finance-" + account.number() + "-" + member.email());
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        toggle.setAriaLabel(toggle.getText() + ": " + member.email() + " in " + account.name());
        // A member whose only role is Finance keeps it: Apple wants at least one role.
        toggle.setEnabled(!roles.isEmpty());
        return toggle;
    }
}
