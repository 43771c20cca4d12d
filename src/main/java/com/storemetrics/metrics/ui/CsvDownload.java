package com.storemetrics.metrics.ui;

import com.storemetrics.metrics.AccountNotApproved;
import com.storemetrics.metrics.Dashboard;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The "Download CSV" link's answer: the filters on screen, read again when the link is pressed (on
 * that request's thread, as the signed-in customer): a download is rare, and holding every open
 * view's figures for it would add to what every open view weighs. When the account is no longer
 * the customer's to see (its integration was removed after the page opened), it answers 404 with
 * a sentence saying so instead of a file, and tells the open page, which updates itself.
 */
final class CsvDownload implements DownloadHandler {

    static final String NO_LONGER_AVAILABLE = "These store metrics are no longer available to you: the App Store "
            + "Connect integration of this account was removed. Open Store Metrics again to see the accounts you "
            + "still have.";

    private final Supplier<StoreMetricsView.Shown> onScreen;
    private final Function<StoreMetricsView.Shown, Dashboard> read;
    private final Runnable accountGone;

    CsvDownload(
            Supplier<StoreMetricsView.Shown> onScreen,
            Function<StoreMetricsView.Shown, Dashboard> read,
            Runnable accountGone) {
        this.onScreen = onScreen;
        this.read = read;
        this.accountGone = accountGone;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        StoreMetricsView.Shown query = onScreen.get();
        byte[] csv;
        try {
            csv = MetricsCsv.of(read.apply(query), query.accountName(), query.appLabel())
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
        event.setFileName("store-metrics-" + query.from() + "-" + query.to() + ".csv");
        event.setContentType("text/csv; charset=UTF-8");
        event.setContentLength(csv.length);
        event.getOutputStream().write(csv);
    }
}
