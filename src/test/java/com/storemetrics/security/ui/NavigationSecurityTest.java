package com.storemetrics.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.storemetrics.KaribuTest;
import com.storemetrics.base.ui.NotFoundView;
import com.storemetrics.myintegrations.ui.DataIntegrationView;
import com.storemetrics.support.ui.SupportIntegrationsView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

class NavigationSecurityTest extends KaribuTest {

    @Test
    void anonymous_users_land_on_the_login_page() {
        UI.getCurrent().navigate("my-account/data-integration");
        _assertOne(LoginView.class);
        _assertNone(DataIntegrationView.class);
    }

    @Test
    void anonymous_users_cannot_open_the_support_view() {
        UI.getCurrent().navigate("support/integrations");
        _assertOne(LoginView.class);
    }

    @Test
    void a_customer_reaches_data_integration_from_the_start_page() {
        login("alice");
        UI.getCurrent().navigate("");
        _assertOne(DataIntegrationView.class);
        // The sandbox is on in tests: its console and mailbox (any signed-in user) follow the role's own entries.
        assertThat(navigationLabels())
                .containsExactly(
                        "My Account: Data Integration",
                        "My Account: Store Metrics",
                        "My Account: Subscriptions",
                        "My Account: Payments",
                        "My Account: Notifications",
                        "App Store Connect sandbox",
                        "Development mailbox");
    }

    @Test
    void a_customer_is_denied_the_support_view() {
        login("bob");
        UI.getCurrent().navigate("support/integrations");
        assertThat(activeViews()).doesNotHaveAnyElementsOfTypes(SupportIntegrationsView.class);
    }

    @Test
    void support_staff_reach_the_support_view_from_the_start_page() {
        login("carol");
        UI.getCurrent().navigate("");
        _assertOne(SupportIntegrationsView.class);
        assertThat(navigationLabels())
                .containsExactly(
                        "Support: Integrations",
                        "Support: E-mails",
                        "App Store Connect sandbox",
                        "Development mailbox");
    }

    @Test
    void support_staff_are_denied_the_customer_view() {
        login("carol");
        UI.getCurrent().navigate("my-account/data-integration");
        assertThat(activeViews()).doesNotHaveAnyElementsOfTypes(DataIntegrationView.class);
    }

    @Test
    void anonymous_users_opening_an_unknown_route_are_asked_to_sign_in_first() {
        UI.getCurrent().navigate("no/such/page");
        _assertOne(LoginView.class);
        _assertNone(NotFoundView.class);
    }

    /**
     * What the router shows now. Karibu renders a denied route as an error view that its locators
     * refuse to search, so denial is checked on the router's chain instead.
     */
    private static List<?> activeViews() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain();
    }

    private static List<String> navigationLabels() {
        return _find(SideNavItem.class).stream()
                .map(item -> item.getParent()
                        .map(nav -> ((SideNav) nav).getLabel())
                        .map(group -> group + ": " + item.getLabel())
                        .orElse(item.getLabel()))
                .toList();
    }

    @Test
    void the_header_names_the_user_and_log_out_ends_the_session() {
        login("alice");
        UI.getCurrent().navigate("my-account/data-integration");
        assertThat(_get(Span.class, spec -> spec.withId("signed-in-user")).getText())
                .isEqualTo("Alice Martin (Pixel Forge)");

        ButtonKt._click(_get(Button.class, spec -> spec.withText("Log out")));

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }
}
