package com.storemetrics.base.ui;

import com.storemetrics.security.SignedInUser;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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

    private SideNav buildNavigation() {
        SideNav nav = new SideNav();
        Map<String, SideNavItem> groups = new LinkedHashMap<>();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            String group = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            String label = GROUP_LABELS.get(group);
            if (label == null || !path.contains("/")) {
                nav.addItem(item);
            } else {
                groups.computeIfAbsent(group, g -> {
                            SideNavItem parent = new SideNavItem(label);
                            parent.setExpanded(true);
                            nav.addItem(parent);
                            return parent;
                        })
                        .addItem(item);
            }
        }
        return nav;
    }
}
