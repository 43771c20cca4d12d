package com.storemetrics.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Session-wide behaviour: an expired session reloads silently (and Spring Security then shows the
 * login page), and an unexpected error in an event listener becomes a notification with a
 * reference instead of Vaadin's technical dialog. A browser that went away mid-write, or whose push
 * channel closed after it signed out, is no error; a browser whose messages are out of step with
 * its page is the client's fault (a warning).
 */
@Component
class VaadinSessionSetup implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(VaadinSessionSetup.class);

    private static final String PUSH_HANDLER = "com.vaadin.flow.server.communication.PushHandler";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(info -> systemMessages());
        event.getSource()
                .addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
                    if (browserWentAway(error.getThrowable())) {
                        // A push written to a tab that was closed or navigated away: nobody is there to tell,
                        // and nothing failed on our side.
                        log.debug("The browser left while a response or push was written", error.getThrowable());
                        return;
                    }
                    if (pushClosedAfterSignOut(error.getThrowable())) {
                        // Vaadin's push handler looks for the UI of a channel that closed after the sign-out
                        // ended its session: there is no UI left to clean up, and nothing failed.
                        log.debug("A push channel closed after its session ended", error.getThrowable());
                        return;
                    }
                    if (clientOutOfStep(error.getThrowable())) {
                        // A client's fault, not ours: a tab or script numbering its messages wrongly (a stale
                        // tab after a node change, a broken client). Vaadin refuses the message; nothing failed here.
                        log.warn(
                                "A browser sent a message out of step with its page, which Vaadin refused: {}",
                                error.getThrowable().getMessage());
                        return;
                    }
                    String reference = UUID.randomUUID().toString().substring(0, 8);
                    log.error("Unexpected error in the UI (reference {})", reference, error.getThrowable());
                    UI ui = UI.getCurrent();
                    if (ui != null) {
                        Notification notification = Notification.show(
                                "Something went wrong. Please try again;"
                                        + " if it keeps happening, contact support with reference " + reference + ".",
                                8000,
                                Notification.Position.MIDDLE);
                        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                }));
    }

    /**
     * Whether the failure is only the connection to the browser breaking while we wrote to it: the
     * servlet container's client-abort exception, or a broken pipe / reset connection.
     */
    static boolean browserWentAway(Throwable failure) {
        return anyCause(failure, cause -> {
            String message = String.valueOf(cause.getMessage());
            return cause.getClass().getSimpleName().equals("ClientAbortException")
                    || cause instanceof IOException
                            && (message.contains("Broken pipe") || message.contains("Connection reset"));
        });
    }

    /**
     * Whether the failure is Vaadin's push handler reading a session that a sign-out already ended,
     * as it handles the lost connection of that session's push channel (seen when 1,000 signed-in
     * sessions signed out at once under load).
     */
    static boolean pushClosedAfterSignOut(Throwable failure) {
        return anyCause(
                failure,
                cause -> cause instanceof IllegalStateException
                        && String.valueOf(cause.getMessage()).contains("Session already invalidated")
                        && Arrays.stream(cause.getStackTrace())
                                .anyMatch(frame -> frame.getClassName().equals(PUSH_HANDLER)
                                        && frame.getMethodName().equals("connectionLost")));
    }

    /**
     * Whether the failure is Vaadin refusing a client message whose id is not the one the UI expects
     * next ({@code ServerRpcHandler}'s "Unexpected message id from the client").
     */
    static boolean clientOutOfStep(Throwable failure) {
        return anyCause(
                failure,
                cause -> cause instanceof UnsupportedOperationException
                        && String.valueOf(cause.getMessage()).startsWith("Unexpected message id from the client"));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    static CustomizedSystemMessages systemMessages() {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        // No "session expired" box to click: reload straight away, which lands on the login page.
        messages.setSessionExpiredNotificationEnabled(false);
        return messages;
    }
}
