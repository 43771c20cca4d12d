package com.storemetrics.connect.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** "How do I get this?": links to the App Store Connect pages each step asks the customer to visit, in a new tab. */
final class AppStoreConnectLinks {

    static final String REPORTS = "https://appstoreconnect.apple.com/trends/reports";
    static final String API_KEYS = "https://appstoreconnect.apple.com/access/integrations/api";
    static final String USERS = "https://appstoreconnect.apple.com/access/users";

    private AppStoreConnectLinks() {}

    static Anchor to(String url, String text) {
        Anchor link = new Anchor(url, text, AnchorTarget.BLANK);
        // A new tab must not reach back into this page.
        link.getElement().setAttribute("rel", "noopener noreferrer");
        link.addClassNames(LumoUtility.FontSize.SMALL);
        return link;
    }
}
