package com.storemetrics.base.ui;

import com.storemetrics.security.SignedInUser;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shell around every signed-in view: a header with the user's name and "Log out", and a side
 * navigation built from the {@code @Menu} annotations of the views this user may open, grouped by
 * the first segment of their route ("my-account/..." under "My Account").
 */
@Layout
@AnonymousAllowed
public final class MainLayout extends AppLayout {

    private static final Map<String, String> GROUP_LABELS = Map.of(
            "my-account", "My Account",
            "support", "Support");

    public MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);

        Span brand = new Span("Storemetrics");
        brand.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE, LumoUtility.Padding.MEDIUM);
        addToDrawer(brand, buildNavigation());

        HorizontalLayout header = new HorizontalLayout();
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.addClassNames(LumoUtility.Padding.End.MEDIUM);
        Span spacer = new Span();
        header.add(new DrawerToggle(), spacer);
        header.setFlexGrow(1, spacer);
        authentication.getAuthenticatedUser(SignedInUser.class).ifPresent(user -> {
            Span name = new Span(user.displayName());
            name.setId("signed-in-user");
            Button logout = new Button("Log out", new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            header.add(name, logout);
        });
        addToNavbar(header);
    }

    /**
     * One labelled navigation per group ("My Account", "Support") and one for the pages outside a
     * group. A group is a heading, not a parent item: Vaadin's expandable parent item points its
     * toggle's {@code aria-controls} into its shadow root, which assistive technology cannot
     * resolve (axe: aria-valid-attr-value), and a group that hides its pages helps nobody here.
     */
    private Div buildNavigation() {
        Map<String, SideNav> groups = new LinkedHashMap<>();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            String group = path.contains("/") ? path.substring(0, path.indexOf('/')) : "";
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            String label = GROUP_LABELS.get(group);
            groups.computeIfAbsent(label == null ? "" : label, MainLayout::navigation)
                    .addItem(item);
        }
        Div navigation = new Div();
        // The labelled groups first, then the pages of no group (the sandbox console).
        groups.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(String::isEmpty)))
                .forEach(group -> navigation.add(group.getValue()));
        return navigation;
    }

    private static SideNav navigation(String label) {
        SideNav nav = new SideNav();
        if (!label.isEmpty()) {
            nav.setLabel(label);
            nav.setCollapsible(false);
        }
        nav.addClassNames(LumoUtility.Margin.Bottom.MEDIUM);
        return nav;
    }
}
