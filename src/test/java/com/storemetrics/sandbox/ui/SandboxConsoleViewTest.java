package com.storemetrics.sandbox.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.storemetrics.KaribuTest;
import com.storemetrics.base.ui.MainLayout;
import com.storemetrics.sandbox.SandboxWorld;
import com.storemetrics.sandbox.WorldSnapshot;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SandboxConsoleViewTest extends KaribuTest {

    private static final String SERVICE_APPLE_ID = "integration@storemetrics.example";

    @Autowired
    SandboxWorld world;

    @Test
    void a_signed_in_customer_finds_the_console_in_the_menu() {
        login("alice");
        UI.getCurrent().navigate(SandboxConsoleView.ROUTE);

        _assertOne(SandboxConsoleView.class);
        _assertOne(MainLayout.class);
        assertThat(_find(SideNavItem.class).stream().map(SideNavItem::getLabel)).contains("App Store Connect sandbox");
    }

    @Test
    void it_lists_the_accounts_with_vendors_and_app_counts() {
        login("alice");
        UI.getCurrent().navigate(SandboxConsoleView.ROUTE);

        assertThat(_find(H4.class).stream().map(H4::getText))
                .contains(
                        "Pixel Forge Studio (100001)",
                        "Alice Martin (100002)",
                        "Northwind Games (100003)",
                        "Bluebird Labs (100004)");
        assertThat(texts(_get(Div.class, spec -> spec.withId("account-100003"))))
                .anyMatch(text -> text.equals("Vendor numbers 85000003, 85000004 · 230 apps"));
        assertThat(texts(_get(Div.class, spec -> spec.withId("apple-id-alice@pixelforge.example"))))
                .contains("a11ce000-0000-4000-8000-000000000002");
    }

    @Test
    void inviting_the_service_apple_id_shows_the_pending_invitation() {
        login("alice");
        UI.getCurrent().navigate(SandboxConsoleView.ROUTE);
        Button invite = _get(Button.class, spec -> spec.withId("invite-service-100001"));

        ButtonKt._click(invite);

        WorldSnapshot.Invitation invitation = pendingOf("100001").get(0);
        assertThat(invitation.email()).isEqualTo(SERVICE_APPLE_ID);
        assertThat(invitation.roles()).containsExactly("SALES");
        Span shown = _get(Span.class, spec -> spec.withId("invitation-" + invitation.id()));
        assertThat(shown.getText()).startsWith(SERVICE_APPLE_ID + " · SALES · expires ");
        assertThat(_get(Button.class, spec -> spec.withId("invite-service-100001"))
                        .isEnabled())
                .isFalse();
    }

    @Test
    void accepting_as_the_invitee_turns_the_invitation_into_a_membership() {
        login("bob");
        UI.getCurrent().navigate(SandboxConsoleView.ROUTE);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("invite-service-100002")));
        String id = pendingOf("100002").get(0).id();

        ButtonKt._click(_get(Button.class, spec -> spec.withId("accept-" + id)));

        assertThat(pendingOf("100002")).isEmpty();
        assertThat(texts(_get(Div.class, spec -> spec.withId("account-100002"))))
                .contains(SERVICE_APPLE_ID + " · SALES");
        // The account holder removes it again.
        ButtonKt._click(_get(Button.class, spec -> spec.withId("remove-100002-" + SERVICE_APPLE_ID)));
        assertThat(world.snapshot().accounts().get(1).members())
                .noneMatch(m -> m.email().equals(SERVICE_APPLE_ID));
    }

    @Test
    void an_admin_gives_and_takes_the_finance_role_that_financial_reports_need() {
        login("alice");
        UI.getCurrent().navigate(SandboxConsoleView.ROUTE);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("invite-service-100002")));
        ButtonKt._click(_get(
                Button.class,
                spec -> spec.withId("accept-" + pendingOf("100002").get(0).id())));

        Button give = _get(Button.class, spec -> spec.withId("finance-100002-" + SERVICE_APPLE_ID));
        assertThat(give.getText()).isEqualTo("Give Finance role");
        ButtonKt._click(give);

        assertThat(texts(_get(Div.class, spec -> spec.withId("account-100002"))))
                .contains(SERVICE_APPLE_ID + " · SALES, FINANCE");
        Button take = _get(Button.class, spec -> spec.withId("finance-100002-" + SERVICE_APPLE_ID));
        assertThat(take.getText()).isEqualTo("Take Finance role");
        ButtonKt._click(take);
        assertThat(texts(_get(Div.class, spec -> spec.withId("account-100002"))))
                .contains(SERVICE_APPLE_ID + " · SALES");
        // The Account Holder has no such button: her roles are not the console's to change.
        assertThat(_find(Button.class, spec -> spec.withId("finance-100002-alice@pixelforge.example")))
                .isEmpty();
    }

    @Test
    void expiring_an_invitation_and_revoking_a_token_show_at_once() {
        login("alice");
        UI.getCurrent().navigate(SandboxConsoleView.ROUTE);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("invite-service-100004")));
        String id = pendingOf("100004").get(0).id();

        ButtonKt._click(_get(Button.class, spec -> spec.withId("expire-" + id)));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("revoke-bob@pixelforge.example")));

        assertThat(pendingOf("100004")).isEmpty();
        assertThat(_find(Span.class, spec -> spec.withId("invitation-" + id))).isEmpty();
        assertThat(texts(_get(Div.class, spec -> spec.withId("apple-id-bob@pixelforge.example"))))
                .contains("Token revoked");
        assertThat(_get(Button.class, spec -> spec.withId("revoke-bob@pixelforge.example"))
                        .isEnabled())
                .isFalse();
    }

    @Test
    void icon_buttons_carry_accessible_labels() {
        login("alice");
        UI.getCurrent().navigate(SandboxConsoleView.ROUTE);

        List<Button> iconOnly = _find(_get(SandboxConsoleView.class), Button.class).stream()
                .filter(b -> b.getText().isEmpty())
                .toList();

        assertThat(iconOnly)
                .isNotEmpty()
                .allSatisfy(b -> assertThat(b.getAriaLabel()).isPresent());
    }

    private List<WorldSnapshot.Invitation> pendingOf(String accountNumber) {
        return world.snapshot().accounts().stream()
                .filter(a -> a.number().equals(accountNumber))
                .findFirst()
                .orElseThrow()
                .pendingInvitations();
    }

    /** Every span text inside a component, depth first. */
    private static List<String> texts(Component root) {
        return _find(root, Span.class).stream().map(Span::getText).toList();
    }
}
