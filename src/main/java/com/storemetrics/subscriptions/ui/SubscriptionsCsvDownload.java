package com.storemetrics.subscriptions.ui;

import com.storemetrics.metrics.AccountNotApproved;
import com.storemetrics.subscriptions.SubscriptionDashboard;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The "Download CSV" link's answer: the choices on screen, read again when the link is pressed (on
 * that request's thread, as the signed-in customer), so no open view keeps its figures for a rare
 * download. An account that is no longer the customer's answers 404 with a sentence, and the open
 * page is told.
 */
final class SubscriptionsCsvDownload implements DownloadHandler {

    static final String NO_LONGER_AVAILABLE = "These subscriptions are no longer available to you: the App Store "
            + "Connect integration of this account was removed. Open Subscriptions again to see the accounts you "
            + "still have.";

    private final Supplier<SubscriptionsView.Shown> onScreen;
    private final Function<SubscriptionsView.Shown, SubscriptionDashboard> read;
    private final Runnable accountGone;

    SubscriptionsCsvDownload(
            Supplier<SubscriptionsView.Shown> onScreen,
            Function<SubscriptionsView.Shown, SubscriptionDashboard> read,
            Runnable accountGone) {
        this.onScreen = onScreen;
        this.read = read;
        this.accountGone = accountGone;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        SubscriptionsView.Shown query = onScreen.get();
        byte[] csv;
        try {
            csv = SubscriptionsCsv.of(read.apply(query), query.accountName(), query.choiceLabel())
                    .getBytes(StandardCharsets.UTF_8);
        } catch (AccountNotApproved gone) {
            event.getResponse().setStatus(404);
            event.setContentType("text/plain; charset=UTF-8");
            event.getOutputStream().write(NO_LONGER_AVAILABLE.getBytes(StandardCharsets.UTF_8));
            UI ui = event.getUI();
            if (ui != null) {
                ui.access(accountGone::run);
            }
            return;
        }
        event.setFileName("subscriptions-" + query.from() + "-" + query.to() + ".csv");
        event.setContentType("text/csv; charset=UTF-8");
        event.setContentLength(csv.length);
        event.getOutputStream().write(csv);
    }
}
