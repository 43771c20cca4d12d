package com.storemetrics.myintegrations.ui;

import com.storemetrics.integration.IntegrationRow;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** "Remove Pixel Forge Studio?": what removing one's own integration means, before it happens. */
final class RemovalConfirmation {

    private RemovalConfirmation() {}

    static void open(IntegrationRow row, boolean thenReconnect, Runnable onConfirmed) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Remove " + row.accountName() + "?");
        confirm.setText("Storemetrics stops using the store data of " + row.accountName()
                + (row.accountNumber() != null ? " (account " + row.accountNumber() + ")" : "")
                + " for you. Colleagues who connected the same account keep theirs."
                + (thenReconnect ? " Then you can connect it again." : ""));
        confirm.setCancelable(true);
        confirm.setConfirmText(thenReconnect ? "Remove and connect again" : "Remove");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> onConfirmed.run());
        confirm.open();
    }
}
