package com.storemetrics.metrics.ui;

import com.github.mvysny.fakeservlet.FakeResponse;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Presses a "Download CSV" link in a Karibu UI and keeps the whole answer, status included
 * (Karibu's own download helper returns only the bytes of a successful one).
 */
public final class CsvDownloadProbe {

    private CsvDownloadProbe() {}

    public static FakeResponse press(Anchor export) {
        VaadinSession session = VaadinSession.getCurrent();
        var resource = (StreamResourceRegistry.ElementStreamResource) session.getResourceRegistry()
                .getResource(URI.create(export.getHref()))
                .orElseThrow();
        FakeResponse answer = new FakeResponse();
        try {
            resource.getElementRequestHandler()
                    .handleRequest(
                            VaadinServletRequest.getCurrent(),
                            new VaadinServletResponse(answer, (VaadinServletService) VaadinService.getCurrent()),
                            session,
                            resource.getOwner());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return answer;
    }
}
