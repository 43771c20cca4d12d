package com.storemetrics.base.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;
import java.util.List;

/**
 * Grids on phones and tablets: below {@link #PHONE_WIDTH} a grid shows only the columns that say
 * what a row is, where it stands and what can be done with it, so nothing important is cut off
 * sideways; the secondary columns come back on a wider window. (At 768 px, a tablet in portrait, all
 * seven columns of the customer's grid pushed Actions out of sight: screenshots in CustomerLayoutIT.)
 */
public final class NarrowScreens {

    /** CSS pixels: phones and tablets in portrait are narrower, laptops and desktops wider. */
    public static final int PHONE_WIDTH = 1024;

    private NarrowScreens() {}

    public static void hideOnPhones(Grid<?> grid, List<? extends Grid.Column<?>> secondary) {
        grid.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(details -> show(secondary, details.getWindowInnerWidth()));
            Registration resizes = page.addBrowserWindowResizeListener(resize -> show(secondary, resize.getWidth()));
            grid.addDetachListener(detach -> {
                resizes.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void show(List<? extends Grid.Column<?>> secondary, int windowWidth) {
        boolean wide = windowWidth <= 0 || windowWidth >= PHONE_WIDTH;
        secondary.forEach(column -> column.setVisible(wide));
    }
}
