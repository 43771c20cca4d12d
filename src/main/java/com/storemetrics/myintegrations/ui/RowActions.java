package com.storemetrics.myintegrations.ui;

import com.storemetrics.integration.IntegrationNotFound;
import com.storemetrics.integration.IntegrationRow;
import com.storemetrics.myintegrations.CheckAgain;
import com.storemetrics.myintegrations.IntegrationService;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.function.LongConsumer;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * What the buttons of a customer's row do: details, Check again, remove (after confirmation), and
 * remove and connect again. Runs on the customer's request thread (a click), never from a push.
 */
class RowActions implements IntegrationsGrid.Actions {

    private final IntegrationService integrations;
    private final String serviceAppleId;
    private final LongConsumer openDetails;
    private final Runnable openDialog;
    private final LongConsumer removedHere;
    private final Runnable refresh;

    RowActions(
            IntegrationService integrations,
            String serviceAppleId,
            LongConsumer openDetails,
            Runnable openDialog,
            LongConsumer removedHere,
            Runnable refresh) {
        this.integrations = integrations;
        this.serviceAppleId = serviceAppleId;
        this.openDetails = openDetails;
        this.openDialog = openDialog;
        this.removedHere = removedHere;
        this.refresh = refresh;
    }

    @Override
    public void details(IntegrationRow row) {
        openDetails.accept(row.id());
    }

    @Override
    public void remove(IntegrationRow row) {
        RemovalConfirmation.open(row, false, () -> removeNow(row, false));
    }

    @Override
    public void removeAndReconnect(IntegrationRow row) {
        RemovalConfirmation.open(row, true, () -> removeNow(row, true));
    }

    @Override
    public void checkAgain(IntegrationRow row) {
        try {
            CheckAgain outcome = integrations.checkAgain(row.id());
            Notification.show(
                            outcome.asked()
                                    ? "Checking " + row.accountName() + " with Apple now; the row updates by itself."
                                    : "A check was asked for a moment ago. You can ask again in "
                                            + outcome.retryIn().toSeconds()
                                            + " s; meanwhile the row updates by itself.",
                            5000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(
                            outcome.asked() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
        } catch (IntegrationNotFound gone) {
            warn(gone.getMessage());
            refresh.run();
        }
    }

    @Override
    public String serviceAppleId() {
        return serviceAppleId;
    }

    private void removeNow(IntegrationRow row, boolean thenReconnect) {
        try {
            integrations.remove(row.id());
            removedHere.accept(row.id());
            Notification.show(row.accountName() + " was removed.", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            if (thenReconnect) {
                openDialog.run();
            }
        } catch (IntegrationNotFound gone) {
            warn(gone.getMessage());
            refresh.run();
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            warn(row.accountName() + " changed while you were looking at it. Check its status and try again.");
            refresh.run();
        }
    }

    static void warn(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_WARNING);
    }
}
