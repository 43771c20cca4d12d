package com.storemetrics.myintegrations.ui;

import com.storemetrics.integration.Notice;
import com.storemetrics.myintegrations.IntegrationService;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the verifier did to the customer's integrations: a notification when it happens, and a
 * banner per stored notice that stays, visit after visit, until the customer dismisses it.
 */
class NoticesPanel extends VerticalLayout {

    private final transient IntegrationService integrations;

    NoticesPanel(IntegrationService integrations) {
        this.integrations = integrations;
        setId("notices");
        setPadding(false);
        setSpacing(false);
        addClassNames(LumoUtility.Gap.SMALL);
    }

    /** The customer's open notices, from the database. */
    void reload() {
        show(integrations.openNotices());
    }

    /** Notices just posted: a notification each now, and a banner each among the ones shown. */
    void announce(List<Notice> posted) {
        posted.forEach(notice -> Notification.show(notice.message(), 10000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR));
        // Newest first, each stored notice once, however it reached this page (push, reload, both). The
        // banners shown stay as they are: re-creating them would re-send each in the push (docs/live-updates.md).
        Set<Long> shown = banners().stream().map(banner -> banner.notice().id()).collect(Collectors.toSet());
        int top = 0;
        for (Notice notice : posted) {
            if (shown.add(notice.id())) {
                addComponentAtIndex(top++, new NoticeBanner(notice, this::dismiss));
            }
        }
        setVisible(!shown.isEmpty());
    }

    private void show(List<Notice> open) {
        removeAll();
        open.forEach(notice -> add(new NoticeBanner(notice, this::dismiss)));
        setVisible(!open.isEmpty());
    }

    private void dismiss(Notice dismissed) {
        integrations.dismissNotice(dismissed.id());
        banners().stream()
                .filter(banner -> banner.notice().id() == dismissed.id())
                .findFirst()
                .ifPresent(this::remove);
        setVisible(!banners().isEmpty());
    }

    private List<NoticeBanner> banners() {
        return getChildren().map(NoticeBanner.class::cast).toList();
    }
}
