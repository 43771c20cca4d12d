package com.storemetrics.myintegrations.ui;

import com.storemetrics.integration.IntegrationRow;
import com.vaadin.flow.component.grid.Grid;

/** For harnesses outside this package: what the open Data Integration view knows, without asking the database. */
public final class DataIntegrationViewProbe {

    public static final Class<DataIntegrationView> VIEW = DataIntegrationView.class;

    private DataIntegrationViewProbe() {}

    public static int knownRows(DataIntegrationView view) {
        return view.knownRows().size();
    }

    /** Whether the view knows this row (from its last fetch or a push), without asking the database. */
    public static boolean knowsRow(DataIntegrationView view, long integrationId) {
        return view.knownRows().stream().anyMatch(row -> row.id() == integrationId);
    }

    /** How many notice banners the view shows now. */
    public static int noticeBanners(DataIntegrationView view) {
        return view.notices.getComponentCount();
    }

    public static Grid<IntegrationRow> grid(DataIntegrationView view) {
        return view.grid;
    }
}
