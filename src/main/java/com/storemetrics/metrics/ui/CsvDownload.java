package com.storemetrics.metrics.ui;

import com.storemetrics.metrics.AccountNotApproved;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A "Download CSV" link's answer on a store-data page (Store Metrics, Subscriptions): the file is
 * made when the link is pressed, from the filters on screen, on that request's thread as the
 * signed-in customer. A download is rare, and holding every open view's figures for it would add
 * to what every open view weighs. When the account is no longer the customer's to see (its
 * integration was removed after the page opened), it answers 404 with {@code noLongerAvailable}
 * instead of a file, and tells the open page, which updates itself.
 */
public final class CsvDownload implements DownloadHandler {

    /** A CSV file: its name and its text. */
    public record File(String name, String text) {}

    private final Supplier<File> make;
    private final String noLongerAvailable;
    private final Runnable accountGone;

    /** {@code make} reads the figures on screen and throws {@link AccountNotApproved} when they are gone. */
    public CsvDownload(Supplier<File> make, String noLongerAvailable, Runnable accountGone) {
        this.make = make;
        this.noLongerAvailable = noLongerAvailable;
        this.accountGone = accountGone;
    }

    @Override
    public void handleDownloadRequest(DownloadEvent event) throws IOException {
        File file;
        try {
            file = make.get();
        } catch (AccountNotApproved gone) {
            event.getResponse().setStatus(404);
            event.setContentType("text/plain; charset=UTF-8");
            event.getOutputStream().write(noLongerAvailable.getBytes(StandardCharsets.UTF_8));
            UI ui = event.getUI();
            if (ui != null) {
                ui.access(accountGone::run);
            }
            return;
        }
        byte[] csv = file.text().getBytes(StandardCharsets.UTF_8);
        event.setFileName(file.name());
        event.setContentType("text/csv; charset=UTF-8");
        event.setContentLength(csv.length);
        event.getOutputStream().write(csv);
    }
}
