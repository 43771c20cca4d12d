package com.storemetrics.myintegrations.ui;

import com.storemetrics.integration.IntegrationRow;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * "Remove Pixel Forge Studio?": what removing one's own integration means, before it happens. A
 * {@link Dialog} rather than Vaadin's ConfirmDialog: this version of the ConfirmDialog makes the page
 * behind it modal by setting aria-hidden on containers that still hold focusable elements, and its
 * tertiary Cancel falls below 4.5:1 contrast on its footer (both found by axe, docs/accessibility.md).
 * Cancel has the focus first: Enter right after opening removes nothing.
 */
final class RemovalConfirmation extends Dialog {

    final Paragraph text = new Paragraph();
    final Button cancel = new Button("Cancel");
    final Button confirm = new Button();

    private RemovalConfirmation(IntegrationRow row, boolean thenReconnect, Runnable onConfirmed) {
        setId("removal-confirmation");
        setHeaderTitle("Remove " + row.accountName() + "?");
        text.setText("Storemetrics stops using the store data of " + row.accountName()
                + (row.accountNumber() != null ? " (account " + row.accountNumber() + ")" : "")
                + " for you. Colleagues who connected the same account keep theirs."
                + (thenReconnect ? " Then you can connect it again." : ""));
        add(text);
        cancel.setId("removal-cancel");
        cancel.addClickListener(click -> close());
        confirm.setId("removal-confirm");
        confirm.setText(thenReconnect ? "Remove and connect again" : "Remove");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(click -> {
            close();
            onConfirmed.run();
        });
        getFooter().add(cancel, confirm);
        setMaxWidth("30rem");
        cancel.getElement().setAttribute("autofocus", "");
    }

    static RemovalConfirmation open(IntegrationRow row, boolean thenReconnect, Runnable onConfirmed) {
        RemovalConfirmation dialog = new RemovalConfirmation(row, thenReconnect, onConfirmed);
        dialog.open();
        return dialog;
    }
}
