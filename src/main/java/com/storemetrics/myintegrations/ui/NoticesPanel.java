package com.storemetrics.myintegrations.ui;

import com.storemetrics.integration.Notice;
import com.storemetrics.myintegrations.IntegrationService;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        // Newest first, each stored notice once, however it reached this page (push, reload, both).
        Map<Long, Notice> all = new LinkedHashMap<>();
        posted.forEach(notice -> all.putIfAbsent(notice.id(), notice));
        banners().stream().map(NoticeBanner::notice).forEach(notice -> all.putIfAbsent(notice.id(), notice));
        show(List.copyOf(all.values()));
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
